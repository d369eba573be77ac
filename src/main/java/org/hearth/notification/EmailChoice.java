package org.hearth.notification;

/**
 * How a member hears of a kind of notification by e-mail. At once means once per unread
 * notification: more of the same kind joining it while it is unread send nothing more.
 */
public enum EmailChoice {
    AT_ONCE("At once"),
    NEVER("Never");

    private final String label;

    EmailChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
