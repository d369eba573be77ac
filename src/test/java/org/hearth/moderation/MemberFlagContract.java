package org.hearth.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.moderation.schema.Tables.MEMBER_FLAGS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.community.Access;
import org.hearth.community.JoinCommunity;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.privacy.StaffAccess;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Flagging a member as a person, and what moderators do with it: the refusals first, then what
 * the queue shows and records, the decisions, and two moderators racing.
 */
abstract class MemberFlagContract extends HearthTest {

    @Autowired
    FlagMember flagMember;

    @Autowired
    FlagPost flagPost;

    @Autowired
    DecideMemberReview decideMemberReview;

    @Autowired
    ClaimReview claimReview;

    @Autowired
    FileAppeal fileAppeal;

    @Autowired
    DecideAppeal decideAppeal;

    @Autowired
    StaffAccess staffAccess;

    @Autowired
    DSLContext db;

    /** A community with its owner, a second moderator, a member who is flagged, and three readers who flag. */
    record Place(String slug, Viewer owner, Viewer moderator, Viewer flagged, List<Viewer> readers, String topicId, String postId,
            String anonymousId) {
    }

    private Place place(Visibility visibility) {
        Viewer owner = account(unique("own"));
        String slug = community(owner, visibility, JoinPolicy.OPEN, true);
        Viewer moderator = account(unique("mod"));
        join(slug, moderator);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        Viewer flagged = account(unique("flagged"));
        join(slug, flagged);
        List<Viewer> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Viewer reader = account(unique("reader"));
            join(slug, reader);
            readers.add(reader);
        }
        String topicId = started(access(slug, flagged), flagged, new Draft(TopicKind.QUESTION, "title-" + slug, "opening-" + slug, null, false));
        String postId = replied(access(slug, flagged), flagged, topicId, new Draft(null, null, "their-reply-" + slug, null, false)).postId();
        String anonymousId = replied(access(slug, flagged), flagged, topicId, new Draft(null, null, "anonymous-" + slug, null, true)).postId();
        return new Place(slug, owner, moderator, flagged, readers, topicId, postId, anonymousId);
    }

    private FlagMember.Outcome flag(Place p, Viewer flagger, String postId, FlagReason reason, String comment) {
        return flagMember.run(new FlagMember.Input(access(p.slug(), flagger), flagger, postId, reason == null ? null : reason.name(), comment));
    }

    private DecideMemberReview.Outcome decide(Place p, Viewer moderator, ModerationAction action, String reason, Integer days) {
        return decideMemberReview.run(new DecideMemberReview.Input(p.slug(), withSecondFactor(moderator), p.flagged().memberId(), action,
                reason, null, days));
    }

    private List<StaffAccess.Seen> seenAbout(Viewer member) {
        return staffAccess.aboutMe(member, 50).stream().map(StaffAccess.Entry::seen).toList();
    }

    // ---- refusals --------------------------------------------------------------------------

    @Test
    void aMemberIsFlaggedOnceNeverOneselfNeverThroughAnAnonymousPostAndAlwaysWithWords() {
        Place p = place(Visibility.PUBLIC);
        Viewer reader = p.readers().getFirst();
        assertThat(flag(p, reader, p.postId(), FlagReason.HARASSMENT, "  ")).isInstanceOf(FlagMember.Outcome.CommentNeeded.class);
        assertThat(flag(p, reader, p.postId(), FlagReason.OFF_TOPIC, "always off topic")).as("said of a post, not a person")
                .isInstanceOf(FlagMember.Outcome.ReasonMissing.class);
        assertThat(flag(p, reader, p.postId(), null, "words")).isInstanceOf(FlagMember.Outcome.ReasonMissing.class);
        assertThat(flag(p, reader, p.postId(), FlagReason.SPAM, "x".repeat(FlagMember.COMMENT_MAX + 1)))
                .isInstanceOf(FlagMember.Outcome.CommentTooLong.class);
        assertThat(flag(p, p.flagged(), p.postId(), FlagReason.SPAM, "me")).isInstanceOf(FlagMember.Outcome.Yourself.class);
        assertThat(flag(p, reader, p.anonymousId(), FlagReason.SPAM, "sells pills")).isInstanceOf(FlagMember.Outcome.AnonymousAuthor.class);
        assertThat(flag(p, reader, p.postId(), FlagReason.SPAM, "sells pills in every topic")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(flag(p, reader, p.postId(), FlagReason.HARASSMENT, "again")).isInstanceOf(FlagMember.Outcome.AlreadyFlagged.class);

        // a post hidden from readers does not lead to its author: "already flagged" would name who wrote it
        String hiddenReply = replied(access(p.slug(), p.flagged()), p.flagged(), p.topicId(), new Draft(null, null, "to hide", null, false)).postId();
        assertThat(flagPost.run(new FlagPost.Input(access(p.slug(), withSecondFactor(p.owner())), withSecondFactor(p.owner()), hiddenReply, "SPAM", null)))
                .isInstanceOfSatisfying(FlagPost.Outcome.Flagged.class, f -> assertThat(f.hidden()).isTrue());
        assertThat(flag(p, reader, hiddenReply, FlagReason.SPAM, "again")).isInstanceOf(FlagMember.Outcome.NotFound.class);
        assertThat(signedIn(p.readers().get(2)).get("/c/" + p.slug() + "/p/" + hiddenReply + "/flag-member").status()).isEqualTo(404);

        Visitor browser = signedIn(p.readers().get(1));
        String form = "/c/" + p.slug() + "/p/" + p.postId() + "/flag-member";
        assertThat(browser.get("/c/" + p.slug() + "/p/" + p.postId() + "/flag").document().select("a[href=" + form + "]")).hasSize(1);
        assertThat(browser.get("/c/" + p.slug() + "/p/" + p.anonymousId() + "/flag").text()).as("no way to an anonymous author")
                .doesNotContain("Flag the member who wrote it");
        var refused = browser.submit(form, Map.of("reason", "SPAM", "comment", ""));
        assertThat(refused.document().select("#comment-error").text()).contains("Say in a few words what they do");
        assertThat(refused.document().select("input[name=reason][value=SPAM]").attr("checked")).as("what was chosen stays").isNotNull();
        assertThat(refused.document().select("input[name=reason][value=OFF_TOPIC]")).isEmpty();
        var anonymous = browser.submit("/c/" + p.slug() + "/p/" + p.anonymousId() + "/flag-member",
                Map.of("reason", "SPAM", "comment", "sells pills"));
        assertThat(anonymous.document().select(".notice").text()).contains("This post is anonymous, so its author cannot be flagged through it")
                .doesNotContain(p.flagged().handle());
    }

    @Test
    void someoneWhoMayNotReadThePostCannotReachItsAuthorNorCanAVisitorOrANonMember() {
        Place p = place(Visibility.MEMBERS_ONLY);
        Viewer outsider = account(unique("outsider"));
        Visitor browser = signedIn(outsider);
        String form = "/c/" + p.slug() + "/p/" + p.postId() + "/flag-member";
        assertThat(browser.get(form).status()).isEqualTo(404);
        assertThat(browser.post(form, Map.of("reason", "SPAM", "comment", "spam")).status()).isEqualTo(404);
        assertThat(visitor().get(form).status()).isIn(302, 404);
        assertThat(visitor().post(form, Map.of("reason", "SPAM", "comment", "spam")).status()).isIn(302, 403, 404);

        Place open = place(Visibility.PUBLIC);
        assertThat(flag(open, outsider, open.postId(), FlagReason.SPAM, "spam")).isInstanceOf(FlagMember.Outcome.NotAMember.class);
        assertThat(flag(open, open.readers().getFirst(), "notapostid", FlagReason.SPAM, "spam")).isInstanceOf(FlagMember.Outcome.NotFound.class);
        assertThat(flag(open, open.readers().getFirst(), p.postId(), FlagReason.SPAM, "spam")).as("a post of another community")
                .isInstanceOf(FlagMember.Outcome.NotFound.class);
    }

    @Test
    void flagsOnPostsAndAboutMembersShareOneDailyLimit() {
        Place p = place(Visibility.PUBLIC);
        Viewer reader = p.readers().getFirst();
        int limit = flagPost.dailyLimit();
        for (int i = 0; i < limit; i++) {
            String reply = replied(access(p.slug(), p.owner()), p.owner(), p.topicId(), new Draft(null, null, "owner-" + i, null, false)).postId();
            assertThat(flagPost.run(new FlagPost.Input(access(p.slug(), reader), reader, reply, "SPAM", null)))
                    .isInstanceOf(FlagPost.Outcome.Flagged.class);
        }
        assertThat(flag(p, reader, p.postId(), FlagReason.SPAM, "spam")).isInstanceOfSatisfying(FlagMember.Outcome.DailyLimitReached.class,
                r -> assertThat(r.limit()).isEqualTo(limit));
    }

    @Test
    void theFlaggedMemberNeitherOpensNorDecidesFlagsAboutThemselvesEvenAsAModerator() {
        Place p = place(Visibility.PUBLIC);
        String own = replied(access(p.slug(), p.moderator()), p.moderator(), p.topicId(), new Draft(null, null, "mod-words", null, false)).postId();
        assertThat(flag(p, p.readers().getFirst(), own, FlagReason.HARASSMENT, "rude-to-members")).isInstanceOf(FlagMember.Outcome.Flagged.class);

        Visitor moderator = moderating(p.moderator());
        var queue = moderator.get("/c/" + p.slug() + "/review");
        assertThat(queue.text()).contains("These flags are about you").doesNotContain("rude-to-members")
                .doesNotContain(p.readers().getFirst().handle());
        var opened = moderator.open("/c/" + p.slug() + "/review/members/" + p.moderator().memberId());
        assertThat(opened.text()).contains("Those flags are about you").doesNotContain("rude-to-members");
        assertThat(claimReview.run(ClaimReview.Input.ofMember(p.slug(), withSecondFactor(p.moderator()), p.moderator().memberId())))
                .as("nor holds them off from the others with a claim").isInstanceOf(ClaimReview.Outcome.AboutYourself.class);
        assertThat(decideMemberReview.run(new DecideMemberReview.Input(p.slug(), withSecondFactor(p.moderator()), p.moderator().memberId(),
                ModerationAction.DISMISS, "not me", null, null))).isInstanceOf(DecideMemberReview.Outcome.AboutYourself.class);
        assertThat(decideMemberReview.run(new DecideMemberReview.Input(p.slug(), withSecondFactor(p.owner()), p.moderator().memberId(),
                ModerationAction.WARN, "Be kind to members who disagree", null, null))).isInstanceOf(DecideMemberReview.Outcome.Decided.class);
    }

    @Test
    void aDecisionNeedsAnActionForAPersonAReasonAndDaysAndOnlyModeratorsDecide() {
        Place p = place(Visibility.PUBLIC);
        assertThat(flag(p, p.readers().getFirst(), p.postId(), FlagReason.SPAM, "adverts")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(decide(p, p.owner(), ModerationAction.HIDE, "hide them", null)).as("there is no post to hide")
                .isInstanceOf(DecideMemberReview.Outcome.ActionMissing.class);
        assertThat(decide(p, p.owner(), ModerationAction.WARN, " ", null)).isInstanceOf(DecideMemberReview.Outcome.ReasonMissing.class);
        assertThat(decide(p, p.owner(), ModerationAction.SUSPEND, "adverts", 0)).isInstanceOf(DecideMemberReview.Outcome.DaysNeeded.class);
        assertThat(decide(p, p.readers().get(1), ModerationAction.WARN, "adverts", null)).as("a member")
                .isInstanceOf(DecideMemberReview.Outcome.NotFound.class);
        assertThat(decideMemberReview.run(new DecideMemberReview.Input(p.slug(), p.owner(), p.flagged().memberId(), ModerationAction.WARN,
                "adverts", null, null))).as("without a second factor").isInstanceOf(DecideMemberReview.Outcome.SecondFactorNeeded.class);
        assertThat(decideMemberReview.run(new DecideMemberReview.Input(p.slug(), withSecondFactor(p.owner()), p.readers().get(2).memberId(),
                ModerationAction.WARN, "adverts", null, null))).as("never flagged").isInstanceOf(DecideMemberReview.Outcome.NotWaiting.class);

        assertThat(signedIn(p.readers().get(1)).get("/c/" + p.slug() + "/review/members/" + p.flagged().memberId()).status())
                .as("a member opening it").isEqualTo(404);
        var refused = moderating(p.owner()).submit("/c/" + p.slug() + "/review/members/" + p.flagged().memberId() + "/decide",
                Map.of("action", "MUTE", "reason", "Adverts in three topics", "ruleNumber", "", "days", ""));
        assertThat(refused.document().select("#days-error").text()).contains("Say for how many days");
        assertThat(refused.document().select("textarea[name=reason]").text()).as("what was typed stays").isEqualTo("Adverts in three topics");
        assertThat(seenAbout(p.flagged())).as("the owner's look is recorded, the member's refused attempt is not")
                .filteredOn(StaffAccess.Seen.OPENED_FLAG_ABOUT_MEMBER::equals).hasSize(1);
    }

    // ---- the queue and what it records -----------------------------------------------------------

    @Test
    void theQueueListsAFlaggedMemberWithoutNamingThemAndOpeningItIsInTheirRecord() {
        Place p = place(Visibility.PUBLIC);
        assertThat(flag(p, p.readers().get(0), p.postId(), FlagReason.PRIVACY, "posts-photos-of-other-patients"))
                .isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(flag(p, p.readers().get(1), p.postId(), FlagReason.SPAM, "recruits-for-a-paid-study")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(visitor().get("/c/" + p.slug() + "/t/" + p.topicId()).text()).as("a member flag hides nothing")
                .contains("their-reply-" + p.slug());

        Visitor owner = moderating(p.owner());
        var queue = owner.get("/c/" + p.slug() + "/review");
        assertThat(queue.text()).contains("Members flagged").contains("flagged 2 times").contains("A privacy breach")
                .doesNotContain(p.flagged().handle()).doesNotContain("posts-photos-of-other-patients")
                .doesNotContain(p.readers().get(0).handle());
        assertThat(seenAbout(p.flagged())).doesNotContain(StaffAccess.Seen.OPENED_FLAG_ABOUT_MEMBER);

        var opened = owner.get("/c/" + p.slug() + "/review/members/" + p.flagged().memberId());
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.text()).contains(p.flagged().handle()).contains("posts-photos-of-other-patients").contains("recruits-for-a-paid-study")
                .contains(p.readers().get(0).handle()).contains("title-" + p.slug());
        List<StaffAccess.Entry> record = staffAccess.aboutMe(p.flagged(), 50);
        assertThat(record).filteredOn(e -> e.seen() == StaffAccess.Seen.OPENED_FLAG_ABOUT_MEMBER).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo(StaffAccess.StaffRole.OWNER);
            assertThat(e.communityName()).isEqualTo("Community " + p.slug());
        });
        assertThat(signedIn(p.flagged()).get("/me/staff-access").text()).contains("a flag about you")
                .doesNotContain(p.readers().get(0).handle()).doesNotContain(p.owner().handle());
        assertThat(seenAbout(p.readers().get(0))).as("the flaggers' records").doesNotContain(StaffAccess.Seen.OPENED_FLAG_ABOUT_MEMBER);
    }

    // ---- decisions -------------------------------------------------------------------------

    @Test
    void turningFlagsDownTellsTheMemberAndCountsAgainstTheFlaggersAccuracy() {
        Place p = place(Visibility.PUBLIC);
        assertThat(flag(p, p.readers().get(0), p.postId(), FlagReason.HARASSMENT, "argues-too-much")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        Visitor owner = moderating(p.owner());
        owner.submit("/c/" + p.slug() + "/review/members/" + p.flagged().memberId() + "/claim", Map.of());
        var decided = owner.submit("/c/" + p.slug() + "/review/members/" + p.flagged().memberId() + "/decide",
                Map.of("action", "DISMISS", "reason", "Disagreeing is allowed here.", "ruleNumber", "", "days", ""));
        assertThat(decided.text()).contains("Done: the flags are turned down").doesNotContain("Members flagged");
        assertThat(db.fetchValue(MEMBER_FLAGS.JUDGED, MEMBER_FLAGS.MEMBER_ID.eq(p.flagged().memberId()))).isEqualTo("REJECTED");
        assertThat(signedIn(p.flagged()).get("/me/decisions").text()).contains("Flags about you were turned down")
                .contains("Disagreeing is allowed here.").doesNotContain("Appeal this decision");
        assertThat(signedIn(p.readers().get(1)).get("/c/" + p.slug() + "/log").text()).contains("Turned down flags about a member")
                .doesNotContain(p.flagged().handle());

        assertThat(flag(p, p.readers().get(1), p.postId(), FlagReason.HARASSMENT, "insults-people")).as("a new flag opens it again")
                .isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(owner.get("/c/" + p.slug() + "/review").text()).contains("flagged 1 time");
    }

    @Test
    void aSuspensionAboutAPersonStopsThemWritingUntilAnUpheldAppealLiftsItAndTurnsTheFlagsDown() {
        Place p = place(Visibility.PUBLIC);
        assertThat(flag(p, p.readers().get(0), p.postId(), FlagReason.HARASSMENT, "insults")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(decide(p, p.owner(), ModerationAction.SUSPEND, "Insulted three members this week", 7))
                .isInstanceOf(DecideMemberReview.Outcome.Decided.class);
        String communityId = access(p.slug(), p.owner()).community().id();
        Access suspended = access(p.slug(), p.flagged());
        assertThat(suspended.canPost()).isFalse();
        assertThat(suspended.restriction().kind()).isEqualTo(Access.Restriction.Kind.SUSPENDED);
        assertThat(db.fetchValue(MEMBER_FLAGS.JUDGED, MEMBER_FLAGS.MEMBER_ID.eq(p.flagged().memberId()))).isEqualTo("UPHELD");
        assertThat(db.fetchCount(org.hearth.moderation.schema.Tables.MODERATION_ACTIONS,
                org.hearth.moderation.schema.Tables.MODERATION_ACTIONS.MEMBER_ID.eq(p.flagged().memberId()),
                org.hearth.moderation.schema.Tables.MODERATION_ACTIONS.POST_ID.isNull())).isEqualTo(1);

        String actionId = db.fetchValue(MEMBER_FLAGS.ACTION_ID, MEMBER_FLAGS.MEMBER_ID.eq(p.flagged().memberId()));
        var filed = fileAppeal.run(new FileAppeal.Input(p.flagged(), actionId, "I was quoting them, not insulting them."));
        assertThat(filed).isInstanceOf(FileAppeal.Outcome.Filed.class);
        assertThat(decideAppeal.run(new DecideAppeal.Input(p.slug(), withSecondFactor(p.moderator()), ((FileAppeal.Outcome.Filed) filed).appealId(),
                true, "They were quoting."))).isInstanceOf(DecideAppeal.Outcome.Decided.class);
        assertThat(access(p.slug(), p.flagged()).canPost()).isTrue();
        assertThat(db.fetchValue(MEMBER_FLAGS.JUDGED, MEMBER_FLAGS.MEMBER_ID.eq(p.flagged().memberId()))).isEqualTo("REJECTED");
        assertThat(reviewQueueUpheld(communityId, p.flagged())).as("nothing upheld against them any more").isZero();
    }

    @Autowired
    ReviewQueue reviewQueue;

    private int reviewQueueUpheld(String communityId, Viewer member) {
        return reviewQueue.upheldAgainst(communityId, member.memberId(), 0);
    }

    @Test
    void aBanAboutAPersonEndsTheirMembershipAndAnOwnerIsNotBanned() {
        Place p = place(Visibility.PUBLIC);
        assertThat(flag(p, p.readers().get(0), p.postId(), FlagReason.SPAM, "bot")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(decide(p, p.moderator(), ModerationAction.BAN, "A bot posting adverts", null)).isInstanceOf(DecideMemberReview.Outcome.Decided.class);
        assertThat(access(p.slug(), p.flagged()).member()).isFalse();
        assertThat(join(p.slug(), p.flagged())).isInstanceOf(JoinCommunity.Outcome.Banned.class);
        assertThat(reviewQueueUpheld(access(p.slug(), p.owner()).community().id(), p.flagged())).isEqualTo(1);

        String ownPost = replied(access(p.slug(), p.owner()), p.owner(), p.topicId(), new Draft(null, null, "owner-words", null, false)).postId();
        assertThat(flag(p, p.readers().get(1), ownPost, FlagReason.HARASSMENT, "bossy")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(decideMemberReview.run(new DecideMemberReview.Input(p.slug(), withSecondFactor(p.moderator()), p.owner().memberId(),
                ModerationAction.BAN, "bossy", null, null))).isInstanceOf(DecideMemberReview.Outcome.OwnerNotBanned.class);
        assertThat(access(p.slug(), p.owner()).member()).as("nothing was done").isTrue();
    }

    @Test
    void twoModeratorsDecidingAboutOneMemberAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        Place p = place(Visibility.PUBLIC);
        assertThat(flag(p, p.readers().get(0), p.postId(), FlagReason.HARASSMENT, "insults")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(claimReview.run(ClaimReview.Input.ofMember(p.slug(), withSecondFactor(p.owner()), p.flagged().memberId())))
                .isInstanceOf(ClaimReview.Outcome.Claimed.class);
        assertThat(claimReview.run(ClaimReview.Input.ofMember(p.slug(), withSecondFactor(p.moderator()), p.flagged().memberId())))
                .isInstanceOfSatisfying(ClaimReview.Outcome.ClaimedByAnother.class, c -> assertThat(c.moderator()).isEqualTo(p.owner().handle()));
        assertThat(decide(p, p.moderator(), ModerationAction.WARN, "insults", null)).isInstanceOf(DecideMemberReview.Outcome.ClaimedByAnother.class);

        Place race = place(Visibility.PUBLIC);
        assertThat(flag(race, race.readers().get(0), race.postId(), FlagReason.HARASSMENT, "insults")).isInstanceOf(FlagMember.Outcome.Flagged.class);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DecideMemberReview.Outcome>> results = new ArrayList<>();
            for (var decision : List.of(Map.entry(race.owner(), ModerationAction.DISMISS), Map.entry(race.moderator(), ModerationAction.BAN))) {
                results.add(pool.submit(() -> {
                    start.await();
                    return decide(race, decision.getKey(), decision.getValue(), "looked at it", null);
                }));
            }
            start.countDown();
            List<DecideMemberReview.Outcome> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(DecideMemberReview.Outcome.Decided.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(DecideMemberReview.Outcome.NotWaiting.class::isInstance).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        var winner = db.select(org.hearth.moderation.schema.Tables.MODERATION_ACTIONS.ACTION).from(org.hearth.moderation.schema.Tables.MODERATION_ACTIONS)
                .where(org.hearth.moderation.schema.Tables.MODERATION_ACTIONS.MEMBER_ID.eq(race.flagged().memberId())).fetch();
        assertThat(winner).as("one decision recorded").hasSize(1);
        assertThat(access(race.slug(), race.flagged()).member()).isEqualTo(!"BAN".equals(winner.getFirst().value1()));
    }
}
