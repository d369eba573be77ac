package org.hearth.community;

/** How someone becomes a member. */
public enum JoinPolicy {
    OPEN("Anyone can join"),
    APPROVAL("Moderators approve each request"),
    INVITATION("By invitation only");

    private final String label;

    JoinPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
