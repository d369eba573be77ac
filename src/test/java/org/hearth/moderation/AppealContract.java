package org.hearth.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.moderation.schema.Tables.APPEALS;
import static org.hearth.moderation.schema.Tables.MODERATION_ACTIONS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Appeals: the refusals first (someone else's decision, twice, too late, the moderator who acted,
 * site staff where the community has its own), then what an upheld or refused appeal does.
 */
abstract class AppealContract extends HearthTest {

    @Autowired
    FlagPost flagPost;

    @Autowired
    DecideReview decideReview;

    @Autowired
    FileAppeal fileAppeal;

    @Autowired
    DecideAppeal decideAppeal;

    @Autowired
    Outbox outbox;

    @Autowired
    DSLContext dsl;

    /** A community with its owner, a second moderator (null when asked for none), an author and their reply. */
    record Place(String slug, Viewer owner, Viewer second, Viewer author, String topicId, String replyId) {
        String topic() {
            return "/c/" + slug + "/t/" + topicId;
        }
    }

    private Place place(boolean secondModerator) {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer second = null;
        if (secondModerator) {
            second = account(unique("mod"));
            join(slug, second);
            changeRole(slug, owner, second.memberId(), Role.MODERATOR);
        }
        Viewer author = account(unique("author"));
        join(slug, author);
        String topicId = started(access(slug, author), author, new Draft(TopicKind.QUESTION, "title-" + slug, "opening-" + slug, null, false));
        String replyId = replied(access(slug, author), author, topicId, new Draft(null, null, "reply-text-" + slug, null, false)).postId();
        return new Place(slug, owner, second, author, topicId, replyId);
    }

    /** The owner flags the reply (a moderator's flag hides it at once) and takes the action; returns the action's id. */
    private String acted(Place p, ModerationAction action, Integer days) {
        assertThat(flagPost.run(new FlagPost.Input(access(p.slug(), p.owner()), p.owner(), p.replyId(), "SPAM", null)))
                .isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(decideReview.run(new DecideReview.Input(p.slug(), withSecondFactor(p.owner()), p.replyId(), action,
                "Looks like an advert", 2, days))).isInstanceOf(DecideReview.Outcome.Decided.class);
        return dsl.select(MODERATION_ACTIONS.ID).from(MODERATION_ACTIONS)
                .where(MODERATION_ACTIONS.POST_ID.eq(p.replyId()), MODERATION_ACTIONS.ACTION.eq(action.name())).fetchSingle().value1();
    }

    private String appealed(Place p, String actionId) {
        var filed = fileAppeal.run(new FileAppeal.Input(p.author(), actionId, "It was a real question about my pump."));
        assertThat(filed).isInstanceOf(FileAppeal.Outcome.Filed.class);
        return ((FileAppeal.Outcome.Filed) filed).appealId();
    }

    private DecideAppeal.Outcome decide(Place p, Viewer who, String appealId, Boolean uphold, String reason) {
        return decideAppeal.run(new DecideAppeal.Input(p.slug(), withSecondFactor(who), appealId, uphold, reason));
    }

    // ---- refusals --------------------------------------------------------------------------

