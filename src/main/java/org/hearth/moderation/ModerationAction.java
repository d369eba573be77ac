package org.hearth.moderation;

/** What a moderator decided about a flagged post and its author, or a flagged member, in the words the member reads. */
public enum ModerationAction {
    KEEP("Your post was kept", "A moderator looked at the flags on your post and kept it: it is shown again."),
    HIDE("Your post was hidden", "A moderator hid your post from members. You still see it."),
    REMOVE("Your post was removed", "A moderator removed your post. Its text is kept for you."),
    LOCK_TOPIC("A topic you wrote in was locked", "A moderator locked the topic of your post: it takes no new replies. Your post stays as it is."),
    EDIT_TITLE("A topic's title was edited", "A moderator changed the title of the topic of your post. Your post is shown as it is."),
    MOVE_TOPIC("A topic you wrote in was moved", "A moderator moved the topic of your post, with all its replies, to another community that suits it better. Your post is shown there."),
    WARN("You were warned", "A moderator warned you."),
    MUTE("You were muted", "A moderator muted you: you may read but not write in this community for a time."),
    SUSPEND("You were suspended", "A moderator suspended you: you may read but not write or flag in this community for a time."),
    BAN("You were banned", "A moderator banned you from this community: you are no longer a member and cannot join it again unless an appeal is upheld."),
    /** Flags about a member as a person were wrong: nothing changes for them. */
    DISMISS("Flags about you were turned down", "A moderator read flags about you and found nothing against the community's rules. Nothing changes for you."),
    /** Not taken in the review queue: a moderator set a member's trust level on their standing page. */
    TRUST_LEVEL("Your trust level was set", "A moderator set your trust level in this community; your standing page there says what it is now."),
    /** Flags of possible misinformation answered with an evidence note beside the post: nothing changes for its author. */
    NOTE_ANSWERED("Flags on your post were answered with an evidence note",
            "Flags of possible medical misinformation on your post were answered with an evidence note beside it. Your post is unchanged."),
    /** Flags of possible misinformation turned down by an advisor or a moderator. */
    MISINFO_TURNED_DOWN("Flags on your post were turned down",
            "Flags of possible medical misinformation on your post were turned down. Your post is unchanged."),
    /** An appeal decided for the member: the action appealed is undone. */
    APPEAL_UPHELD("Your appeal was upheld", "Your appeal was read by someone other than the moderator who acted, and upheld: the earlier decision is undone."),
    /** An appeal decided against the member: the action appealed stands. */
    APPEAL_DENIED("Your appeal was not upheld", "Your appeal was read by someone other than the moderator who acted, who kept the earlier decision.");

    private final String headline;
    private final String meaning;

    ModerationAction(String headline, String meaning) {
        this.headline = headline;
        this.meaning = meaning;
    }

