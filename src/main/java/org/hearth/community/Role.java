package org.hearth.community;

/** A member's role inside one community. */
public enum Role {
    MEMBER("Member"),
    MODERATOR("Moderator"),
    OWNER("Owner");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean moderates() {
        return this != MEMBER;
    }
}
