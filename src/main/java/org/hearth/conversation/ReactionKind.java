package org.hearth.conversation;

/** Reactions that fit peer support: no "likes", no down-votes. */
public enum ReactionKind {
    HELPFUL("Helpful"),
    ME_TOO("Me too"),
    HUG("Sending a hug");

    private final String label;

    ReactionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
