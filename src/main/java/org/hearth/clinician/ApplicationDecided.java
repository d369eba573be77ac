package org.hearth.clinician;

/** A reviewer approved or rejected an application, or revoked an approval ({@code revoked}); the applicant reads why. */
public record ApplicationDecided(String applicationId, String memberId, boolean approved, boolean revoked) {
}
