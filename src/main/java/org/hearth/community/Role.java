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

    /** The role with its article, lower case, to finish "You are ...": "a member", "an owner". */
    public String withArticle() {
        String word = label.toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    public boolean moderates() {
        return this != MEMBER;
    }
}
