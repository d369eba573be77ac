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
 * to its posts (here a stand-in that asks one question per page). The reader's blocks and muted
 * topics are one of them, asked once; a moderator shown who wrote anonymous posts costs one more,
 * the batch of entries in the authors' records of what staff saw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SqliteDatabase.class)
@Import({TopicPageQueriesTest.CountingQueries.class, MarkingPosts.class})
class TopicPageQueriesTest extends HearthTest {

    static final AtomicInteger QUERIES = new AtomicInteger();
    static final int AT_MOST = 9;

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

    @Autowired
    org.hearth.blocking.BlockMember blockMember;

    @Autowired
    org.hearth.blocking.MuteTopic muteTopic;

    @Autowired
    org.jooq.DSLContext db;

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
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        var access = communities.visibleTo(slug, owner).orElseThrow();
        String small = started(access, owner, new Draft(TopicKind.QUESTION, "Small", "a", null, false));
        String large = started(access, owner, new Draft(TopicKind.QUESTION, "Large", "b", null, false));
        for (int i = 0; i < 24; i++) {
            Viewer writer = members.create(unique("w"), PASSWORD, null, false);
            admit(owner, slug, writer);
            var writerAccess = communities.visibleTo(slug, writer).orElseThrow();
            // every other reply anonymous; the reader blocked a few of the writers
            String postId = replied(writerAccess, writer, large, new Draft(null, null, "reply " + i, null, i % 2 == 0)).postId();
            if (i % 5 == 0) {
                assertThat(blockMember.run(new org.hearth.blocking.BlockMember.Input(owner, writer.memberId())))
                        .isInstanceOf(org.hearth.blocking.BlockMember.Outcome.Blocked.class);
            }
            assertThat(reactToPost.run(new ReactToPost.Input(writerAccess, writer, postId, ReactionKind.HUG)))
                    .isInstanceOf(ReactToPost.Outcome.Given.class);
            if (i < 2) {
                replied(writerAccess, writer, small, new Draft(null, null, "reply " + i, null, false));
            }
        }
        String muted = started(access, owner, new Draft(TopicKind.QUESTION, "Muted", "c", null, false));
        assertThat(muteTopic.run(new org.hearth.blocking.MuteTopic.Input(access, owner, muted)))
                .isInstanceOf(org.hearth.blocking.MuteTopic.Outcome.Muted.class);
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

        Visitor moderator = moderating(owner);
        int entriesBefore = staffAccessEntries();
        int forModerator = queriesFor(moderator, "/c/" + slug + "/t/" + large);
        assertThat(forModerator).as("one batch of staff access entries, not one per anonymous post").isLessThanOrEqualTo(AT_MOST + 1);
        assertThat(staffAccessEntries() - entriesBefore).as("two visits, twelve anonymous replies each").isEqualTo(24);
    }

    private int staffAccessEntries() {
        return db.fetchCount(org.hearth.privacy.schema.Tables.STAFF_ACCESS);
    }
}
