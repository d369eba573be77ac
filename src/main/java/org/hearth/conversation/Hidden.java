package org.hearth.conversation;

/** Why a post is hidden from members, in the words its author and moderators read. */
public enum Hidden {
    /** Flags passed the community's threshold, or a moderator flagged it: it waits for a moderator. */
    PENDING_REVIEW("Hidden while moderators review it, after members flagged it."),
    /** A moderator reviewed it and hid it. */
    BY_MODERATOR("Hidden by a moderator."),
    /** A moderator removed it; its text is kept for the author and for an appeal. */
    REMOVED_BY_MODERATOR("Removed by a moderator."),
    /** Written by a new member where the community holds new members' posts: it waits for a moderator to let it through. */
    HELD_FOR_REVIEW("Waiting for a moderator: this community lets new members' posts through one by one.");

    /** What members and visitors see in place of a hidden post. */
    public static final String LINE = "This post is hidden while moderators review it.";

    private final String why;

    Hidden(String why) {
        this.why = why;
    }

    public String why() {
        return why;
    }

    /** What members see in its place: a post removed for good says so. */
    public String line() {
        return switch (this) {
            case REMOVED_BY_MODERATOR -> "This post was removed by a moderator.";
            case HELD_FOR_REVIEW -> "A new member's post, waiting for a moderator to let it through.";
            default -> LINE;
        };
    }

    static Hidden of(String name) {
        return name == null ? null : valueOf(name);
    }
}
