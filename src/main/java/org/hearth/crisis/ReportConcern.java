package org.hearth.crisis;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Conversations.Location;
import org.hearth.conversation.Conversations.WrittenBy;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "I'm worried about this member": a member tells a community's moderators, never the member
 * concerned, that they are worried about the author of a post. Such reports have been used to
 * harass, so they are limited: a few a day for each reporter, and one a week about the same
 * member. For an anonymous post the weekly limit counts reports about that post only, so that a
 * refusal never tells the reporter that an anonymous post is by someone they reported before.
 */
@Service
public class ReportConcern {

    public static final int MAX_NOTE = 1000;

    /** @param note the reporter's optional words for the moderators; blank is none */
    public record Input(Access access, Viewer reporter, String postId, String note) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(reporter);
        }
    }

    public sealed interface Outcome {
        /** Told; {@code post} is where the post is, to lead the reporter back (never who wrote it). */
        record Reported(String alertId, Location post) implements Outcome {
        }

        /** Only members of the community raise a concern in it. */
        record NotAMember() implements Outcome {
        }

        /** No post they may read here, or its author deleted it. */
        record NoSuchPost() implements Outcome {
        }

        record OwnPost(Location post) implements Outcome {
        }

        record NoteTooLong(int length) implements Outcome {
        }

        /** They told the moderators about this member (or this anonymous post) within {@code every}. */
        record AlreadyReported(Duration every) implements Outcome {
        }

        /** They made as many reports as a day allows. */
        record TooManyToday(int perDay) implements Outcome {
        }
    }

    private final Conversations conversations;
    private final SupportAlerts alerts;
    private final CrisisSettings.Concerns limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportConcern(Conversations conversations, SupportAlerts alerts, CrisisSettings settings, ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.alerts = alerts;
        this.limits = settings.concerns();
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        if (!input.access().canPost()) {
            return new Outcome.NotAMember();
        }
        Optional<WrittenBy> found = conversations.writtenBy(input.access(), input.postId()).filter(p -> !p.deleted());
        if (found.isEmpty()) {
            return new Outcome.NoSuchPost();
        }
        WrittenBy post = found.get();
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        long now = clock.millis();
        return notTheirOwn(input, post)
                .or(() -> aShortNote(note))
                .or(() -> afterAnyOtherReportByThem(input, now))
                .or(() -> notReportedLately(input, post, now))
                .or(() -> withinTheDay(input, now))
                .orElseGet(() -> report(input, post, note, now));
    }

    private static Optional<Outcome> notTheirOwn(Input input, WrittenBy post) {
        return post.authorId().equals(input.reporter().memberId()) ? Optional.of(new Outcome.OwnPost(post.location())) : Optional.empty();
    }

    private static Optional<Outcome> aShortNote(String note) {
        return note != null && note.length() > MAX_NOTE ? Optional.of(new Outcome.NoteTooLong(note.length())) : Optional.empty();
    }

    /**
     * Not a refusal: the reporter's row is written (and so locked) first, so that two reports
     * sent at the same moment are counted one after the other and cannot both pass the limits.
     */
    private Optional<Outcome> afterAnyOtherReportByThem(Input input, long now) {
        alerts.holdReporter(input.reporter().memberId(), now);
        return Optional.empty();
    }

    private Optional<Outcome> notReportedLately(Input input, WrittenBy post, long now) {
        long since = now - limits.sameMemberEvery().toMillis();
        String reporterId = input.reporter().memberId();
        boolean reported = post.anonymous()
                ? alerts.reportedPost(reporterId, input.postId(), since)
                : alerts.reportedNamed(reporterId, post.authorId(), since);
        return reported ? Optional.of(new Outcome.AlreadyReported(limits.sameMemberEvery())) : Optional.empty();
    }

    private Optional<Outcome> withinTheDay(Input input, long now) {
        long since = now - Duration.ofDays(1).toMillis();
        return alerts.reportsBy(input.reporter().memberId(), since) >= limits.perDay()
                ? Optional.of(new Outcome.TooManyToday(limits.perDay())) : Optional.empty();
    }

    private Outcome report(Input input, WrittenBy post, String note, long now) {
        String communityId = input.access().community().id();
        String alertId = alerts.add(communityId, input.postId(), SupportAlerts.Kind.CONCERN, post.authorId(), post.anonymous(),
                input.reporter().memberId(), note, now);
        events.publishEvent(new ConcernReported(communityId, input.postId(), alertId));
        return new Outcome.Reported(alertId, post.location());
    }
}
