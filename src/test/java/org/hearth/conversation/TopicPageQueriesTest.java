package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.SqliteDatabase;
import org.hearth.testing.Visitor;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The topic page asks the database a fixed number of questions, however many replies, reactions
 * and authors the topic has: no query per post, neither its own nor those of the features that add
 * to its posts (here a stand-in that asks one question per page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SqliteDatabase.class)
@Import({TopicPageQueriesTest.CountingQueries.class, MarkingPosts.class})
class TopicPageQueriesTest extends HearthTest {

    static final AtomicInteger QUERIES = new AtomicInteger();
    static final int AT_MOST = 8;

    @TestConfiguration
    static class CountingQueries {
        @Bean
        ExecuteListenerProvider countingQueries() {
            return new DefaultExecuteListenerProvider(new ExecuteListener() {
                @Override
                public void executeStart(ExecuteContext ctx) {
                    QUERIES.incrementAndGet();
                }
            });
        }
    }

    @Autowired
    ReactToPost reactToPost;

    @Autowired
    MarkingPosts.Marks marks;

    private int queriesFor(Visitor visitor, String path) {
        visitor.get(path); // warm: the first visit may mark the topic as read
        QUERIES.set(0);
        var page = visitor.get(path);
        assertThat(page.status()).isEqualTo(200);
        return QUERIES.get();
    }

    @Test
    void aTopicPageCostsTheSameFewQueriesWithTwoRepliesOrTwentyFive() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        var access = communities.visibleTo(slug, owner).orElseThrow();
        String small = started(access, owner, new Draft(TopicKind.QUESTION, "Small", "a", null, false));
        String large = started(access, owner, new Draft(TopicKind.QUESTION, "Large", "b", null, false));
        for (int i = 0; i < 24; i++) {
            Viewer writer = members.create(unique("w"), PASSWORD, null, false);
            admit(owner, slug, writer);
            var writerAccess = communities.visibleTo(slug, writer).orElseThrow();
            String postId = replied(writerAccess, writer, large, new Draft(null, null, "reply " + i, null, false)).postId();
            assertThat(reactToPost.run(new ReactToPost.Input(writerAccess, writer, postId, ReactionKind.HUG)))
                    .isInstanceOf(ReactToPost.Outcome.Given.class);
            if (i < 2) {
                replied(writerAccess, writer, small, new Draft(null, null, "reply " + i, null, false));
            }
        }
        Visitor member = signedIn(owner);
        int forSmall = queriesFor(member, "/c/" + slug + "/t/" + small);
        int forLarge = queriesFor(member, "/c/" + slug + "/t/" + large);
        assertThat(forSmall).as("the counter sees the page's own queries").isGreaterThanOrEqualTo(4);
        assertThat(forLarge).isEqualTo(forSmall).isLessThanOrEqualTo(AT_MOST);
        assertThat(marks.lastAsked().posts()).as("the extension was shown the whole page").hasSize(TopicPage.POSTS_PER_PAGE);
        assertThat(forLarge - marks.switchedOff(() -> queriesFor(member, "/c/" + slug + "/t/" + large)))
                .as("the extension's one query, once for the page").isEqualTo(1);
        assertThat(forSmall - marks.switchedOff(() -> queriesFor(member, "/c/" + slug + "/t/" + small))).isEqualTo(1);
        assertThat(queriesFor(visitor(), "/c/" + slug + "/t/" + large)).isLessThanOrEqualTo(AT_MOST);
        assertThat(queriesFor(member, "/c/" + slug)).isLessThanOrEqualTo(AT_MOST);
    }
}
