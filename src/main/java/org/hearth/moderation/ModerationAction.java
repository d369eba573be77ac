package org.hearth.moderation;

/** What a moderator decided about a flagged post and its author, in the words the member reads. */
public enum ModerationAction {
    KEEP("Your post was kept", "A moderator looked at the flags on your post and kept it: it is shown again."),
    HIDE("Your post was hidden", "A moderator hid your post from members. You still see it."),
    REMOVE("Your post was removed", "A moderator removed your post. Its text is kept for you."),
    LOCK_TOPIC("A topic you wrote in was locked", "A moderator locked the topic of your post: it takes no new replies. Your post stays as it is."),
    WARN("You were warned", "A moderator warned you about a post."),
    MUTE("You were muted", "A moderator muted you: you may read but not write in this community for a time."),
    SUSPEND("You were suspended", "A moderator suspended you: you may read but not write or flag in this community for a time."),
    /** Not taken in the review queue: a moderator set a member's trust level on their standing page. */
    TRUST_LEVEL("Your trust level was set", "A moderator set your trust level in this community; your standing page there says what it is now.");

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
            case WARN -> "the author is warned and the post hidden";
            case MUTE -> "the author is muted and the post hidden";
            case SUSPEND -> "the author is suspended and the post hidden";
            case TRUST_LEVEL -> "their trust level is set";
        };
    }

    /** What the public moderation log says was done, naming no one. */
    public String logLine() {
        return switch (this) {
            case KEEP -> "Kept a flagged post: the flags were not upheld";
            case HIDE -> "Hid a post";
            case REMOVE -> "Removed a post";
            case LOCK_TOPIC -> "Locked a topic";
            case WARN -> "Warned a member";
            case MUTE -> "Muted a member";
            case SUSPEND -> "Suspended a member";
            case TRUST_LEVEL -> "Set a member's trust level";
        };
    }

    /** What the moderator's form offers, in their words. */
    public String choice() {
        return switch (this) {
            case KEEP -> "Keep: the flags were wrong; show the post again";
            case HIDE -> "Hide the post";
            case REMOVE -> "Remove the post";
            case LOCK_TOPIC -> "Lock the topic: no new replies (the post stays)";
            case WARN -> "Warn the author (and hide the post)";
            case MUTE -> "Mute the author for some days (and hide the post)";
            case SUSPEND -> "Suspend the author for some days (and hide the post)";
            case TRUST_LEVEL -> "Set the author's trust level";
        };
    }

    /** What a moderator may decide in the review queue about a flagged post. */
    public static java.util.List<ModerationAction> inReview() {
        return java.util.Arrays.stream(values()).filter(action -> action != TRUST_LEVEL).toList();
    }

    /** An action of the review queue by its name, or null for anything else. */
    public static ModerationAction valueOfOrNull(String name) {
        for (ModerationAction action : inReview()) {
            if (action.name().equals(name)) {
                return action;
            }
        }
        return null;
    }
}
