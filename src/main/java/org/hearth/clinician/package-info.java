/**
 * Clinicians as verified, accountable members. A member applies as a clinician
 * ({@link org.hearth.clinician.ApplyAsClinician}): profession, specialty, where they are licensed,
 * their licence or register number, and optionally a document, known by its content and sealed
 * with the site's secrets key. Site administrators, and the site reviewers they appoint
 * ({@link org.hearth.clinician.AppointReviewer}), read the applications with what the form of the
 * number says ({@link org.hearth.clinician.RegisterNumbers}: checked where a structure is public,
 * never looked up in a register Hearth cannot reach) and approve or reject each with a reason the
 * applicant reads ({@link org.hearth.clinician.DecideApplication}); an approval lasts a year by
 * default, is reminded before its end, and can be revoked with a reason
 * ({@link org.hearth.clinician.RevokeVerification}). Opening a document is written in the
 * applicant's record of what staff saw ({@link org.hearth.clinician.CredentialReview}). A verified
 * clinician's badge stands beside their named posts ({@code web.ClinicianBadges}); a community's
 * owners invite verified clinicians to its clinical advisory board
 * ({@link org.hearth.clinician.ManageAdvisors}, {@link org.hearth.clinician.AdvisoryBoards}).
 * Verified clinicians attach evidence notes to posts ({@link org.hearth.clinician.WriteEvidenceNote}):
 * a stance, an explanation and references checked for form ({@link org.hearth.clinician.Citation});
 * members rate them ({@link org.hearth.clinician.RateEvidenceNote}), and a note is shown under its
 * post once patients and clinicians both found it helpful, or at once when an advisor wrote it
 * ({@link org.hearth.clinician.NotesOnPosts}, {@code web.EvidenceNotesUnderPosts}). It also tells
 * communities that keep clinicians at a distance who is verified now.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "conversation", "identity", "moderation", "platform", "privacy"})
package org.hearth.clinician;