    @Test
    void onlyTheMemberADecisionIsAboutAppealsItOnceWithWordsWithinTheTime() {
        Place p = place(true);
        String actionId = acted(p, ModerationAction.HIDE, null);
        Viewer stranger = account(unique("stranger"));
        assertThat(fileAppeal.run(new FileAppeal.Input(stranger, actionId, "not mine"))).isInstanceOf(FileAppeal.Outcome.NotFound.class);
        Visitor strangerBrowser = signedIn(stranger);
        assertThat(strangerBrowser.get("/me/decisions/" + actionId + "/appeal").status()).isEqualTo(404);
        assertThat(strangerBrowser.post("/me/decisions/" + actionId + "/appeal", Map.of("words", "let me")).status()).isEqualTo(404);
        assertThat(fileAppeal.run(new FileAppeal.Input(p.author(), "nonsense", "x"))).isInstanceOf(FileAppeal.Outcome.NotFound.class);

        Visitor author = signedIn(p.author());
        var empty = author.submit("/me/decisions/" + actionId + "/appeal", Map.of("words", "   "));
        assertThat(empty.document().select("#words-error").text()).contains("Write why you think the decision was wrong");
        String tooLong = "I disagree. ".repeat(200);
        var long_ = author.submit("/me/decisions/" + actionId + "/appeal", Map.of("words", tooLong));
        assertThat(long_.document().select("#words-error").text()).contains("under 2000 characters").contains("yours has " + tooLong.strip().length());
        assertThat(long_.document().select("textarea#words").text()).as("what they typed is kept").isEqualTo(tooLong.strip());

        var sent = author.submit("/me/decisions/" + actionId + "/appeal", Map.of("words", "It was a real question."));
        assertThat(sent.text()).contains("Your appeal is sent").contains("You appealed on");
        assertThat(fileAppeal.run(new FileAppeal.Input(p.author(), actionId, "again"))).isInstanceOf(FileAppeal.Outcome.AlreadyAppealed.class);
        assertThat(author.submit("/me/decisions/" + actionId + "/appeal", Map.of("words", "again")).text())
                .contains("You have already appealed that decision");
        assertThat(dsl.fetchCount(APPEALS, APPEALS.ACTION_ID.eq(actionId))).isEqualTo(1);
    }

    @Test
    void theTimeToAppealEndsAndAKeepOrAnAppealsDecisionCannotBeAppealed() {
        Place p = place(true);
        String actionId = acted(p, ModerationAction.WARN, null);
        dsl.update(MODERATION_ACTIONS).set(MODERATION_ACTIONS.ACTED_AT, System.currentTimeMillis() - Duration.ofDays(21).toMillis())
                .where(MODERATION_ACTIONS.ID.eq(actionId)).execute();
        assertThat(fileAppeal.run(new FileAppeal.Input(p.author(), actionId, "too late?"))).isInstanceOf(FileAppeal.Outcome.TooLate.class);
        assertThat(signedIn(p.author()).get("/me/decisions").text()).contains("The time to appeal this decision has ended");

        assertThat(flagPost.run(new FlagPost.Input(access(p.slug(), p.second()), p.second(), p.replyId(), "SPAM", null)))
                .isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(decideReview.run(new DecideReview.Input(p.slug(), withSecondFactor(p.owner()), p.replyId(), ModerationAction.KEEP,
                "Fine after all", null, null))).isInstanceOf(DecideReview.Outcome.Decided.class);
        String keep = dsl.select(MODERATION_ACTIONS.ID).from(MODERATION_ACTIONS)
                .where(MODERATION_ACTIONS.POST_ID.eq(p.replyId()), MODERATION_ACTIONS.ACTION.eq("KEEP")).fetchSingle().value1();
        assertThat(fileAppeal.run(new FileAppeal.Input(p.author(), keep, "why?"))).isInstanceOf(FileAppeal.Outcome.NotAppealable.class);
        assertThat(signedIn(p.author()).get("/me/decisions/" + keep + "/appeal").status()).isEqualTo(404);
    }

