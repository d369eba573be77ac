package org.hearth.clinician;

/** Patients and clinicians both found a note helpful: members see it under its post now. */
public record EvidenceNoteShown(String noteId, String postId, String authorId) {
}
