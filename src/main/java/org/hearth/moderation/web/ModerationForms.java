package org.hearth.moderation.web;

/** What the forms of the moderation pages send back: bound to records, checked by the use cases. */
public final class ModerationForms {

    private ModerationForms() {
    }

    /** What the flag form sends back. */
    public record FlagForm(String reason, String comment) {
        public static FlagForm empty() {
            return new FlagForm(null, "");
        }
    }

    /** What a moderator's decision form sends back. */
    public record DecisionForm(String action, String reason, String ruleNumber, String days) {
        public static DecisionForm empty() {
            return new DecisionForm(null, "", "", "");
        }
    }
}
