package org.hearth.clinician;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member rates an evidence note helpful or not, with an optional reason. The rater counts in
 * the group they are in when they rate (a verified clinician, or a patient: anyone else), and
 * the note's status is settled again under a lock on the note: shown once both groups found it
 * helpful ({@link Bridging}, {@link EvidenceNoteSettings}). Once per member and note; not one's
 * own note, nor a note on one's own post. No one is shown how others rated.
 */
@Service
public class RateEvidenceNote {

    public static final int REASON_MAX = 500;

    /** @param helpful "yes" or "no", as the form sends it */
    public record Input(Access access, Viewer rater, String noteId, String helpful, String reason) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(rater, "only a signed-in member rates");
        }
    }

    public sealed interface Outcome {
        /** @param shown members see the note under its post now */
        record Rated(Location location, boolean shown) implements Outcome {
        }

        /** No such note here, or one on a post the rater may not read, or one no longer shown to anyone. */
        record NotFound() implements Outcome {
        }

        /** Only members (not muted or suspended) and the community's advisors rate its notes. */
        record NotARater(Location location) implements Outcome {
        }

        record OwnNote(Location location) implements Outcome {
        }

        /** A note on the rater's own post: its author does not judge it. */
        record OnYourPost(Location location) implements Outcome {
        }

        record AlreadyRated(Location location) implements Outcome {
        }

        record ChoiceMissing() implements Outcome {
        }

        record ReasonTooLong(int max) implements Outcome {
        }
    }

    private final EvidenceNotes notes;
    private final NotesOnPosts reading;
    private final Applications applications;
    private final EvidenceNoteSettings settings;
    private final ApplicationEventPublisher events;

    RateEvidenceNote(EvidenceNotes notes, NotesOnPosts reading, Applications applications, EvidenceNoteSettings settings,
            ApplicationEventPublisher events) {
        this.notes = notes;
        this.reading = reading;
        this.applications = applications;
        this.settings = settings;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<NotesOnPosts.WithPost> found = reading.note(input.access(), input.rater(), input.noteId());
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        NotesOnPosts.Note note = found.get().note();
        Location location = note.location();
        String rater = input.rater().memberId();
        String reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        Boolean helpful = "yes".equals(input.helpful()) ? Boolean.TRUE : "no".equals(input.helpful()) ? Boolean.FALSE : null;
        if (!NoteWriters.mayRate(input.access(), notes.advisor(input.access().community().id(), rater))) {
            return new Outcome.NotARater(location);
        }
        if (note.mine()) {
            return new Outcome.OwnNote(location);
        }
        if (found.get().post().authorId().equals(rater)) {
            return new Outcome.OnYourPost(location);
        }
        if (note.ratedHelpful() != null) {
            return new Outcome.AlreadyRated(location);
        }
        if (helpful == null) {
            return new Outcome.ChoiceMissing();
        }
        if (reason != null && reason.length() > REASON_MAX) {
            return new Outcome.ReasonTooLong(REASON_MAX);
        }
        return rate(note, rater, helpful, reason);
    }

    private Outcome rate(NotesOnPosts.Note note, String rater, boolean helpful, String reason) {
        String noteId = note.id();
        notes.tallyLocked(noteId);
        var group = applications.verifiedNow(rater).isPresent() ? EvidenceNotes.RaterGroup.CLINICIAN : EvidenceNotes.RaterGroup.PATIENT;
        if (!notes.rate(noteId, rater, group, helpful, reason)) {
            return new Outcome.AlreadyRated(note.location());
        }
        boolean before = notes.note(noteId).map(EvidenceNotes.Stored::shown).orElse(false);
        boolean after = notes.tally(noteId).shown(before, settings);
        if (after != before) {
            notes.status(noteId, after ? EvidenceNotes.SHOWN : EvidenceNotes.NEEDS_RATINGS);
            if (after) {
                events.publishEvent(new EvidenceNoteShown(noteId, note.postId(), note.writer().memberId()));
            }
        }
        return new Outcome.Rated(note.location(), after || note.byAdvisor());
    }
}
