package org.hearth.moderation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.conversation.HiddenPosts;
import org.hearth.platform.security.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's clinical advisor (or one of its moderators) settles the flags of possible medical
 * misinformation on a post: answered with an evidence note the advisor wrote beside it, or turned
 * down with a reason. The post is left as it is either way; no one's flag hides it. The flaggers
 * are told, and the public log says what was done, by "a clinical advisor". Of two settling at
 * once, the first settles and the other is told nothing waits.
 */
@Service
public class SettleMisinformationFlags {

    public static final int REASON_MAX = 500;

    public enum Answer { EVIDENCE_NOTE, DISMISS }

    /** @param reason for a dismissal, in the advisor's words; for a note, what the note says in a line */
    public record Input(Access access, Viewer actor, String postId, Answer answer, String reason) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(actor, "only a signed-in advisor or moderator settles flags");
            Objects.requireNonNull(answer);
        }
    }

    public sealed interface Outcome {
        record Settled(Location location, int flags) implements Outcome {
        }

        /** No such post here, or one the actor may not read. */
        record NotFound() implements Outcome {
        }

        /** Neither one of the community's clinical advisors nor a moderator with a second factor. */
        record NotAReviewer() implements Outcome {
        }

        /** No flag of possible misinformation waits on the post (perhaps someone settled them a moment ago). */
        record NothingWaiting(Location location) implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }

        record ReasonTooLong(int max) implements Outcome {
        }
    }

    /** A post with flags of possible misinformation waiting, as the clinical review reads it: never who flagged, nor who wrote an anonymous post. */
    public record Waiting(HiddenPosts.Post post, int flags, List<String> comments, long firstFlaggedAt) {
    }

    /** The review as one reader may work it; {@code advisorsHere}: the community has clinical advisors. */
    public record Review(Access access, List<Waiting> waiting, boolean advisorsHere, boolean advisor) {
    }

    private final HiddenPosts posts;
    private final Flags flags;
    private final ObjectProvider<ClinicalAdvisors> advisors;
    private final DecisionNotices notices;
    private final ApplicationEventPublisher events;

    SettleMisinformationFlags(HiddenPosts posts, Flags flags, ObjectProvider<ClinicalAdvisors> advisors, DecisionNotices notices,
            ApplicationEventPublisher events) {
        this.posts = posts;
        this.flags = flags;
        this.advisors = advisors;
        this.notices = notices;
        this.events = events;
    }

    /** Whether the community has clinical advisors now. */
    public boolean advisorsHere(String communityId) {
        ClinicalAdvisors known = advisors.getIfAvailable();
        return known != null && known.any(communityId);
    }

    private boolean advisor(Access access, Viewer viewer) {
        ClinicalAdvisors known = advisors.getIfAvailable();
        return viewer != null && known != null && known.serves(access.community().id(), viewer.memberId());
    }

    /** The posts waiting for the clinical review, for its advisors and moderators only; empty for anyone else. */
    public Optional<Review> review(Access access, Viewer viewer) {
        boolean advisor = advisor(access, viewer);
        if (!access.canRead() || !advisor && !access.canModerate()) {
            return Optional.empty();
        }
        List<Flags.Misinformation> flagged = flags.misinformation(access.community().id());
        Map<String, HiddenPosts.Post> readable = posts.readable(access, flagged.stream().map(Flags.Misinformation::postId).toList());
        List<Waiting> waiting = flagged.stream().filter(f -> readable.containsKey(f.postId()) && shown(readable.get(f.postId()), access))
                .map(f -> new Waiting(readable.get(f.postId()), f.flags(), f.comments(), f.firstFlaggedAt())).toList();
        return Optional.of(new Review(access, waiting, advisorsHere(access.community().id()), advisor));
    }

    /** A post hidden from members (pending review, say) is for the moderators, not for an advisor who is not one. */
    private static boolean shown(HiddenPosts.Post post, Access access) {
        return !post.deleted() && (post.hidden() == null || access.canModerate());
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<HiddenPosts.Post> found = posts.readable(input.access(), input.postId()).filter(p -> shown(p, input.access()));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        HiddenPosts.Post post = found.get();
        boolean advisor = advisor(input.access(), input.actor());
        if (!advisor && !input.access().canModerate()) {
            return new Outcome.NotAReviewer();
        }
        String reason = input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty()) {
            return new Outcome.ReasonMissing();
        }
        if (reason.length() > REASON_MAX) {
            return new Outcome.ReasonTooLong(REASON_MAX);
        }
        boolean note = input.answer() == Answer.EVIDENCE_NOTE;
        List<String> flaggers = flags.settleMisinformation(post.id(), note ? Flags.ANSWERED : Flags.REJECTED);
        if (flaggers.isEmpty()) {
            return new Outcome.NothingWaiting(post.location());
        }
        String actor = input.actor().memberId();
        flags.closeReviewIfSettled(post.communityId(), post.id(), actor);
        ModerationAction action = note ? ModerationAction.NOTE_ANSWERED : ModerationAction.MISINFO_TURNED_DOWN;
        String actionId = flags.record(post.communityId(), action, post.id(), null, null, reason, actor, null, false);
        if (advisor) {
            flags.byAdvisor(actionId);
        }
        flaggers.forEach(notices::tellFlagger);
        events.publishEvent(new MisinformationFlagsSettled(post.communityId(), post.id(), action, List.copyOf(flaggers)));
        return new Outcome.Settled(post.location(), flaggers.size());
    }
}
