package org.hearth.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.community.Access;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.EditPost;
import org.hearth.conversation.Hidden;
import org.hearth.conversation.ReplyToTopic;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.hearth.trust.SetTrustLevel;
import org.hearth.trust.TrustLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Flags, hidden posts, the review queue and its decisions: the refusals first, then what people see. */
abstract class ModerationContract extends HearthTest {

    @Autowired
    FlagPost flagPost;

    @Autowired
    ClaimReview claimReview;

    @Autowired
    DecideReview decideReview;

    @Autowired
    Conversations conversations;

    @Autowired
    ReplyToTopic replyToTopic;

    @Autowired
    Outbox outbox;

    @Autowired
    ReviewQueue reviewQueue;

    @Autowired
    SetTrustLevel setTrustLevel;

    /**
     * A community with its owner, an author and five members who may flag, each held at the
     * Basic level, so that a flag of theirs weighs 2 points and four reach the default threshold.
     */
    record Place(String slug, Viewer owner, Viewer author, List<Viewer> readers, String topicId, String openingId, String replyId) {
    }

    private Place place(Visibility visibility, boolean anonymousReply) {
        Viewer owner = account(unique("own"));
        String slug = community(owner, visibility, JoinPolicy.OPEN, true);
        Viewer author = account(unique("author"));
        join(slug, author);
        List<Viewer> readers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Viewer reader = account(unique("reader"));
            join(slug, reader);
            assertThat(setTrustLevel.run(new SetTrustLevel.Input(slug, withSecondFactor(owner), reader.memberId(), TrustLevel.BASIC,
                    null, "Known to the community"))).isInstanceOf(SetTrustLevel.Outcome.Set.class);
            readers.add(reader);
        }
        String topicId = started(access(slug, author), author, new Draft(TopicKind.QUESTION, "title-" + slug, "opening-" + slug, null, false));
        String openingId = conversations.topic(access(slug, owner), topicId, owner, 1).orElseThrow().posts().getFirst().id();
        String replyId = replied(access(slug, author), author, topicId, new Draft(null, null, "reply-text-" + slug, null, anonymousReply)).postId();
        return new Place(slug, owner, author, readers, topicId, openingId, replyId);
    }

    private FlagPost.Outcome flag(String slug, Viewer flagger, String postId, FlagReason reason, String comment) {
        return flagPost.run(new FlagPost.Input(access(slug, flagger), flagger, postId, reason == null ? null : reason.name(), comment));
    }

    private void flaggedBy(Place p, int readers, String postId) {
        for (int i = 0; i < readers; i++) {
            assertThat(flag(p.slug(), p.readers().get(i), postId, FlagReason.SPAM, null)).isInstanceOf(FlagPost.Outcome.Flagged.class);
        }
    }

    private DecideReview.Outcome decide(Place p, Viewer moderator, String postId, ModerationAction action, String reason, Integer days) {
        return decideReview.run(new DecideReview.Input(p.slug(), withSecondFactor(moderator), postId, action, reason, null, days));
    }

    // ---- refusals --------------------------------------------------------------------------

    @Test
    void aFlagCannotBeCastTwiceNorOnOnesOwnPostNorWithoutWhatOtherMeans() {
        Place p = place(Visibility.PUBLIC, false);
        Viewer reader = p.readers().getFirst();
        assertThat(flag(p.slug(), reader, p.replyId(), FlagReason.SPAM, null)).isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(flag(p.slug(), reader, p.replyId(), FlagReason.HARASSMENT, null)).isInstanceOf(FlagPost.Outcome.AlreadyFlagged.class);
        assertThat(flag(p.slug(), p.author(), p.replyId(), FlagReason.SPAM, null)).isInstanceOf(FlagPost.Outcome.OwnPost.class);
        assertThat(flag(p.slug(), p.readers().get(1), p.replyId(), FlagReason.OTHER, " ")).isInstanceOf(FlagPost.Outcome.CommentNeeded.class);
        assertThat(flag(p.slug(), p.readers().get(1), p.replyId(), null, null)).isInstanceOf(FlagPost.Outcome.ReasonMissing.class);
        assertThat(flag(p.slug(), p.readers().get(1), p.replyId(), FlagReason.SPAM, "x".repeat(FlagPost.COMMENT_MAX + 1)))
                .isInstanceOf(FlagPost.Outcome.CommentTooLong.class);

        Visitor browser = signedIn(reader);
        var again = browser.submit("/c/" + p.slug() + "/p/" + p.replyId() + "/flag", Map.of("reason", "SPAM"));
        assertThat(again.text()).contains("You already flagged this post");
        var other = browser.submit("/c/" + p.slug() + "/p/" + p.openingId() + "/flag", Map.of("reason", "OTHER", "comment", ""));
        assertThat(other.document().select("#comment-error").text()).contains("Say in a few words");
        var own = signedIn(p.author()).submit("/c/" + p.slug() + "/p/" + p.replyId() + "/flag", Map.of("reason", "SPAM"));
        assertThat(own.text()).contains("This is your own post");
    }

    @Test
    void someoneOutsideAMembersOnlyCommunityCannotFlagItsPosts() {
        Place p = place(Visibility.MEMBERS_ONLY, false);
        Viewer outsider = account(unique("outsider"));
        Visitor browser = signedIn(outsider);
        assertThat(browser.get("/c/" + p.slug() + "/p/" + p.replyId() + "/flag").status()).isEqualTo(404);
        assertThat(browser.post("/c/" + p.slug() + "/p/" + p.replyId() + "/flag", Map.of("reason", "SPAM")).status()).isEqualTo(404);
        assertThat(flag(p.slug(), outsider, p.replyId(), FlagReason.SPAM, null)).isInstanceOf(FlagPost.Outcome.NotFound.class);
    }

    @Test
    void theQueueIsNotFoundForMembersAndForModeratorsOfAnotherCommunity() {
        Place p = place(Visibility.PUBLIC, false);
        flaggedBy(p, 1, p.replyId());
        Viewer elsewhere = account(unique("elsewhere"));
        String other = community(elsewhere, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        join(p.slug(), elsewhere);
        Visitor elsewhereBrowser = moderating(elsewhere);
        assertThat(elsewhereBrowser.get("/c/" + p.slug() + "/review").status()).isEqualTo(404);
        assertThat(signedIn(p.readers().getFirst()).get("/c/" + p.slug() + "/review").status()).isEqualTo(404);
        assertThat(visitor().get("/c/" + p.slug() + "/review").status()).isIn(302, 404);
        assertThat(decide(p, elsewhere, p.replyId(), ModerationAction.HIDE, "no", null)).isInstanceOf(DecideReview.Outcome.NotFound.class);
        assertThat(claimReview.run(new ClaimReview.Input(p.slug(), withSecondFactor(elsewhere), p.replyId())))
                .isInstanceOf(ClaimReview.Outcome.NotFound.class);
        assertThat(elsewhereBrowser.get("/c/" + other + "/review").status()).isEqualTo(200);
    }

    @Test
    void noModeratorDecidesAboutTheirOwnPost() {
        Place p = place(Visibility.PUBLIC, false);
        Viewer moderator = account(unique("mod"));
        join(p.slug(), moderator);
        changeRole(p.slug(), p.owner(), moderator.memberId(), org.hearth.community.Role.MODERATOR);
        String own = replied(access(p.slug(), moderator), moderator, p.topicId(), new Draft(null, null, "my own words", null, false)).postId();
        flaggedBy(p, 1, own);
        assertThat(decide(p, moderator, own, ModerationAction.KEEP, "it is fine", null)).isInstanceOf(DecideReview.Outcome.OwnPost.class);
        assertThat(decide(p, p.owner(), own, ModerationAction.KEEP, "it is fine", null)).as("another moderator")
                .isInstanceOf(DecideReview.Outcome.Decided.class);
    }

    @Test
    void aDecisionNeedsAReasonAndATimeForAMute() {
        Place p = place(Visibility.PUBLIC, false);
        flaggedBy(p, 1, p.replyId());
        assertThat(decide(p, p.owner(), p.replyId(), ModerationAction.HIDE, "  ", null)).isInstanceOf(DecideReview.Outcome.ReasonMissing.class);
        assertThat(decide(p, p.owner(), p.replyId(), ModerationAction.MUTE, "rude", null)).isInstanceOf(DecideReview.Outcome.DaysNeeded.class);
        assertThat(decide(p, p.owner(), p.replyId(), null, "rude", null)).isInstanceOf(DecideReview.Outcome.ActionMissing.class);
        var refused = moderating(p.owner()).submit("/c/" + p.slug() + "/review/" + p.replyId() + "/decide",
                Map.of("action", "HIDE", "reason", "", "ruleNumber", "", "days", ""));
        assertThat(refused.document().select("#reason-error").text()).contains("Write the reason");
    }

    @Test
    void aClaimKeepsOtherModeratorsFromDeciding() {
        Place p = place(Visibility.PUBLIC, false);
        Viewer second = p.readers().get(4);
        changeRole(p.slug(), p.owner(), second.memberId(), org.hearth.community.Role.MODERATOR);
        flaggedBy(p, 1, p.replyId());
        assertThat(claimReview.run(new ClaimReview.Input(p.slug(), withSecondFactor(p.owner()), p.replyId())))
                .isInstanceOf(ClaimReview.Outcome.Claimed.class);
        assertThat(claimReview.run(new ClaimReview.Input(p.slug(), withSecondFactor(second), p.replyId())))
                .isInstanceOfSatisfying(ClaimReview.Outcome.ClaimedByAnother.class, c -> assertThat(c.moderator()).isEqualTo(p.owner().handle()));
        assertThat(decide(p, second, p.replyId(), ModerationAction.HIDE, "spam", null)).isInstanceOf(DecideReview.Outcome.ClaimedByAnother.class);
        assertThat(decide(p, p.owner(), p.replyId(), ModerationAction.HIDE, "spam", null)).isInstanceOf(DecideReview.Outcome.Decided.class);
    }

    @Test
    void twoModeratorsDecidingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        Place p = place(Visibility.PUBLIC, false);
        Viewer second = p.readers().get(4);
        changeRole(p.slug(), p.owner(), second.memberId(), org.hearth.community.Role.MODERATOR);
        flaggedBy(p, 1, p.replyId());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DecideReview.Outcome>> results = new ArrayList<>();
            for (var decision : List.of(Map.entry(p.owner(), ModerationAction.KEEP), Map.entry(second, ModerationAction.REMOVE))) {
                results.add(pool.submit(() -> {
                    start.await();
                    return decide(p, decision.getKey(), p.replyId(), decision.getValue(), "looked at it", null);
                }));
            }
            start.countDown();
            List<DecideReview.Outcome> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof DecideReview.Outcome.Decided).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof DecideReview.Outcome.NotWaiting).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(signedIn(p.author()).get("/me/decisions").document().select(".decisions li")).hasSize(1);
    }

    @Test
    void aMutedOrSuspendedMemberCannotPostAndIsToldUntilWhen() {
        Place p = place(Visibility.PUBLIC, false);
        flaggedBy(p, 1, p.replyId());
        assertThat(decide(p, p.owner(), p.replyId(), ModerationAction.MUTE, "Rule 2: be kind", 3)).isInstanceOf(DecideReview.Outcome.Decided.class);
        assertThat(reviewQueue.upheldAgainst(access(p.slug(), p.owner()).community().id(), p.author().memberId(), 0)).isEqualTo(1);
        var tried = replyToTopic.run(new ReplyToTopic.Input(access(p.slug(), p.author()), p.author(), p.topicId(),
                new Draft(null, null, "again", null, false), null, Submissions.newKey()));
        assertThat(tried).isInstanceOf(ReplyToTopic.Outcome.NotAMember.class);
        Visitor author = signedIn(p.author());
        assertThat(author.get("/c/" + p.slug() + "/t/" + p.topicId()).text()).contains("You are muted in this community until")
                .doesNotContain("Your reply");
        assertThat(author.get("/c/" + p.slug() + "/new").location()).endsWith("/c/" + p.slug());
        assertThat(author.get("/me/decisions").text()).contains("You were muted").contains("Rule 2: be kind").contains(p.slug());

        Viewer other = p.readers().get(1);
        String otherReply = replied(access(p.slug(), other), other, p.topicId(), new Draft(null, null, "other-reply", null, false)).postId();
        flaggedBy(p, 1, otherReply);
        assertThat(decide(p, p.owner(), otherReply, ModerationAction.SUSPEND, "spam wave", 7)).isInstanceOf(DecideReview.Outcome.Decided.class);
        Access suspended = access(p.slug(), other);
        assertThat(suspended.canPost()).isFalse();
        assertThat(suspended.canFlag()).isFalse();
        assertThat(suspended.restriction().kind()).isEqualTo(Access.Restriction.Kind.SUSPENDED);
        assertThat(flag(p.slug(), other, p.openingId(), FlagReason.SPAM, null)).isInstanceOf(FlagPost.Outcome.Suspended.class);
    }

    @Test
    void aLockedTopicTakesNoNewRepliesButFromModerators() {
        Place p = place(Visibility.PUBLIC, false);
        flaggedBy(p, 1, p.openingId());
        assertThat(decide(p, p.owner(), p.openingId(), ModerationAction.LOCK_TOPIC, "The question is answered.", null))
                .isInstanceOf(DecideReview.Outcome.Decided.class);
        var tried = replyToTopic.run(new ReplyToTopic.Input(access(p.slug(), p.readers().get(4)), p.readers().get(4), p.topicId(),
                new Draft(null, null, "one more", null, false), null, Submissions.newKey()));
        assertThat(tried).isInstanceOf(ReplyToTopic.Outcome.Locked.class);
        var page = signedIn(p.readers().get(4)).get("/c/" + p.slug() + "/t/" + p.topicId());
        assertThat(page.text()).contains("A moderator locked this topic").contains("opening-" + p.slug()).doesNotContain("Your reply");
        replied(access(p.slug(), withSecondFactor(p.owner())), withSecondFactor(p.owner()), p.topicId(),
                new Draft(null, null, "Locked: see the answer above.", null, false));
    }

    // ---- what people see ---------------------------------------------------------------------

    @Test
    void aHiddenPostStaysHiddenEverywhereForOthersWhileItsAuthorStillSeesIt() {
        Place p = place(Visibility.PUBLIC, false);
        flaggedBy(p, 3, p.replyId());
        String topic = "/c/" + p.slug() + "/t/" + p.topicId();
        assertThat(visitor().get(topic).text()).as("below the threshold nothing is hidden").contains("reply-text-" + p.slug());
        assertThat(flag(p.slug(), p.readers().get(3), p.replyId(), FlagReason.PRIVACY, null))
                .isInstanceOfSatisfying(FlagPost.Outcome.Flagged.class, f -> assertThat(f.hidden()).isTrue());

        Visitor reader = signedIn(p.readers().get(4));
        for (Visitor someone : List.of(reader, visitor())) {
            var page = someone.get(topic);
            assertThat(page.text()).doesNotContain("reply-text-" + p.slug()).contains("This post is hidden while moderators review it");
            assertThat(page.document().select("#p-" + p.replyId() + " .author").text()).isEmpty();
        }
        assertThat(reacted(access(p.slug(), p.readers().get(4)), p.readers().get(4), p.replyId(), org.hearth.conversation.ReactionKind.HUG))
                .as("nothing to react to").isInstanceOf(org.hearth.conversation.ReactToPost.Outcome.NotFound.class);
        assertThat(conversations.postsForEveryone(access(p.slug(), p.readers().get(4)), p.topicId(), 0, 10))
                .as("the live stream").noneMatch(post -> post.bodyHtml().contains("reply-text-"))
                .anyMatch(post -> post.concealed() && post.hidden() == Hidden.PENDING_REVIEW);

        Visitor author = signedIn(p.author());
        var own = author.get(topic);
        assertThat(own.text()).contains("reply-text-" + p.slug()).contains("Only you and the moderators see this post")
                .contains("Hidden while moderators review it");
        assertThat(author.get("/me/posts").text()).contains("reply-text-" + p.slug()).contains("Hidden while moderators review it");
        assertThat(moderating(p.owner()).get(topic).text()).contains("reply-text-" + p.slug()).contains("Hidden from members");

        // a hidden opening post takes its topic off others' lists, and its title off its page
        flaggedBy(p, 4, p.openingId());
        assertThat(reader.get("/c/" + p.slug()).text()).doesNotContain("title-" + p.slug());
        assertThat(visitor().get("/c/" + p.slug()).text()).doesNotContain("title-" + p.slug());
        assertThat(reader.get(topic).text()).doesNotContain("title-" + p.slug()).contains(Conversations.HIDDEN_TOPIC_TITLE);
        assertThat(author.get("/c/" + p.slug()).text()).contains("title-" + p.slug()).contains("Hidden");
    }

    @Test
    void aModeratorsFlagHidesAtOnceAndASelfHarmFlagNeverHidesButComesFirst() {
        Place p = place(Visibility.PUBLIC, false);
        var byModerator = flagPost.run(new FlagPost.Input(access(p.slug(), withSecondFactor(p.owner())), withSecondFactor(p.owner()),
                p.openingId(), FlagReason.OFF_TOPIC.name(), null));
        assertThat(byModerator).isInstanceOfSatisfying(FlagPost.Outcome.Flagged.class, f -> assertThat(f.hidden()).isTrue());
        for (Viewer reader : p.readers()) {
            assertThat(flag(p.slug(), reader, p.replyId(), FlagReason.SELF_HARM, null))
                    .isInstanceOfSatisfying(FlagPost.Outcome.Flagged.class, f -> assertThat(f.hidden()).isFalse());
        }
        assertThat(visitor().get("/c/" + p.slug() + "/t/" + p.topicId()).text()).contains("reply-text-" + p.slug());
        var queue = moderating(p.owner()).get("/c/" + p.slug() + "/review");
        assertThat(queue.document().select("section.review").first().id()).isEqualTo("r-" + p.replyId());
        assertThat(queue.document().select("section.review").first().text()).contains("Urgent");
    }

    @Test
    void theAuthorOfAPostHiddenByFlagsMayEditItOnceToAskForAnotherLook() {
        Place p = place(Visibility.PUBLIC, false);
        flaggedBy(p, 4, p.replyId());
        assertThat(edited(access(p.slug(), p.author()), p.author(), p.replyId(), new Draft(null, null, "better words", null, false)))
                .isInstanceOf(EditPost.Outcome.Edited.class);
        assertThat(visitor().get("/c/" + p.slug() + "/t/" + p.topicId()).text()).doesNotContain("better words");
        assertThat(edited(access(p.slug(), p.author()), p.author(), p.replyId(), new Draft(null, null, "even better", null, false)))
                .isInstanceOf(EditPost.Outcome.WaitsForModerators.class);
        assertThat(moderating(p.owner()).get("/c/" + p.slug() + "/review").text()).contains("asks for another look").contains("better words");
    }

    @Test
    void flagsOnAnAnonymousPostNeverTellTheFlaggerWhoWroteIt() {
        Place p = place(Visibility.PUBLIC, true);
        Visitor reader = signedIn(p.readers().getFirst());
        var form = reader.get("/c/" + p.slug() + "/p/" + p.replyId() + "/flag");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).doesNotContain(p.author().handle());
        var sent = reader.submit("/c/" + p.slug() + "/p/" + p.replyId() + "/flag", Map.of("reason", "HARASSMENT", "comment", "unkind"));
        assertThat(sent.text()).contains("Thank you");
        assertThat(sent.document().select(".notice").text()).doesNotContain(p.author().handle());
        assertThat(sent.document().select("#p-" + p.replyId()).text()).contains("anonymous member").doesNotContain(p.author().handle());

        // the queue names the author to moderators, on the author's record; the log names no one for it
        assertThat(signedIn(p.author()).get("/me/staff-access").text()).doesNotContain("that you wrote a post you posted anonymously");
        Visitor moderator = moderating(p.owner());
        assertThat(moderator.get("/c/" + p.slug() + "/review").text()).contains("anonymous member (" + p.author().handle() + ")");
        assertThat(signedIn(p.author()).get("/me/staff-access").text()).contains("that you wrote a post you posted anonymously");
        moderator.submit("/c/" + p.slug() + "/review/" + p.replyId() + "/claim", Map.of());
        moderator.submit("/c/" + p.slug() + "/review/" + p.replyId() + "/decide",
                Map.of("action", "HIDE", "reason", "Unkind.", "ruleNumber", "", "days", ""));
        assertThat(moderator.get("/c/" + p.slug() + "/log").text()).contains("Hid a post").doesNotContain("member " + p.author().handle());
    }

    @Test
    void keepingAFlaggedPostShowsItAgainAndTellsItsAuthor() {
        Place p = place(Visibility.PUBLIC, false);
        String address = p.author().handle().toLowerCase() + "@example.org";
        members.setEmail(p.author().memberId(), address);
        members.markVerified(p.author().memberId(), address);
        flaggedBy(p, 4, p.replyId());
        String topic = "/c/" + p.slug() + "/t/" + p.topicId();
        assertThat(visitor().get(topic).text()).doesNotContain("reply-text-" + p.slug());

        Visitor moderator = moderating(p.owner());
        var queue = moderator.get("/c/" + p.slug() + "/review");
        assertThat(queue.text()).contains("reply-text-" + p.slug()).contains("Spam or advertising").contains("Score 8");
        moderator.submit("/c/" + p.slug() + "/review/" + p.replyId() + "/claim", Map.of());
        var decided = moderator.submit("/c/" + p.slug() + "/review/" + p.replyId() + "/decide",
                Map.of("action", "KEEP", "reason", "It is a real question, not spam.", "ruleNumber", "", "days", ""));
        assertThat(decided.text()).contains("Done").contains("No flagged posts wait");

        assertThat(visitor().get(topic).text()).contains("reply-text-" + p.slug());
        var told = signedIn(p.author()).get("/me/decisions");
        assertThat(told.text()).contains("Your post was kept").contains("It is a real question, not spam.");
        assertThat(outbox.addressedTo(address)).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo(DecisionNotices.SUBJECT).doesNotContain(p.slug());
            assertThat(mail.body()).doesNotContain(p.slug()).doesNotContain("reply-text");
        });
        // the flaggers were wrong this time: their next flags weigh less once enough are judged
        assertThat(reviewQueue.upheldAgainst(access(p.slug(), p.owner()).community().id(), p.author().memberId(), 0)).as("kept: nothing upheld").isZero();
        assertThat(db().fetchCount(org.hearth.moderation.schema.Tables.FLAGS,
                org.hearth.moderation.schema.Tables.FLAGS.POST_ID.eq(p.replyId()),
                org.hearth.moderation.schema.Tables.FLAGS.JUDGED.eq("REJECTED"))).isEqualTo(4);
    }

    @Autowired
    org.jooq.DSLContext dsl;

    // ---- the moderation log ------------------------------------------------------------------

    @Test
    void theLogIsReadByWhoeverReadsTheCommunityNamesModeratorsByNumberAndNoOneElse() {
        Place members = place(Visibility.MEMBERS_ONLY, false);
        assertThat(visitor().get("/c/" + members.slug() + "/log").status()).as("a visitor, members-only").isEqualTo(404);
        assertThat(member(unique("outsider")).get("/c/" + members.slug() + "/log").status()).as("a non-member").isEqualTo(404);
        assertThat(signedIn(members.readers().get(0)).get("/c/" + members.slug() + "/log").text()).as("a member")
                .contains("Set a member's trust level").contains("About you");

        Place p = place(Visibility.PUBLIC, false);
        assertThat(flag(p.slug(), p.readers().get(0), p.replyId(), FlagReason.SPAM, null)).isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(decide(p, p.owner(), p.replyId(), ModerationAction.WARN, "Selling supplements in a support topic", null))
                .isInstanceOf(DecideReview.Outcome.Decided.class);
        assertThat(flag(p.slug(), p.readers().get(1), p.openingId(), FlagReason.PRIVACY, "names a nurse")).isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(decide(p, p.owner(), p.openingId(), ModerationAction.HIDE, "It named nurse-jane-doe at the clinic", null))
                .isInstanceOf(DecideReview.Outcome.Decided.class);

        String log = "/c/" + p.slug() + "/log";
        for (Visitor someone : List.of(visitor(), signedIn(p.readers().get(2)))) {
            var page = someone.get(log);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("Warned a member").contains("Selling supplements in a support topic")
                    .contains("Moderator 1").contains("Hid a post")
                    .contains("The reason is not shown here: it concerns someone's privacy or safety")
                    .doesNotContain("nurse-jane-doe").doesNotContain(p.owner().handle()).doesNotContain(p.author().handle())
                    .doesNotContain("reply-text-" + p.slug()).doesNotContain("opening-" + p.slug());
        }
        assertThat(signedIn(p.author()).get(log).text()).as("the member it was about")
                .contains("About you").contains("nurse-jane-doe").doesNotContain(p.owner().handle());
        assertThat(moderating(p.owner()).get(log).text()).as("fellow moderators")
                .contains(p.owner().handle()).contains(p.author().handle()).contains("nurse-jane-doe");
    }

    private org.jooq.DSLContext db() {
        return dsl;
    }
}
