package org.hearth.community;

/** How someone becomes a member. */
public enum JoinPolicy {
    OPEN("Anyone with a Hearth account can join", 2),
    APPROVAL("Anyone can ask to join; moderators approve each request", 1),
    INVITATION("By invitation only", 0);

    private final String label;
    private final int openness;

    JoinPolicy(String label, int openness) {
        this.label = label;
        this.openness = openness;
    }

    /** How many people it lets in: higher is more open. */
    int openness() {
        return openness;
    }

    public String label() {
        return label;
    }
}
