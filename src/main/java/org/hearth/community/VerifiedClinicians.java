package org.hearth.community;

/**
 * Whether a member is a verified clinician now, for communities that keep clinicians at a
 * distance. Answered by the clinician feature, which depends on this one (not the other way
 * round); with no clinician feature, no one is.
 */
public interface VerifiedClinicians {

    boolean verifiedNow(String memberId);
}
