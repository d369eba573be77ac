package org.hearth.conversation;

import java.time.Clock;
import java.util.function.Function;
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

    PostWriting(DSLContext db, Conversations conversations, Clock clock, ApplicationEventPublisher events,
            Markdown markdown, PlatformTransactionManager transactionManager) {
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
}
