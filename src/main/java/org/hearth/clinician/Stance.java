package org.hearth.clinician;

import java.util.Locale;

/** Where an evidence note sets the post it is attached to, beside current evidence. */
public enum Stance {
    SUPPORTS("Supports current evidence"),
    ADDS_CONTEXT("Adds context"),
    CONTRADICTS("Contradicts current evidence");

    private final String words;

    Stance(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** As a class name in the page's markup: supports, adds-context, contradicts. */
    public String css() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The stance a form sent, or null when it is none of ours. */
    static Stance parse(String typed) {
        for (Stance stance : values()) {
            if (stance.name().equals(typed)) {
                return stance;
            }
        }
        return null;
    }
}
