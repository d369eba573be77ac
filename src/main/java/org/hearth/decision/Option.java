package org.hearth.decision;

/**
 * One of a decision's options, in the order shown.
 *
 * @param addedLater null for the options the decision was started with; otherwise who added it
 *        afterwards, by role
 */
public record Option(String id, int position, String name, String description, AddedBy addedLater, long addedAt) {

    /** Who added an option after the decision was started: by role, never by person. */
    public enum AddedBy {
        AUTHOR("the decision's author"), MODERATOR("a moderator");

        private final String words;

        AddedBy(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
