package org.hearth.search;

import java.util.List;
import java.util.function.Consumer;
import org.hearth.conversation.SearchablePosts;
import org.hearth.conversation.SearchablePosts.Searchable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the index again from the posts, safely while Hearth serves: posts are read in the order
 * they were written, a batch per transaction, each batch locked against changes while it is
 * indexed (on SQLite by the one writer, on PostgreSQL by {@code FOR SHARE}), so a post edited,
 * deleted or hidden meanwhile ends up as its last change left it. Every post written meanwhile is
 * indexed by its own transaction anyway. Run by {@code java -jar hearth.jar search-rebuild}, and
 * by Hearth itself on a start that finds posts but an empty index (the first start of a site
 * that had posts before search, or a database loaded without it).
 */
@Component
class RebuildSearchIndex {

    private static final Logger log = LoggerFactory.getLogger(RebuildSearchIndex.class);

    private final SearchablePosts posts;
    private final IndexFollowsPosts follows;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final SearchSettings settings;
    private final SearchIndex index;
    private final boolean atStart;

    RebuildSearchIndex(SearchablePosts posts, IndexFollowsPosts follows, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
            SearchSettings settings, SearchIndex index, @Value("${hearth.search.rebuild-at-start:true}") boolean atStart) {
        this.index = index;
        this.posts = posts;
        this.follows = follows;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.settings = settings;
        this.atStart = atStart;
    }

    /** Indexes every post again; returns how many posts were read. {@code progress} hears a line now and then. */
    long rebuild(Consumer<String> progress) {
        long started = System.nanoTime();
        long read = 0;
        Searchable last = null;
        while (true) {
            Searchable after = last;
            List<Searchable> batch = transactions.execute(status -> {
                List<Searchable> found = posts.batchAfter(after == null ? null : after.createdAt(), after == null ? null : after.postId(),
                        settings.rebuildBatch());
                follows.write(found);
                return found;
            });
            if (batch == null || batch.isEmpty()) {
                break;
            }
            read += batch.size();
            last = batch.getLast();
            if (read % (settings.rebuildBatch() * 100L) < batch.size()) {
                progress.accept(read + " posts indexed");
            }
        }
        index.settle();
        progress.accept("Search index rebuilt: " + read + " posts read in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        return read;
    }

    /** On start: a site with posts and an empty index is indexed in the background, while it serves. */
    @EventListener(ApplicationReadyEvent.class)
    void fillWhenEmpty() {
        if (!atStart) {
            return;
        }
        boolean empty = !Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from search_posts)", Boolean.class));
        boolean hasPosts = Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from posts)", Boolean.class));
        if (empty && hasPosts) {
            Thread.ofVirtual().name("search-rebuild").start(() -> {
                log.info("The search index is empty but there are posts: indexing them while Hearth serves");
                try {
                    rebuild(log::info);
                } catch (RuntimeException e) {
                    log.error("Indexing the posts for search failed; run 'search-rebuild' to try again", e);
                }
            });
        }
    }
}
