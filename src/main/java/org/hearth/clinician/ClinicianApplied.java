package org.hearth.clinician;

/** A member applied to be verified as a clinician; the application waits for a reviewer. */
public record ClinicianApplied(String applicationId) {
}
