package org.hearth.clinician;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.conversation.HiddenPosts;
import org.hearth.moderation.SettleMisinformationFlags;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.text.Markdown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A verified clinician, or an expert patient where the community allows it, attaches an evidence
 * note to a post: a stance, a short explanation in Markdown and one or more references. A note
 * never hides or changes its post; it waits for ratings by patients and clinicians before
 * members see it ({@link RateEvidenceNote}), unless its writer serves on the community's
 * advisory board. One note per writer and post. An advisor's note answers the flags of possible
 * misinformation waiting on the post ({@link SettleMisinformationFlags}).
 */
@Service
public class WriteEvidenceNote {

    public static final int EXPLANATION_MAX = 1000;

    /** What the writer typed: the stance's name, the explanation, the references one per line. */
    public record Input(Access access, Viewer writer, String postId, String stance, String explanation, String citations) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(writer, "only a signed-in member writes a note");
        }
    }

    public sealed interface Outcome {
        record Written(String noteId, Location location) implements Outcome {
        }

        /** No such post here, one the writer may not read, a deleted one or one hidden from members. */
        record NotFound() implements Outcome {
        }

        /** Neither a verified clinician nor an expert patient this community lets write notes. */
        record NotVerified(Location location) implements Outcome {
        }

        /** The community keeps clinicians at a distance: only its advisors write notes there. */
        record KeptAtADistance(Location location) implements Outcome {
        }

        record NotAMember(Location location) implements Outcome {
        }

        /** Muted or suspended here. */
        record Restricted(Location location) implements Outcome {
        }

        record OwnPost(Location location) implements Outcome {
        }

        record AlreadyWritten(String noteId, Location location) implements Outcome {
        }

        /** Problems with what was typed, by field, in words. */
        record Invalid(Map<String, String> problems) implements Outcome {
        }
    }

    private final HiddenPosts posts;
    private final EvidenceNotes notes;
    private final Applications applications;
    private final Markdown markdown;
    private final ApplicationEventPublisher events;
    private final SettleMisinformationFlags misinformation;

    WriteEvidenceNote(HiddenPosts posts, EvidenceNotes notes, Applications applications, Markdown markdown,
            ApplicationEventPublisher events, SettleMisinformationFlags misinformation) {
        this.misinformation = misinformation;
        this.posts = posts;
        this.notes = notes;
        this.applications = applications;
        this.markdown = markdown;
        this.events = events;
    }

    /** The post a note would go on, as its writer reads it; empty when there is none they may write on. */
    public Optional<HiddenPosts.Post> post(Access access, String postId) {
        return posts.readable(access, postId).filter(p -> !p.deleted() && p.hidden() == null);
    }

    /** Whether this member may write notes in this community now (the page offers the form only then). */
    public boolean mayWrite(Access access, Viewer viewer) {
        return viewer != null && writers(access, viewer).mayWrite(access);
    }

    NoteWriters writers(Access access, Viewer viewer) {
        String communityId = access.community().id();
        return new NoteWriters(applications.verifiedNow(viewer.memberId()).isPresent(), notes.advisor(communityId, viewer.memberId()),
                notes.expertPatient(communityId, viewer.memberId()), notes.expertPatientsWrite(communityId));
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<HiddenPosts.Post> found = post(input.access(), input.postId());
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        HiddenPosts.Post post = found.get();
        Location location = post.location();
        NoteWriters writers = writers(input.access(), input.writer());
        NoteWriters.Standing standing = writers.of(input.access());
        Optional<Outcome> refused = switch (standing) {
            case NOT_VERIFIED -> Optional.of(new Outcome.NotVerified(location));
            case KEPT_AT_A_DISTANCE -> Optional.of(new Outcome.KeptAtADistance(location));
            case NOT_A_MEMBER -> Optional.of(new Outcome.NotAMember(location));
            case RESTRICTED -> Optional.of(new Outcome.Restricted(location));
            case CLINICIAN, EXPERT_PATIENT -> Optional.empty();
        };
        return refused
                .or(() -> post.authorId().equals(input.writer().memberId()) ? Optional.of(new Outcome.OwnPost(location)) : Optional.empty())
                .or(() -> notes.noteBy(post.id(), input.writer().memberId()).map(n -> new Outcome.AlreadyWritten(n.id(), location)))
                .orElseGet(() -> write(input, post, standing, writers.advisor()));
    }

    private Outcome write(Input input, HiddenPosts.Post post, NoteWriters.Standing standing, boolean advisor) {
        Map<String, String> problems = new LinkedHashMap<>();
        Stance stance = Stance.parse(input.stance());
        if (stance == null) {
            problems.put("stance", "Choose whether the post supports current evidence, needs context, or contradicts it.");
        }
        String explanation = input.explanation() == null ? "" : input.explanation().strip();
        if (explanation.isEmpty()) {
            problems.put("explanation", "Explain in a few sentences what current evidence says about this post.");
        } else if (explanation.length() > EXPLANATION_MAX) {
            problems.put("explanation", "Keep the explanation under " + EXPLANATION_MAX + " characters (it has " + explanation.length() + ").");
        }
        Citation.Parsed citations = Citation.parse(input.citations());
        if (citations.problem() != null) {
            problems.put("citations", citations.problem());
        }
        if (!problems.isEmpty()) {
            return new Outcome.Invalid(Map.copyOf(problems));
        }
        var kind = standing == NoteWriters.Standing.CLINICIAN ? EvidenceNotes.AuthorKind.CLINICIAN : EvidenceNotes.AuthorKind.EXPERT_PATIENT;
        var note = new EvidenceNotes.Stored(RandomId.next(), post.communityId(), post.id(), input.writer().memberId(), kind, stance,
                markdown.toSafeHtml(explanation), citations.citations(), EvidenceNotes.NEEDS_RATINGS, notes.now());
        if (!notes.add(note, post.authorId(), explanation)) {
            // the same writer at the same moment, from another tab
            return notes.noteBy(post.id(), input.writer().memberId())
                    .<Outcome>map(n -> new Outcome.AlreadyWritten(n.id(), post.location())).orElseGet(Outcome.NotFound::new);
        }
        events.publishEvent(new EvidenceNoteWritten(note.id(), note.communityId(), post.id(), post.authorId(), note.authorId()));
        // an advisor's note answers the flags of possible misinformation waiting on the post (none: nothing to answer)
        if (advisor) {
            misinformation.run(new SettleMisinformationFlags.Input(input.access(), input.writer(), post.id(),
                    SettleMisinformationFlags.Answer.EVIDENCE_NOTE, "Evidence note: " + stance.words().toLowerCase(java.util.Locale.ROOT) + "."));
        }
        return new Outcome.Written(note.id(), post.location());
    }
}
