package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.SqliteDatabase;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The topic page asks the database a fixed number of questions, however many replies, reactions
 * and authors the topic has: no query per post, neither its own nor those of the features that add
 * to its posts (here a stand-in that asks one question per page). The reader's blocks and muted
 * topics are one of them, asked once; a moderator shown who wrote anonymous posts costs one more,
 * the batch of entries in the authors' records of what staff saw. Flags and hidden posts cost
 * nothing more: whether a post is hidden comes with the post, and the flag links ask nothing.
 * Clinicians' badges are one query for all the page's named authors; evidence notes one more, for
 * all the page's notes and the reader's standing as a writer and rater of notes. The header's
 * count of the member's unread notifications is one more, as on every page of a member.
 *
 * <p>The large topic has all of it on its page: replies by members the reader blocked, replies
 * flagged and waiting for review, one hidden pending review (a moderator's flag), one hidden by a
 * moderator's decision; the reader muted another topic. The small topic has none of it, so the
 * same count on both shows nothing is asked per post, per block or per flag. On SQLite here and
 * on PostgreSQL in {@link TopicPageQueriesOnPostgresTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SqliteDatabase.class)
@Import({TopicPageQueriesTest.CountingQueries.class, MarkingPosts.class})
class TopicPageQueriesTest extends HearthTest {

    static final AtomicInteger QUERIES = new AtomicInteger();
    /**
     * The page's own, one for the header's count of unread notifications, which every page of a
     * member asks, and one for whether the member follows the topic's replies (its button).
     */
    static final int AT_MOST = 13;

    /**
     * Counts every statement prepared on the application's connections, not only jOOQ's: the
     * queries on every page are partly SQL text run with JdbcClient. Spring Session's own
     * statements (reading and saving the session) are left out: every signed-in request has them.
     */
    @TestConfiguration
    static class CountingQueries {
        @Bean
        static BeanPostProcessor countingStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource source && !(bean instanceof CountingStatements) ? new CountingStatements(source) : bean;
                }
            };
        }
    }

    static final class CountingStatements extends DelegatingDataSource {

        CountingStatements(DataSource source) {
            super(source);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return counting(super.getConnection(user, password));
        }

        /**
         * Only the page's own statements: those on the server's request threads. Work done after
         * a commit on threads of its own (telling members about a reply, live updates) may run
         * while a page is measured, and is not the page's.
         */
        private static boolean servingARequest() {
            String thread = Thread.currentThread().getName();
            return thread.startsWith("tomcat-handler-") || thread.startsWith("http-nio-");
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if ((name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement"))
                                && servingARequest()
                                && !(args != null && args[0] instanceof String sql && sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION"))) {
                            QUERIES.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Autowired
    ReactToPost reactToPost;

    @Autowired
    org.hearth.clinician.ApplyAsClinician applyAsClinician;

    @Autowired
    org.hearth.clinician.DecideApplication decideApplication;

    @Autowired
    org.hearth.clinician.WriteEvidenceNote writeEvidenceNote;

    @Autowired
    MarkingPosts.Marks marks;

    @Autowired
    org.hearth.blocking.BlockMember blockMember;

    @Autowired
    org.hearth.blocking.MuteTopic muteTopic;

    @Autowired
    org.hearth.moderation.FlagPost flagPost;

    @Autowired
    org.hearth.moderation.DecideReview decideReview;

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
        Viewer reader = members.create(unique("r"), PASSWORD, null, false);
        admit(owner, slug, reader);
        var readerAccess = communities.visibleTo(slug, reader).orElseThrow();
        java.util.List<Viewer> writers = new java.util.ArrayList<>();
        java.util.List<String> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Viewer writer = members.create(unique("w"), PASSWORD, null, false);
            admit(owner, slug, writer);
            var writerAccess = communities.visibleTo(slug, writer).orElseThrow();
            // every other reply anonymous; the owner and the reader each blocked a few of the writers
            String postId = replied(writerAccess, writer, large, new Draft(null, null, "reply " + i, null, i % 2 == 0)).postId();
            writers.add(writer);
            replies.add(postId);
            if (i % 5 == 0) {
                assertThat(blockMember.run(new org.hearth.blocking.BlockMember.Input(owner, writer.memberId())))
                        .isInstanceOf(org.hearth.blocking.BlockMember.Outcome.Blocked.class);
            }
            if (i % 5 == 1) {
                assertThat(blockMember.run(new org.hearth.blocking.BlockMember.Input(reader, writer.memberId())))
                        .isInstanceOf(org.hearth.blocking.BlockMember.Outcome.Blocked.class);
            }
            assertThat(reactToPost.run(new ReactToPost.Input(writerAccess, writer, postId, ReactionKind.HUG)))
                    .isInstanceOf(ReactToPost.Outcome.Given.class);
            if (i < 2) {
                replied(writerAccess, writer, small, new Draft(null, null, "reply " + i, null, false));
            }
        }
        // flagged and waiting: below the community's threshold, shown as before
        for (int i : new int[] {3, 7, 9, 17}) {
            Viewer flagger = writers.get(i + 1);
            assertThat(flagPost.run(new org.hearth.moderation.FlagPost.Input(communities.visibleTo(slug, flagger).orElseThrow(),
                    flagger, replies.get(i), org.hearth.moderation.FlagReason.SPAM.name(), null)))
                    .isInstanceOfSatisfying(org.hearth.moderation.FlagPost.Outcome.Flagged.class, f -> assertThat(f.hidden()).isFalse());
        }
        // hidden pending review: a moderator's flag hides at once
        assertThat(flagPost.run(new org.hearth.moderation.FlagPost.Input(access(slug, withSecondFactor(owner)), withSecondFactor(owner),
                replies.get(13), org.hearth.moderation.FlagReason.HARASSMENT.name(), null)))
                .isInstanceOfSatisfying(org.hearth.moderation.FlagPost.Outcome.Flagged.class, f -> assertThat(f.hidden()).isTrue());
        // hidden by a moderator's decision on a member's flag
        assertThat(decideReview.run(new org.hearth.moderation.DecideReview.Input(slug, withSecondFactor(owner), replies.get(17),
                org.hearth.moderation.ModerationAction.HIDE, "Advertising", null, null)))
                .isInstanceOf(org.hearth.moderation.DecideReview.Outcome.Decided.class);
        // verified clinicians: two beside named replies, one who wrote anonymously (no badge: it would name them)
        Viewer admin = withSecondFactor(members.create(unique("admin"), PASSWORD, null, true));
        for (int i : new int[] {3, 15, 4}) {
            var applied = applyAsClinician.run(new org.hearth.clinician.ApplyAsClinician.Input(writers.get(i), "NURSE", "Specialty " + i,
                    "United Kingdom", "12A3456E", null));
            String application = ((org.hearth.clinician.ApplyAsClinician.Outcome.Applied) applied).applicationId();
            assertThat(decideApplication.run(new org.hearth.clinician.DecideApplication.Input(admin, application, true, "Checked")))
                    .isInstanceOf(org.hearth.clinician.DecideApplication.Outcome.Approved.class);
        }
        // evidence notes by two of them on others' replies, waiting for ratings
        for (int[] pair : new int[][] {{3, 5}, {15, 6}}) {
            Viewer clinician = writers.get(pair[0]);
            assertThat(writeEvidenceNote.run(new org.hearth.clinician.WriteEvidenceNote.Input(communities.visibleTo(slug, clinician).orElseThrow(),
                    clinician, replies.get(pair[1]), "ADDS_CONTEXT", "Context " + pair[0], "PMID 3330124" + pair[0] % 10)))
                    .isInstanceOf(org.hearth.clinician.WriteEvidenceNote.Outcome.Written.class);
        }
        String muted = started(access, owner, new Draft(TopicKind.QUESTION, "Muted", "c", null, false));
        assertThat(muteTopic.run(new org.hearth.blocking.MuteTopic.Input(access, owner, muted)))
                .isInstanceOf(org.hearth.blocking.MuteTopic.Outcome.Muted.class);
        assertThat(muteTopic.run(new org.hearth.blocking.MuteTopic.Input(readerAccess, reader, muted)))
                .isInstanceOf(org.hearth.blocking.MuteTopic.Outcome.Muted.class);

        Visitor member = signedIn(reader);
        int forSmall = queriesFor(member, "/c/" + slug + "/t/" + small);
        int forLarge = queriesFor(member, "/c/" + slug + "/t/" + large);
        var page = member.get("/c/" + slug + "/t/" + large).text();
        assertThat(page).as("the reader's page has hidden posts on it").contains(Hidden.LINE).doesNotContain("reply 13")
                .doesNotContain("reply 17");
        assertThat(page).as("badges beside the named clinicians' replies, none beside the anonymous one")
                .contains("Nurse · Specialty 3").contains("Nurse · Specialty 15").doesNotContain("Specialty 4");
        assertThat(member.get("/c/" + slug + "/t/" + large).document().select(".note-waiting")).as("the notes, offered to a rater").hasSize(2);
        assertThat(forSmall).as("the counter sees the page's own queries").isGreaterThanOrEqualTo(4);
        assertThat(forLarge).isEqualTo(forSmall).isLessThanOrEqualTo(AT_MOST);
        assertThat(marks.lastAsked().posts()).as("the extension was shown the whole page").hasSize(TopicPage.POSTS_PER_PAGE);
        assertThat(forLarge - marks.switchedOff(() -> queriesFor(member, "/c/" + slug + "/t/" + large)))
                .as("the extension's one query, once for the page").isEqualTo(1);
        assertThat(forSmall - marks.switchedOff(() -> queriesFor(member, "/c/" + slug + "/t/" + small))).isEqualTo(1);
        assertThat(queriesFor(visitor(), "/c/" + slug + "/t/" + large)).isLessThanOrEqualTo(AT_MOST);
        assertThat(queriesFor(member, "/c/" + slug)).isLessThanOrEqualTo(AT_MOST);

        Visitor ownerWithoutSecondFactor = signedIn(owner);
        assertThat(queriesFor(ownerWithoutSecondFactor, "/c/" + slug + "/t/" + large))
                .isEqualTo(queriesFor(ownerWithoutSecondFactor, "/c/" + slug + "/t/" + small)).isLessThanOrEqualTo(AT_MOST);

        Visitor moderator = moderating(owner);
        int entriesBefore = staffAccessEntries();
        int forModerator = queriesFor(moderator, "/c/" + slug + "/t/" + large);
        assertThat(forModerator).as("one batch of staff access entries, not one per anonymous post").isLessThanOrEqualTo(AT_MOST + 1);
        assertThat(staffAccessEntries() - entriesBefore).as("two visits, twelve anonymous replies each").isEqualTo(24);
        assertThat(moderator.get("/c/" + slug + "/t/" + large).text()).as("the moderator sees the hidden posts, marked")
                .contains("reply 13").contains("reply 17").contains("Hidden from members");
        assertThat(queriesFor(moderator, "/c/" + slug + "/t/" + small)).as("no anonymous post on it: no staff access entries")
                .isLessThanOrEqualTo(AT_MOST);
    }

    @Autowired
    org.hearth.decision.StartDecision startDecision;

    @Autowired
    org.hearth.decision.AddExperience addExperience;

    @Autowired
    org.hearth.decision.UpdateExperience updateExperience;

    @Autowired
    org.hearth.decision.DecisionTopics decisionTopics;

    /**
     * A decision's page adds a dozen queries to the topic page's, whatever the number of its
     * experiences: its options and questions (2), the community's list of context to filter by (1),
     * its experiences and how their posts stand (2),
     * the posts shown in the columns, read as the topic page reads posts (4), their answers and
     * updates (2), and in the thread whether the decision is concealed from the reader, the
     * replies that are experiences, their answers and updates (4).
     */
    @Test
    void aDecisionsPageCostsTheSameWithTwoExperiencesOrTwenty() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        var options = java.util.List.of(new org.hearth.decision.OptionDraft("Pump", ""), new org.hearth.decision.OptionDraft("Pens", ""),
                new org.hearth.decision.OptionDraft("Waiting", ""));
        String small = decision(slug, owner, options);
        String large = decision(slug, owner, options);
        Viewer reader = members.create(unique("r"), PASSWORD, null, false);
        admit(owner, slug, reader);
        for (int i = 0; i < 20; i++) {
            Viewer writer = members.create(unique("w"), PASSWORD, null, false);
            admit(owner, slug, writer);
            experience(slug, writer, large, i % 3, i % 2 == 0, i % 4 == 0);
            if (i < 2) {
                experience(slug, writer, small, i, false, i == 0);
            }
            if (i % 5 == 1) {
                assertThat(blockMember.run(new org.hearth.blocking.BlockMember.Input(reader, writer.memberId())))
                        .isInstanceOf(org.hearth.blocking.BlockMember.Outcome.Blocked.class);
            }
        }
        Visitor member = signedIn(reader);
        int forSmall = queriesFor(member, "/c/" + slug + "/t/" + small);
        int forLarge = queriesFor(member, "/c/" + slug + "/t/" + large);
        assertThat(member.get("/c/" + slug + "/t/" + large).document().select("#options .experience"))
                .as("the columns show experiences").hasSizeGreaterThanOrEqualTo(3 * 5);
        assertThat(forLarge).isEqualTo(forSmall).isLessThanOrEqualTo(AT_MOST + 15);
    }

    private String decision(String slug, Viewer owner, java.util.List<org.hearth.decision.OptionDraft> options) {
        var started = startDecision.run(new org.hearth.decision.StartDecision.Input(communities.visibleTo(slug, owner).orElseThrow(), owner,
                "Which?", "Which did you choose?", null, false, options, java.util.List.of("Effort?", "Work?"), null, null));
        return ((org.hearth.decision.StartDecision.Outcome.Started) started).topicId();
    }

    private void experience(String slug, Viewer writer, String topicId, int option, boolean anonymous, boolean updated) {
        var access = communities.visibleTo(slug, writer).orElseThrow();
        String optionId = decisionTopics.readable(access, topicId).orElseThrow().options().get(option).id();
        assertThat(addExperience.run(new org.hearth.decision.AddExperience.Input(access, writer, topicId, optionId,
                java.time.YearMonth.of(2023, 5), org.hearth.decision.WouldChooseAgain.YES, "how it went", null, anonymous,
                java.util.Map.of(0, "some", 1, "more"), java.util.List.of(), null, null))).isInstanceOf(org.hearth.decision.AddExperience.Outcome.Added.class);
        if (updated) {
            assertThat(updateExperience.run(new org.hearth.decision.UpdateExperience.Input(access, writer, topicId, "later",
                    org.hearth.decision.WouldChooseAgain.NOT_SURE))).isInstanceOf(org.hearth.decision.UpdateExperience.Outcome.Updated.class);
        }
    }

    private int staffAccessEntries() {
        return db.fetchCount(org.hearth.privacy.schema.Tables.STAFF_ACCESS);
    }
}
