package org.hearth.clinician.web;

/** What the clinician pages' forms send back: bound to records, checked by the use cases. */
public final class ClinicianForms {

    private ClinicianForms() {
    }

    /** The application form, but the document (a file, which a page never sends back). */
    public record ApplicationForm(String profession, String specialty, String jurisdiction, String registerNumber) {
        public static ApplicationForm empty() {
            return new ApplicationForm(null, "", "", "");
        }
    }

    /** A reviewer's decision: approve is "true", "false" or nothing. */
    public record DecisionForm(String approve, String reason) {
        public static DecisionForm empty() {
            return new DecisionForm(null, "");
        }
    }

    /** An evidence note as its writer typed it, given back as typed when something is wrong. */
    public record NoteForm(String stance, String explanation, String citations) {
        static NoteForm empty() {
            return new NoteForm(null, "", "");
        }

        public String text(String value) {
            return value == null ? "" : value;
        }
    }
}