    public String headline() {
        return headline;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether the action is for a time, given in days. */
    public boolean timed() {
        return this == MUTE || this == SUSPEND;
    }

    /** In a moderator's words: "kept the post", for the notice after deciding. */
    public String label() {
        return switch (this) {
            case KEEP -> "the post is shown again";
            case HIDE -> "the post is hidden";
            case REMOVE -> "the post is removed";
            case LOCK_TOPIC -> "the topic is locked";
            case MOVE_TOPIC -> "the topic is moved";
            case EDIT_TITLE -> "the topic's title is changed";
            case WARN -> "the author is warned and the post hidden";
            case MUTE -> "the author is muted and the post hidden";
            case SUSPEND -> "the author is suspended and the post hidden";
            case BAN -> "the author is banned and the post hidden";
            case DISMISS, MISINFO_TURNED_DOWN -> "the flags are turned down";
            case NOTE_ANSWERED -> "the flags are answered with an evidence note";
            case TRUST_LEVEL -> "their trust level is set";
            case APPEAL_UPHELD -> "the appeal is upheld and the action undone";
            case APPEAL_DENIED -> "the appeal is not upheld; the action stands";
        };
    }

    /** What the public moderation log says was done, naming no one. */
    public String logLine() {
        return switch (this) {
            case KEEP -> "Kept a flagged post: the flags were not upheld";
            case HIDE -> "Hid a post";
            case REMOVE -> "Removed a post";
            case LOCK_TOPIC -> "Locked a topic";
            case MOVE_TOPIC -> "Moved a topic to another community";
            case EDIT_TITLE -> "Edited a topic's title";
            case WARN -> "Warned a member";
            case MUTE -> "Muted a member";
            case SUSPEND -> "Suspended a member";
            case BAN -> "Banned a member";
            case DISMISS -> "Turned down flags about a member";
            case NOTE_ANSWERED -> "Answered flags of possible medical misinformation with an evidence note";
            case MISINFO_TURNED_DOWN -> "Turned down flags of possible medical misinformation";
            case TRUST_LEVEL -> "Set a member's trust level";
            case APPEAL_UPHELD -> "Upheld a member's appeal: the earlier action is undone";
            case APPEAL_DENIED -> "Did not uphold a member's appeal: the earlier action stands";
        };
    }

    /** What the moderator's form offers, in their words. */
    public String choice() {
        return switch (this) {
            case KEEP -> "Keep: the flags were wrong; show the post again";
            case HIDE -> "Hide the post";
            case REMOVE -> "Remove the post";
            case LOCK_TOPIC -> "Lock the topic: no new replies (the post stays)";
            case MOVE_TOPIC -> "Move the topic to another community you moderate (and show the post again)";
            case EDIT_TITLE -> "Edit the topic's title (and show the post again)";
            case WARN -> "Warn the author (and hide the post)";
            case MUTE -> "Mute the author for some days (and hide the post)";
            case SUSPEND -> "Suspend the author for some days (and hide the post)";
            case BAN -> "Ban the author from this community (and hide the post)";
            case DISMISS -> "Turn the flags down: nothing against the rules";
            case NOTE_ANSWERED -> "Answer with an evidence note";
            case MISINFO_TURNED_DOWN -> "Turn the flags down: what the post says is not misinformation";
            case TRUST_LEVEL -> "Set the author's trust level";
            case APPEAL_UPHELD -> "Uphold the appeal and undo the action";
            case APPEAL_DENIED -> "Do not uphold the appeal: the action stands";
        };
    }

    /** What a moderator may decide in the review queue about a flagged post. */
    public static java.util.List<ModerationAction> inReview() {
        return java.util.Arrays.stream(values()).filter(action -> action != TRUST_LEVEL && action != DISMISS && !action.decidesAnAppeal()
                && !action.answersMisinformation()).toList();
    }

    /** What a moderator may decide about a member flagged as a person: there is no post to hide. */
    public static java.util.List<ModerationAction> aboutAMember() {
        return java.util.List.of(DISMISS, WARN, MUTE, SUSPEND, BAN);
    }

    /** In a moderator's words, for the notice after deciding about a flagged member: "they are muted". */
    public String labelAboutAMember() {
        return switch (this) {
            case WARN -> "they are warned";
            case MUTE -> "they are muted";
            case SUSPEND -> "they are suspended";
            case BAN -> "they are banned from this community";
            default -> label();
        };
    }

    /** The choice on the form about a flagged member, in the moderator's words. */
    public String choiceAboutAMember() {
        return switch (this) {
            case WARN -> "Warn them";
            case MUTE -> "Mute them for some days: they may read but not write here";
            case SUSPEND -> "Suspend them for some days: they may read but not write or flag here";
            case BAN -> "Ban them from this community";
            default -> choice();
        };
    }

    /**
     * Whether the member it concerns may appeal it: every action against them or their post. Not
     * a keep or a dismissal (they are in their favour), not an appeal's own decision (an appeal is heard once), and
     * not a trust level, which moderators set again on the standing page with its own record.
     */
    public boolean appealable() {
        return this != KEEP && this != DISMISS && this != TRUST_LEVEL && !decidesAnAppeal() && !answersMisinformation();
    }

    /** Settles flags of possible misinformation, from the clinical review: the post is left as it is. */
    public boolean answersMisinformation() {
        return this == NOTE_ANSWERED || this == MISINFO_TURNED_DOWN;
    }

    public boolean decidesAnAppeal() {
        return this == APPEAL_UPHELD || this == APPEAL_DENIED;
    }

    /** An action of the review queue by its name, or null for anything else. */
    public static ModerationAction valueOfOrNull(String name) {
        return named(name, inReview());
    }

    /** An action about a flagged member by its name, or null for anything else. */
    public static ModerationAction aboutAMemberOrNull(String name) {
        return named(name, aboutAMember());
    }

    private static ModerationAction named(String name, java.util.List<ModerationAction> among) {
        for (ModerationAction action : among) {
            if (action.name().equals(name)) {
                return action;
            }
        }
        return null;
    }
}
