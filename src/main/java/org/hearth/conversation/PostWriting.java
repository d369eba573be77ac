package org.hearth.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hearth.community.Audience;
import org.hearth.community.Communities;
import org.hearth.community.Visibility;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.text.Markdown;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the use cases that write a post's text share. */
@Component
class PostWriting {

    final DSLContext db;
    final Conversations conversations;
    final Clock clock;
    final ApplicationEventPublisher events;
    private final Markdown markdown;
    private final TransactionTemplate transactions;
    private final Communities communities;
    private final Submissions submissions;
    private final List<WritingLimits> limits;

    PostWriting(DSLContext db, Conversations conversations, Clock clock, ApplicationEventPublisher events,
            Markdown markdown, PlatformTransactionManager transactionManager, Communities communities, Submissions submissions,
            List<WritingLimits> limits) {
        this.limits = limits;
        this.communities = communities;
        this.submissions = submissions;
        this.db = db;
        this.conversations = conversations;
        this.clock = clock;
        this.events = events;
        this.markdown = markdown;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Makes the Markdown safe HTML, then runs the change with it in one transaction. Rendering
     * comes first because on SQLite a transaction holds the one write lock, and rendering is
     * the slow part of writing a post.
     */
    <T> T withSafeHtml(String markdownText, Function<String, T> change) {
        String html = markdown.toSafeHtml(markdownText);
        return transactions.execute(status -> change.apply(html));
    }

    /**
     * The community's audience now, if more people can read the post than the writer was shown
     * (nothing shown: an older page, taken as agreeing; shown public: no one more can read).
     * Called inside the writing transaction, before anything is stored: the community's row stays
     * locked until the post is, so its audience cannot widen in between.
     */
    Optional<Audience> widenedSince(String communityId, Audience shown) {
        if (shown == null || shown.visibility() == Visibility.PUBLIC) {
            return Optional.empty();
        }
        return communities.audienceWhileWriting(communityId).filter(now -> now.moreOpenThan(shown));
    }

    /**
     * The post an earlier submission of the same form stored, if any; otherwise claims the key
     * for this one. Called first inside the writing transaction, so a repeat is recognised even
     * when the community or topic changed since the first was stored.
     */
    Optional<String> storedBefore(String memberId, String submission) {
        if (submission == null) {
            return Optional.empty();
        }
        return submissions.claim(memberId, submission) instanceof Submissions.Claim.Repeat(var postId)
                ? Optional.of(postId) : Optional.empty();
    }

    /** Why another feature's limits keep this from being posted now, if they do (asked inside the writing transaction). */
    Optional<String> overLimit(WritingLimits.Writing writing) {
        for (WritingLimits limit : limits) {
            Optional<String> refusal = limit.refusal(writing);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Whether another feature holds this new post for a moderator; if so it is hidden as held, in the writing transaction. */
    boolean heldIfAsked(WritingLimits.Writing writing, String postId) {
        boolean held = limits.stream().anyMatch(limit -> limit.holds(writing));
        if (held) {
            db.update(org.hearth.conversation.schema.Tables.POSTS).set(org.hearth.conversation.schema.Tables.POSTS.HIDDEN_AT, clock.millis())
                    .set(org.hearth.conversation.schema.Tables.POSTS.HIDDEN_WHY, Hidden.HELD_FOR_REVIEW.name())
                    .where(org.hearth.conversation.schema.Tables.POSTS.ID.eq(postId)).execute();
        }
        return held;
    }

    /** The submission stored this post: a repeat of it will be led there. */
    void stored(String memberId, String submission, String postId) {
        if (submission != null) {
            submissions.record(memberId, submission, postId);
        }
    }

    /** The submission was refused and stored nothing, so sending it again may store it. */
    void refused(String memberId, String submission) {
        if (submission != null) {
            submissions.release(memberId, submission);
        }
    }

    /** The post a committed submission stored, looked up after the writing failed or its answer was lost. */
    Optional<String> storedBy(String memberId, String submission) {
        return submission == null ? Optional.empty() : submissions.created(memberId, submission);
    }
}
