package org.hearth.conversation;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.hearth.community.Audience;
import org.hearth.community.Communities;
import org.hearth.community.Visibility;
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

    PostWriting(DSLContext db, Conversations conversations, Clock clock, ApplicationEventPublisher events,
            Markdown markdown, PlatformTransactionManager transactionManager, Communities communities) {
        this.communities = communities;
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
}
