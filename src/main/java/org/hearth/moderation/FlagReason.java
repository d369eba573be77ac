package org.hearth.moderation;

/** Why a member flags a post, in the words of the flag form. */
public enum FlagReason {
    SPAM("Spam or advertising", true),
    HARASSMENT("Harassment or abuse", true),
    MISINFORMATION("Possible medical misinformation", false),
    SELF_HARM("Someone may be at risk of harming themselves", false),
    PRIVACY("A privacy breach, such as a real name or a photo", true),
    OFF_TOPIC("Off topic", true),
    OTHER("Something else (say what)", false);

    private final String label;
    private final boolean hides;

    FlagReason(String label, boolean hides) {
        this.label = label;
        this.hides = hides;
    }

    public String label() {
        return label;
    }

    /**
     * Whether flags for this reason count toward hiding the post. Self-harm flags never hide (the
     * person who wrote may need the community most then): they go to the top of the queue.
     * Possible misinformation waits for a moderator (later for the community's clinicians), and
     * "something else" needs a moderator to read what it says.
     */
    public boolean hides() {
        return hides;
    }

    /** Self-harm risk goes to moderators first, marked urgent. */
    public boolean urgent() {
        return this == SELF_HARM;
    }

    /** "Something else" says what in a comment. */
    public boolean needsComment() {
        return this == OTHER;
    }

    static FlagReason parse(String name) {
        if (name == null) {
            return null;
        }
        for (FlagReason reason : values()) {
            if (reason.name().equals(name)) {
                return reason;
            }
        }
        return null;
    }
}
