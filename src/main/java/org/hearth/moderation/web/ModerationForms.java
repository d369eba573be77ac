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
    public record DecisionForm(String action, String reason, String ruleNumber, String days, String title, String moveTo) {
        public static DecisionForm empty() {
            return new DecisionForm(null, "", "", "", "", "");
        }
    }

    /** What the form deciding an appeal sends back: uphold is "true", "false" or nothing. */
    public record AppealDecisionForm(String uphold, String reason) {
        public static AppealDecisionForm empty() {
            return new AppealDecisionForm(null, "");
        }
    }

    /** What a member's appeal form sends back. */
    public record AppealForm(String words) {
        public static AppealForm empty() {
            return new AppealForm("");
        }
    }

    /** What the form suspending an account site-wide (or lifting a suspension) sends back; lift is "true" for lifting. */
    public record SuspensionForm(String handle, String days, String reason, String lift) {
        public static SuspensionForm empty() {
            return new SuspensionForm("", "", "", null);
        }
    }
}
