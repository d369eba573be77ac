package org.hearth.notification;

/**
 * How a member hears of a kind of notification by e-mail. At once means once per unread
 * notification: more of the same kind joining it while it is unread send nothing more. A digest
 * gathers what is still unread, by community and topic, at 07:00 in the member's time zone:
 * every day, or on Mondays.
 */
public enum EmailChoice {
    AT_ONCE("At once"),
    DAILY("Daily"),
    WEEKLY("Weekly"),
    NEVER("Never");

    private final String label;

    EmailChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
