package org.hearth.community;

/**
 * Whether verified clinicians take part here: some patient communities want them at a distance.
 * Chosen by the owners and stated on the rules page. Moderators and owners keep their role
 * whatever the choice: the community appointed them.
 */
public enum ClinicianAdmission {
    WELCOME("Verified clinicians may join and take part like any member."),
    READ_ONLY("Verified clinicians may join to read, but do not write, reply or react here."),
    NOT_ADMITTED("Verified clinicians may not join this community.");

    private final String sentence;

    ClinicianAdmission(String sentence) {
        this.sentence = sentence;
    }

    /** As the rules page and the settings form say it. */
    public String sentence() {
        return sentence;
    }
}
