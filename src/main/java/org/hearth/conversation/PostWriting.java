package org.hearth.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.hearth.community.Access;
import org.hearth.community.Audience;
import org.hearth.community.Communities;
import org.hearth.community.Visibility;
import org.hearth.platform.db.Submissions;
import org.hearth.identity.Members;
import org.hearth.platform.text.Markdown;
import org.hearth.platform.text.Mentions;
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
    private final Members members;

    PostWriting(DSLContext db, Conversations conversations, Clock clock, ApplicationEventPublisher events,
            Markdown markdown, PlatformTransactionManager transactionManager, Communities communities, Submissions submissions,
            List<WritingLimits> limits, Members members) {
        this.members = members;
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
    <T> T withSafeHtml(Access access, String writerId, String markdownText, BiFunction<String, Set<String>, T> change) {
        var rendered = markdown.toSafeHtml(markdownText, mentionsIn(access, writerId));
        return transactions.execute(status -> change.apply(rendered.html(), rendered.mentioned()));
    }

    /**
     * Who a post in this community may mention: a member who may read it (anyone with an
     * account in a public community; a member of the community otherwise), never its writer.
     * Everyone else's {@code @handle} stays plain text, so a mention never links to someone who
     * could not follow the link to the post.
     */
    private Mentions mentionsIn(Access access, String writerId) {
        return handles -> {
            Map<String, String> ids = members.idsOfHandles(handles);
            Set<String> readers = communities.readersAmong(access.community().id(), ids.values());
            Map<String, Mentions.Mentioned> mentioned = new HashMap<>();
            ids.forEach((handle, id) -> {
                if (readers.contains(id) && !id.equals(writerId)) {
                    mentioned.put(handle, new Mentions.Mentioned(id, "/m/" + id));
                }
            });
            return mentioned;
        };
    }

    private static final java.util.regex.Pattern PROFILE_LINK = java.util.regex.Pattern.compile("href=\"/m/([a-z2-7]{16})\"");

    /** The members a post's HTML links to as mentions. */
    static Set<String> linkedMembers(String html) {
        Set<String> ids = new java.util.HashSet<>();
        if (html != null) {
            var matcher = PROFILE_LINK.matcher(html);
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    /**
     * Tells who was newly mentioned (inside the writing transaction, like the post's own event):
     * {@code before} are those the post mentioned already, who are not told again.
     */
    void mentioned(Access access, String topicId, String postId, String writerId, boolean anonymous, Set<String> now, Set<String> before) {
        Set<String> fresh = new java.util.LinkedHashSet<>(now);
        fresh.removeAll(before);
        if (!fresh.isEmpty()) {
            events.publishEvent(new MembersMentioned(access.community().id(), topicId, postId, writerId, anonymous, Set.copyOf(fresh)));
        }
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
