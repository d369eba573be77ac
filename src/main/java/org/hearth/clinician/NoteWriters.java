package org.hearth.clinician;

import org.hearth.community.Access;

/**
 * Who may write an evidence note in a community, from what is known of the writer: asked by
 * {@link WriteEvidenceNote} and by the topic page that offers the link, so both say the same.
 *
 * <ul>
 * <li>A verified clinician who is a member here and not muted or suspended; where the community
 * keeps clinicians at a distance, only its advisors.</li>
 * <li>An advisor of the community writes there whether or not a member.</li>
 * <li>An expert patient the moderators marked, where the community lets expert patients write
 * notes, while they may post here.</li>
 * </ul>
 */
record NoteWriters(boolean verified, boolean advisor, boolean expertPatient, boolean expertPatientsWrite) {

    enum Standing { CLINICIAN, EXPERT_PATIENT, NOT_VERIFIED, KEPT_AT_A_DISTANCE, NOT_A_MEMBER, RESTRICTED }

    Standing of(Access access) {
        if (verified) {
            if (advisor) {
                return Standing.CLINICIAN;
            }
            if (access.community().keepsCliniciansAtADistance()) {
                return Standing.KEPT_AT_A_DISTANCE;
            }
            if (!access.member()) {
                return Standing.NOT_A_MEMBER;
            }
            return access.restriction() == null ? Standing.CLINICIAN : Standing.RESTRICTED;
        }
        if (expertPatient && expertPatientsWrite) {
            if (!access.member()) {
                return Standing.NOT_A_MEMBER;
            }
            return access.canPost() ? Standing.EXPERT_PATIENT : Standing.RESTRICTED;
        }
        return Standing.NOT_VERIFIED;
    }

    boolean mayWrite(Access access) {
        Standing standing = of(access);
        return standing == Standing.CLINICIAN || standing == Standing.EXPERT_PATIENT;
    }

    /** Who may rate a note here: a member not muted or suspended (a clinician kept at a distance too), or an advisor. */
    static boolean mayRate(Access access, boolean advisor) {
        return advisor || access.member() && access.restriction() == null;
    }
}
