package org.hearth.moderation;

/** What a moderator decided about a flagged post and its author, in the words the member reads. */
public enum ModerationAction {
    KEEP("Your post was kept", "A moderator looked at the flags on your post and kept it: it is shown again."),
    HIDE("Your post was hidden", "A moderator hid your post from members. You still see it."),
    REMOVE("Your post was removed", "A moderator removed your post. Its text is kept for you."),
    WARN("You were warned", "A moderator warned you about a post."),
    MUTE("You were muted", "A moderator muted you: you may read but not write in this community for a time."),
    SUSPEND("You were suspended", "A moderator suspended you: you may read but not write or flag in this community for a time.");

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

    static ModerationAction parse(String name) {
        for (ModerationAction action : values()) {
            if (action.name().equals(name)) {
                return action;
            }
        }
        return null;
    }
}