    @Test
    void theModeratorWhoActedCannotDecideTheAppealAndOthersOutsideGetNotFound() {
        Place p = place(true);
        String appealId = appealed(p, acted(p, ModerationAction.HIDE, null));
        assertThat(decide(p, p.owner(), appealId, true, "I was wrong")).isInstanceOf(DecideAppeal.Outcome.OwnAction.class);
        var queue = moderating(p.owner()).get("/c/" + p.slug() + "/review");
        assertThat(queue.text()).contains("It was a real question about my pump").contains("You took this action, so another moderator decides");
        assertThat(queue.document().select("form[action$=/appeals/" + appealId + "/decide]")).isEmpty();

        Viewer member = account(unique("member"));
        join(p.slug(), member);
        assertThat(decide(p, member, appealId, true, "me too")).isInstanceOf(DecideAppeal.Outcome.NotFound.class);
        Viewer elsewhere = account(unique("elsewhere"));
        community(elsewhere, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor elsewhereBrowser = moderating(elsewhere);
        assertThat(elsewhereBrowser.post("/c/" + p.slug() + "/appeals/" + appealId + "/decide", Map.of("uphold", "true", "reason", "x"))
                .status()).isEqualTo(404);
        assertThat(decide(p, elsewhere, appealId, true, "x")).isInstanceOf(DecideAppeal.Outcome.NotFound.class);
        assertThat(signedIn(member).get("/c/" + p.slug() + "/review").status()).isEqualTo(404);

        Viewer admin = members.create(unique("admin"), PASSWORD, null, true);
        assertThat(decide(p, admin, appealId, true, "site steps in")).as("the community has another moderator")
                .isInstanceOf(DecideAppeal.Outcome.LeftToModerators.class);
        assertThat(decide(p, p.second(), appealId, null, "undecided")).isInstanceOf(DecideAppeal.Outcome.ChoiceMissing.class);
        assertThat(decide(p, p.second(), appealId, true, " ")).isInstanceOf(DecideAppeal.Outcome.ReasonMissing.class);
        assertThat(dsl.fetchValue(APPEALS.DECIDED_AT, APPEALS.ID.eq(appealId))).as("nothing decided by a refusal").isNull();
    }

    // ---- what a decision does --------------------------------------------------------------

    @Test
    void anUpheldAppealShowsThePostAgainLogsItAndTellsTheMember() {
        Place p = place(true);
        String address = p.author().handle().toLowerCase() + "@example.org";
        members.setEmail(p.author().memberId(), address);
        members.markVerified(p.author().memberId(), address);
        String actionId = acted(p, ModerationAction.REMOVE, null);
        assertThat(visitor().get(p.topic()).text()).doesNotContain("reply-text-" + p.slug());
        assertThat(signedIn(p.author()).get(p.topic()).text()).as("kept for its author until decided").contains("reply-text-" + p.slug());
        String appealId = appealed(p, actionId);
        int mailsBefore = outbox.addressedTo(address).size();

        Visitor second = moderating(p.second());
        var queue = second.get("/c/" + p.slug() + "/review");
        assertThat(queue.text()).contains("Appeal by " + p.author().handle()).contains("Looks like an advert")
                .contains("It was a real question about my pump").contains("reply-text-" + p.slug());
        var refused = second.submit("/c/" + p.slug() + "/appeals/" + appealId + "/decide", Map.of("uphold", "true", "reason", ""));
        assertThat(refused.document().select("#reason-error").text()).contains("Write the reason");
        assertThat(refused.document().select("input[name=uphold][value=true]").attr("checked")).as("their choice is kept").isNotNull();
        var decided = second.submit("/c/" + p.slug() + "/appeals/" + appealId + "/decide",
                Map.of("uphold", "true", "reason", "A genuine question; removing it was a mistake."));
        assertThat(decided.text()).contains("the appeal is upheld and the action undone");

        assertThat(visitor().get(p.topic()).text()).contains("reply-text-" + p.slug());
        var told = signedIn(p.author()).get("/me/decisions");
        assertThat(told.text()).contains("Your appeal was upheld").contains("A genuine question; removing it was a mistake.")
                .contains("Undone on appeal");
        assertThat(outbox.addressedTo(address)).hasSize(mailsBefore + 1).last().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(DecisionNotices.SUBJECT);
            assertThat(mail.body()).doesNotContain(p.slug()).doesNotContain("reply-text");
        });
        var log = visitor().get("/c/" + p.slug() + "/log");
        assertThat(log.text()).contains("Upheld a member's appeal").contains("Undone on appeal").doesNotContain(p.second().handle())
                .doesNotContain(p.author().handle());
        assertThat(decide(p, p.second(), appealId, false, "changed my mind")).isInstanceOf(DecideAppeal.Outcome.AlreadyDecided.class);
        assertThat(dsl.fetchCount(org.hearth.moderation.schema.Tables.FLAGS, org.hearth.moderation.schema.Tables.FLAGS.POST_ID.eq(p.replyId()),
                org.hearth.moderation.schema.Tables.FLAGS.JUDGED.eq("UPHELD"))).as("the flag no longer counts against the author").isZero();
    }

    @Test
    void anAppealNotUpheldLeavesTheActionAndAnUpheldOneLiftsAMute() {
        Place p = place(true);
        String hide = appealed(p, acted(p, ModerationAction.HIDE, null));
        assertThat(decide(p, p.second(), hide, false, "It was an advert.")).isInstanceOf(DecideAppeal.Outcome.Decided.class);
        assertThat(visitor().get(p.topic()).text()).doesNotContain("reply-text-" + p.slug());
        assertThat(signedIn(p.author()).get("/me/decisions").text()).contains("Your appeal was not upheld").contains("It was an advert.");

        Place q = place(true);
        String mute = appealed(q, acted(q, ModerationAction.MUTE, 5));
        assertThat(access(q.slug(), q.author()).canPost()).isFalse();
        assertThat(decide(q, q.second(), mute, true, "Too harsh for a first time.")).isInstanceOf(DecideAppeal.Outcome.Decided.class);
        assertThat(access(q.slug(), q.author()).canPost()).as("the mute is lifted").isTrue();
        assertThat(visitor().get(q.topic()).text()).contains("reply-text-" + q.slug());
    }

    @Test
    void whereTheModeratorWhoActedIsTheOnlyOneASiteAdministratorDecides() {
        Place p = place(false);
        String appealId = appealed(p, acted(p, ModerationAction.LOCK_TOPIC, null));
        Viewer admin = members.create(unique("admin"), PASSWORD, null, true);
        Visitor adminBrowser = moderating(admin);
        assertThat(adminBrowser.get("/admin/review").text()).contains("Community " + p.slug()).contains("1 appeal waits");
        var queue = adminBrowser.get("/c/" + p.slug() + "/review");
        assertThat(queue.text()).contains("as a site administrator").contains("It was a real question about my pump");
        var decided = adminBrowser.submit("/c/" + p.slug() + "/appeals/" + appealId + "/decide",
                Map.of("uphold", "true", "reason", "Locking the whole topic went too far."));
        assertThat(decided.text()).contains("the appeal is upheld");
        assertThat(replied(access(p.slug(), p.author()), p.author(), p.topicId(), new Draft(null, null, "after unlock", null, false)))
                .as("the topic takes replies again").isNotNull();
        assertThat(visitor().get("/c/" + p.slug() + "/log").text()).contains("A site administrator").contains("Upheld a member's appeal");
        assertThat(adminBrowser.get("/admin/review").text()).doesNotContain("Community " + p.slug());
    }

    @Test
    void twoModeratorsDecidingAnAppealAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        Place p = place(true);
        Viewer third = account(unique("third"));
        join(p.slug(), third);
        changeRole(p.slug(), p.owner(), third.memberId(), Role.MODERATOR);
        String appealId = appealed(p, acted(p, ModerationAction.SUSPEND, 3));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DecideAppeal.Outcome>> results = new ArrayList<>();
            for (var decision : List.of(Map.entry(p.second(), true), Map.entry(third, false))) {
                results.add(pool.submit(() -> {
                    start.await();
                    return decide(p, decision.getKey(), appealId, decision.getValue(), "looked at it");
                }));
            }
            start.countDown();
            List<DecideAppeal.Outcome> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof DecideAppeal.Outcome.Decided).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof DecideAppeal.Outcome.AlreadyDecided).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dsl.fetchCount(MODERATION_ACTIONS, MODERATION_ACTIONS.POST_ID.eq(p.replyId()),
                MODERATION_ACTIONS.ACTION.in("APPEAL_UPHELD", "APPEAL_DENIED"))).isEqualTo(1);
    }

    // ---- banning, titles, moves and rules, and their undoing on appeal -------------------

    private DecideReview.Outcome decideWith(Place p, ModerationAction action, Integer rule, String title, String moveTo) {
        return decideReview.run(new DecideReview.Input(p.slug(), withSecondFactor(p.owner()), p.replyId(), action, "Because.", rule, null,
                title, moveTo));
    }

    private void flaggedByOwner(Place p) {
        assertThat(flagPost.run(new FlagPost.Input(access(p.slug(), p.owner()), p.owner(), p.replyId(), "OFF_TOPIC", null)))
                .isInstanceOf(FlagPost.Outcome.Flagged.class);
    }

    private String actionOn(Place p, ModerationAction action) {
        return dsl.select(MODERATION_ACTIONS.ID).from(MODERATION_ACTIONS)
                .where(MODERATION_ACTIONS.POST_ID.eq(p.replyId()), MODERATION_ACTIONS.ACTION.eq(action.name())).fetchSingle().value1();
    }

    @Test
    void aBannedMemberLeavesCannotComeBackAndAnUpheldAppealLetsThemJoinAgain() {
        Place p = place(true);
        flaggedByOwner(p);
        assertThat(decideWith(p, ModerationAction.BAN, 99, null, null)).as("rule 99 is none of this community's")
                .isInstanceOf(DecideReview.Outcome.NoSuchRule.class);
        assertThat(decideWith(p, ModerationAction.BAN, 1, null, null)).isInstanceOf(DecideReview.Outcome.Decided.class);
        assertThat(access(p.slug(), p.author()).member()).isFalse();
        assertThat(join(p.slug(), p.author())).isInstanceOf(org.hearth.community.JoinCommunity.Outcome.Banned.class);
        assertThat(invite(p.slug(), p.owner(), p.author().handle())).isInstanceOf(org.hearth.community.InviteMember.Outcome.Banned.class);
        assertThat(signedIn(p.author()).submit("/c/" + p.slug() + "/join", AGREEING).text()).contains("banned you from this community");
        assertThat(visitor().get("/c/" + p.slug() + "/log").text()).contains("Banned a member").contains("rule 1");

        String appealId = appealed(p, actionOn(p, ModerationAction.BAN));
        assertThat(decide(p, p.second(), appealId, true, "One off-topic post is no reason to ban.")).isInstanceOf(DecideAppeal.Outcome.Decided.class);
        assertThat(join(p.slug(), p.author())).isInstanceOf(org.hearth.community.JoinCommunity.Outcome.Joined.class);
        assertThat(visitor().get(p.topic()).text()).contains("reply-text-" + p.slug());
    }

    @Test
    void anOwnerIsNotBanned() {
        Place p = place(true);
        String ownReply = replied(access(p.slug(), p.owner()), p.owner(), p.topicId(), new Draft(null, null, "owner-words", null, false)).postId();
        assertThat(flagPost.run(new FlagPost.Input(access(p.slug(), p.second()), p.second(), ownReply, "SPAM", null)))
                .isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(decideReview.run(new DecideReview.Input(p.slug(), withSecondFactor(p.second()), ownReply, ModerationAction.BAN,
                "no", null, null))).isInstanceOf(DecideReview.Outcome.OwnerNotBanned.class);
        assertThat(access(p.slug(), p.owner()).owns()).isTrue();
    }

    @Test
    void aModeratorEditsATitleAndAnUpheldAppealPutsItBack() {
        Place p = place(true);
        flaggedByOwner(p);
        assertThat(decideWith(p, ModerationAction.EDIT_TITLE, null, "  ", null)).isInstanceOf(DecideReview.Outcome.TitleNeeded.class);
        assertThat(decideWith(p, ModerationAction.EDIT_TITLE, null, "x".repeat(201), null)).isInstanceOf(DecideReview.Outcome.TitleNeeded.class);
        assertThat(decideWith(p, ModerationAction.EDIT_TITLE, null, "A clearer title", null)).isInstanceOf(DecideReview.Outcome.Decided.class);
        assertThat(visitor().get(p.topic()).document().select("h1").text()).contains("A clearer title");
        assertThat(visitor().get(p.topic()).text()).as("the post is shown again").contains("reply-text-" + p.slug());

        String appealId = appealed(p, actionOn(p, ModerationAction.EDIT_TITLE));
        assertThat(decide(p, p.second(), appealId, true, "The first title was fine.")).isInstanceOf(DecideAppeal.Outcome.Decided.class);
        assertThat(visitor().get(p.topic()).document().select("h1").text()).contains("title-" + p.slug());
    }

    @Test
    void onlyAPublicCommunitysTopicMovesAndOnlyToOneTheModeratorAlsoModerates() {
        Place p = place(true);
        String elsewhere = community(p.owner(), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer stranger = account(unique("stranger"));
        String notTheirs = community(stranger, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        flaggedByOwner(p);
        assertThat(decideWith(p, ModerationAction.MOVE_TOPIC, null, null, null)).isInstanceOf(DecideReview.Outcome.DestinationNeeded.class);
        assertThat(decideWith(p, ModerationAction.MOVE_TOPIC, null, null, notTheirs)).isInstanceOf(DecideReview.Outcome.DestinationNeeded.class);
        assertThat(decideWith(p, ModerationAction.MOVE_TOPIC, null, null, p.slug())).isInstanceOf(DecideReview.Outcome.DestinationNeeded.class);
        Visitor moderator = moderating(p.owner());
        var page = moderator.submit("/c/" + p.slug() + "/review/" + p.replyId() + "/claim", Map.of());
        assertThat(page.document().select("select[name=moveTo] option").eachAttr("value")).contains(elsewhere).doesNotContain(notTheirs, p.slug());

        assertThat(decideWith(p, ModerationAction.MOVE_TOPIC, null, null, elsewhere)).isInstanceOf(DecideReview.Outcome.Decided.class);
        assertThat(visitor().get(p.topic()).status()).isEqualTo(404);
        assertThat(visitor().get("/c/" + elsewhere + "/t/" + p.topicId()).text()).contains("reply-text-" + p.slug());

        String appealId = appealed(p, actionOn(p, ModerationAction.MOVE_TOPIC));
        assertThat(decide(p, p.second(), appealId, true, "It belonged here.")).isInstanceOf(DecideAppeal.Outcome.Decided.class);
        assertThat(visitor().get(p.topic()).text()).contains("reply-text-" + p.slug());
        assertThat(visitor().get("/c/" + elsewhere + "/t/" + p.topicId()).status()).isEqualTo(404);

        Viewer owner = account(unique("own"));
        String closed = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String open = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = account(unique("author"));
        join(closed, author);
        String topicId = started(access(closed, author), author, new Draft(TopicKind.QUESTION, "private-title", "private-opening", null, false));
        String opening = conversationsOpening(closed, owner, topicId);
        assertThat(flagPost.run(new FlagPost.Input(access(closed, owner), owner, opening, "OFF_TOPIC", null)))
                .isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(decideReview.run(new DecideReview.Input(closed, withSecondFactor(owner), opening, ModerationAction.MOVE_TOPIC, "fits there",
                null, null, null, open))).as("members wrote for members only").isInstanceOf(DecideReview.Outcome.NotMovableFromHere.class);
        assertThat(visitor().get("/c/" + open + "/t/" + topicId).status()).isEqualTo(404);
    }

    @Autowired
    org.hearth.conversation.Conversations conversations;

    private String conversationsOpening(String slug, Viewer reader, String topicId) {
        return conversations.topic(access(slug, reader), topicId, reader, 1).orElseThrow().posts().getFirst().id();
    }
}
