package org.hearth.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.notification.schema.Tables.NOTIFICATIONS;
import static org.hearth.notification.schema.Tables.NOTIFICATION_EVENTS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.hearth.blocking.BlockMember;
import org.hearth.blocking.MuteTopic;
import org.hearth.community.ChangeCommunitySettings;
import org.hearth.community.JoinPolicy;
import org.hearth.community.LeaveCommunity;
import org.hearth.community.Visibility;
import org.hearth.conversation.DeletePost;
import org.hearth.conversation.Draft;
import org.hearth.conversation.ReactionKind;
import org.hearth.conversation.ReplyToTopic;
import org.hearth.conversation.TopicKind;
import org.hearth.identity.AccountDeletion;
import org.hearth.identity.Reconfirmation;
import org.hearth.moderation.DecideHeldPost;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.db.Submissions;
import org.hearth.testing.EventStream;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications through the use cases and pages members use: first what must never be told
 * (a community left, a writer blocked, a topic muted, a post held or deleted, an anonymous
 * writer's name), then what is, batched; then the queue's promises (an item left by a crash is
 * told, one told by racing rounds is told once) and the member's data.
 */
abstract class NotificationsContract extends HearthTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    UnreadCounts unread;

    @Autowired
    FanOut fanOut;

    @Autowired
    DSLContext db;

    @Autowired
    LeaveCommunity leave;

    @Autowired
    BlockMember blockMember;

    @Autowired
    MuteTopic muteTopic;

    @Autowired
    DeletePost deletePost;

    @Autowired
    ChangeCommunitySettings changeSettings;

    @Autowired
    DecideHeldPost decideHeldPost;

    @Autowired
    ReplyToTopic replyToTopic;

    @Autowired
    AccountDeletion accountDeletion;

    @Autowired
    NotificationsOfAMember notificationsOfAMember;

    /** A public community allowing anonymous posts, a topic started by its asker, and a second member who writes. */
    record Place(String slug, Viewer owner, Viewer asker, Viewer writer, String topicId) {
        String topic() {
            return "/c/" + slug + "/t/" + topicId;
        }
    }

    Place place(Visibility visibility) {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, visibility, JoinPolicy.OPEN, true);
        Viewer asker = account(unique("asker"));
        Viewer writer = account(unique("writer"));
        join(slug, asker);
        join(slug, writer);
        String topic = started(access(slug, asker), asker, new Draft(TopicKind.QUESTION, "Scans every three months?", "How often?", null, false));
        return new Place(slug, owner, asker, writer, topic);
    }

    String reply(Place place, Viewer author, String body, boolean anonymous) {
        return replied(access(place.slug(), author), author, place.topicId(), new Draft(null, null, body, null, anonymous)).postId();
    }

    /** Waits until the queue is empty: everything written so far was told (or dropped). */
    void told() {
        eventually(() -> {
            fanOut.tellWaiting();
            return db.fetchCount(NOTIFICATION_EVENTS, NOTIFICATION_EVENTS.NOT_BEFORE.le(System.currentTimeMillis())) == 0;
        }, "the queue empties");
    }

    static void eventually(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    int rowsOf(Viewer member) {
        return db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.MEMBER_ID.eq(member.memberId()));
    }

    // ---- never told ----------------------------------------------------------------------

    @Test
    void aMemberWhoLeftHearsNothingMoreFromTheCommunityNotEvenWhatTheyHadNotRead() {
        Place p = place(Visibility.PUBLIC);
        reply(p, p.writer(), "First answer", false);
        told();
        assertThat(unread.of(p.asker().memberId())).isEqualTo(1);
        assertThat(leave.run(new LeaveCommunity.Input(p.slug(), p.asker()))).isInstanceOf(LeaveCommunity.Outcome.Left.class);
        assertThat(unread.of(p.asker().memberId())).as("taken back in the leave's own transaction").isZero();
        reply(p, p.writer(), "Second answer", false);
        told();
        assertThat(rowsOf(p.asker())).isZero();
        var page = signedIn(p.asker()).get("/me/notifications");
        assertThat(page.text()).doesNotContain("Scans every three months?").doesNotContain("A new reply");
    }

    @Test
    void aMemberWhoBlockedTheWriterHearsNothingFromThemEvenWhenTheyWriteAnonymously() {
        Place p = place(Visibility.PUBLIC);
        assertThat(blockMember.run(new BlockMember.Input(p.asker(), p.writer().memberId()))).isInstanceOf(BlockMember.Outcome.Blocked.class);
        reply(p, p.writer(), "Named answer", false);
        reply(p, p.writer(), "Anonymous answer", true);
        told();
        assertThat(rowsOf(p.asker())).isZero();
        Viewer other = account(unique("other"));
        join(p.slug(), other);
        reply(p, other, "From someone not blocked", false);
        told();
        assertThat(unread.of(p.asker().memberId())).as("the check is about the writer, not the topic").isEqualTo(1);
    }

    @Test
    void aMutedTopicIsSilent() {
        Place p = place(Visibility.PUBLIC);
        assertThat(muteTopic.run(new MuteTopic.Input(access(p.slug(), p.asker()), p.asker(), p.topicId())))
                .isInstanceOf(MuteTopic.Outcome.Muted.class);
        reply(p, p.writer(), "Into the void", false);
        told();
        assertThat(rowsOf(p.asker())).isZero();
    }

    @Test
    void aHeldReplyIsToldOnlyOnceAModeratorLetsItThrough() {
        Place p = place(Visibility.PUBLIC);
        var held = ChangeCommunitySettings.Settings.of(access(p.slug(), p.owner()).community()).holding(true);
        assertThat(changeSettings.run(new ChangeCommunitySettings.Input(p.slug(), withSecondFactor(p.owner()), held, false)))
                .isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);
        Viewer newcomer = account(unique("new"));
        join(p.slug(), newcomer);
        var replied = replyToTopic.run(new ReplyToTopic.Input(access(p.slug(), newcomer), newcomer, p.topicId(),
                new Draft(null, null, "Held answer", null, false), null, Submissions.newKey()));
        assertThat(replied).isInstanceOfSatisfying(ReplyToTopic.Outcome.Replied.class, r -> assertThat(r.held()).isTrue());
        told();
        assertThat(rowsOf(p.asker())).as("nothing while it waits").isZero();
        String postId = ((ReplyToTopic.Outcome.Replied) replied).location().postId();
        assertThat(decideHeldPost.run(new DecideHeldPost.Input(p.slug(), withSecondFactor(p.owner()), postId, true, null)))
                .isInstanceOf(DecideHeldPost.Outcome.LetThrough.class);
        told();
        assertThat(unread.of(p.asker().memberId())).isEqualTo(1);
    }

    @Test
    void aDeletedReplyIsNoLongerShownNorCounted() {
        Place p = place(Visibility.PUBLIC);
        String postId = reply(p, p.writer(), "Regretted answer", false);
        told();
        assertThat(unread.of(p.asker().memberId())).isEqualTo(1);
        assertThat(deletePost.run(new DeletePost.Input(access(p.slug(), p.writer()), p.writer(), postId)))
                .isInstanceOf(DeletePost.Outcome.Deleted.class);
        assertThat(unread.of(p.asker().memberId())).isZero();
        assertThat(signedIn(p.asker()).get("/me/notifications").text()).doesNotContain("A new reply");
    }

    @Test
    void anAnonymousWritersNameIsNeverStoredNorShown() {
        Place p = place(Visibility.PUBLIC);
        reply(p, p.writer(), "Anonymous answer", true);
        told();
        assertThat(db.select(NOTIFICATIONS.ACTOR_MEMBER_ID).from(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(p.asker().memberId()))
                .fetch(NOTIFICATIONS.ACTOR_MEMBER_ID)).containsExactly((String) null);
        var page = signedIn(p.asker()).get("/me/notifications");
        assertThat(page.text()).contains("A new reply").doesNotContain(p.writer().handle());
    }

    @Test
    void someoneElsesNotificationIsAMissingPage() {
        Place p = place(Visibility.PUBLIC);
        reply(p, p.writer(), "An answer", false);
        told();
        String id = db.select(NOTIFICATIONS.ID).from(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(p.asker().memberId())).fetchOne(NOTIFICATIONS.ID);
        assertThat(signedIn(p.writer()).get("/me/notifications/" + id).status()).isEqualTo(404);
        assertThat(unread.of(p.asker().memberId())).as("and it stays unread").isEqualTo(1);
        assertThat(signedIn(p.writer()).get("/me/notifications/not-an-id").status()).isEqualTo(404);
        assertThat(visitor().get("/me/notifications").location()).contains("/sign-in");
    }

    @Test
    void membersOnlyNewTopicsReachFollowersWhoAreMembersOnly() {
        Place p = place(Visibility.MEMBERS_ONLY);
        Visitor asker = signedIn(p.asker());
        asker.get("/me/notifications");
        assertThat(asker.submit("/me/notifications/communities/" + p.slug(), Map.of("follow", "true")).text())
                .contains("You will hear about every new topic");
        Viewer outsider = account(unique("outsider"));
        Visitor stranger = signedIn(outsider);
        stranger.get("/me/notifications");
        assertThat(stranger.submit("/me/notifications/communities/" + p.slug(), Map.of("follow", "true")).status())
                .as("a members-only community is not followed from outside").isIn(200, 404);
        assertThat(db.fetchCount(org.hearth.notification.schema.Tables.COMMUNITY_FOLLOWERS,
                org.hearth.notification.schema.Tables.COMMUNITY_FOLLOWERS.MEMBER_ID.eq(outsider.memberId()))).isZero();
        started(access(p.slug(), p.writer()), p.writer(), new Draft(TopicKind.STORY, "My second year", "It got better.", null, false));
        told();
        assertThat(unread.of(p.asker().memberId())).isEqualTo(1);
        assertThat(rowsOf(outsider)).isZero();
        assertThat(asker.get("/me/notifications").text()).contains("A new topic in a community you follow").contains("My second year");
    }

    // ---- told, and batched ---------------------------------------------------------------

    @Test
    void repliesJoinOneUnreadRowAndTheHeaderCountsIt() {
        Place p = place(Visibility.PUBLIC);
        String first = reply(p, p.writer(), "One", false);
        reply(p, p.writer(), "Two", false);
        reply(p, p.writer(), "Three", false);
        told();
        Visitor asker = signedIn(p.asker());
        var page = asker.get("/me/notifications");
        assertThat(page.document().select("header .unread-count").text()).contains("1");
        assertThat(page.text()).contains("3 new replies").contains("Scans every three months?").contains(p.writer().handle());
        String id = page.document().select(".notification a").attr("href");
        var opened = asker.get(id);
        assertThat(opened.location()).as("to the first of them").contains("/t/" + p.topicId()).endsWith("#p-" + first);
        assertThat(asker.get("/me/notifications").document().select("header .unread-count").attr("hidden")).isNotNull();
        assertThat(unread.of(p.asker().memberId())).isZero();
        reply(p, p.writer(), "Four", false);
        told();
        assertThat(asker.get("/me/notifications").text()).as("read rows are not joined").contains("A new reply").contains("3 new replies");
        assertThat(asker.submit("/me/notifications/read", Map.of()).text()).contains("All your notifications are marked read");
        assertThat(unread.of(p.asker().memberId())).isZero();
    }

    @Test
    void reactionsToAPostAreCountedOnOneRowAndTheWriterIsNotToldOfTheirOwn() {
        Place p = place(Visibility.PUBLIC);
        String postId = reply(p, p.writer(), "Helpful answer", false);
        List<Viewer> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Viewer v = account(unique("reader"));
            join(p.slug(), v);
            others.add(v);
        }
        for (Viewer v : others) {
            reacted(access(p.slug(), v), v, postId, ReactionKind.HELPFUL);
        }
        told();
        assertThat(signedIn(p.writer()).get("/me/notifications").text()).contains("3 reactions to your post");
        assertThat(db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.MEMBER_ID.eq(p.writer().memberId()),
                NOTIFICATIONS.KIND.eq(NotificationKind.REPLY.name()))).as("their own reply told them nothing").isZero();
    }

    @Test
    void aTopicOneStoppedFollowingStaysSilentEvenAfterWritingInItAgain() {
        Place p = place(Visibility.PUBLIC);
        reply(p, p.writer(), "Hello", false);
        reply(p, p.asker(), "Thanks", false);
        told();
        Visitor writer = signedIn(p.writer());
        writer.get("/me/notifications");
        assertThat(writer.submit(p.topic() + "/follow", Map.of("follow", "false", "back", "notifications")).text())
                .contains("You no longer hear about replies in this topic");
        reply(p, p.writer(), "One more from me", false);
        reply(p, p.asker(), "And from me", false);
        told();
        assertThat(db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.MEMBER_ID.eq(p.writer().memberId()), NOTIFICATIONS.READ_AT.isNull()))
                .as("only the row from before").isEqualTo(1);
    }

    @Test
    void aReaderFollowsATopicFromItsPageAndOnlyMembersAreOfferedIt() {
        Place p = place(Visibility.PUBLIC);
        Viewer reader = account(unique("reader"));
        join(p.slug(), reader);
        Visitor browser = signedIn(reader);
        var form = browser.get(p.topic()).document().select("form.follow-topic");
        assertThat(form.text()).contains("Follow replies");
        assertThat(browser.submit(p.topic() + "/follow", Map.of("follow", form.select("input[name=follow]").val())).text())
                .contains("You will hear about new replies in this topic.");
        assertThat(browser.get(p.topic()).document().select("form.follow-topic").text()).contains("Stop notifications of replies");
        reply(p, p.writer(), "Told to the reader who followed", false);
        told();
        assertThat(rowsOf(reader)).isEqualTo(1);

        Viewer outsider = account(unique("outsider"));
        assertThat(signedIn(outsider).get(p.topic()).document().select("form.follow-topic")).as("not a member").isEmpty();
        assertThat(visitor().get(p.topic()).document().select("form.follow-topic")).as("signed out").isEmpty();
        assertThat(signedIn(outsider).post(p.topic() + "/follow", Map.of("follow", "true")).status()).isEqualTo(302);
        assertThat(rowsOf(outsider)).isZero();
    }

    // ---- mentions ---------------------------------------------------------------------------

    @Test
    void aMentionLinksAndTellsOnlyMembersWhoMayReadThePost() {
        Place p = place(Visibility.MEMBERS_ONLY);
        Viewer outsider = account(unique("outsider"));
        String postId = reply(p, p.writer(), "Ask @" + p.asker().handle() + " and @" + outsider.handle() + " and @nosuchmember1.", false);
        told();
        var page = signedIn(p.asker()).get(p.topic());
        var post = page.document().getElementById("p-" + postId);
        assertThat(post.select("a[href=/m/" + p.asker().memberId() + "]").text()).isEqualTo("@" + p.asker().handle());
        assertThat(post.select("a[href=/m/" + outsider.memberId() + "]")).as("not a member: plain text").isEmpty();
        assertThat(post.text()).contains("@" + outsider.handle()).contains("@nosuchmember1");
        assertThat(rowsOf(outsider)).isZero();
        var notifications = signedIn(p.asker()).get("/me/notifications").text();
        assertThat(notifications).contains("You were mentioned by " + p.writer().handle()).doesNotContain("A new reply");
        assertThat(db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.MEMBER_ID.eq(p.asker().memberId()))).as("one notification, not two").isEqualTo(1);
    }

    @Test
    void anAnonymousMentionTellsNothingOfItsWriter() {
        Place p = place(Visibility.PUBLIC);
        Viewer named = account(unique("named"));
        join(p.slug(), named);
        reply(p, p.writer(), "I think @" + named.handle() + " knows.", true);
        told();
        assertThat(db.select(NOTIFICATIONS.ACTOR_MEMBER_ID).from(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(named.memberId()))
                .fetch(NOTIFICATIONS.ACTOR_MEMBER_ID)).containsExactly((String) null);
        assertThat(signedIn(named).get("/me/notifications").text()).contains("You were mentioned").doesNotContain(p.writer().handle());
    }

    @Test
    void aMentionBetweenMembersWhereEitherBlockedTheOtherIsNotTold() {
        Place p = place(Visibility.PUBLIC);
        Viewer blocker = account(unique("blocker"));
        Viewer blocked = account(unique("blocked"));
        join(p.slug(), blocker);
        join(p.slug(), blocked);
        blockMember.run(new BlockMember.Input(blocker, p.writer().memberId()));
        blockMember.run(new BlockMember.Input(p.writer(), blocked.memberId()));
        reply(p, p.writer(), "Hello @" + blocker.handle() + " and @" + blocked.handle(), false);
        told();
        assertThat(rowsOf(blocker)).as("they blocked the writer").isZero();
        assertThat(rowsOf(blocked)).as("the writer blocked them").isZero();
    }

    @Test
    void anEditTellsOnlyThoseItAdds() {
        Place p = place(Visibility.PUBLIC);
        Viewer first = account(unique("first"));
        Viewer second = account(unique("second"));
        join(p.slug(), first);
        join(p.slug(), second);
        String postId = reply(p, p.writer(), "Thanks @" + first.handle(), false);
        told();
        assertThat(edited(access(p.slug(), p.writer()), p.writer(), postId,
                new Draft(null, null, "Thanks @" + first.handle() + " and @" + second.handle(), null, false)))
                .isInstanceOf(org.hearth.conversation.EditPost.Outcome.Edited.class);
        told();
        assertThat(rowsOf(first)).as("not told twice").isEqualTo(1);
        assertThat(rowsOf(second)).isEqualTo(1);
    }

    // ---- about members, for moderators, in decisions --------------------------------------------

    @Autowired
    org.hearth.moderation.FlagPost flagPost;

    @Autowired
    org.hearth.moderation.DecideReview decideReview;

    @Autowired
    org.hearth.clinician.ApplyAsClinician applyAsClinician;

    @Autowired
    org.hearth.clinician.DecideApplication decideApplication;

    @Autowired
    org.hearth.decision.StartDecision startDecision;

    @Autowired
    org.hearth.decision.AddExperience addExperience;

    @Autowired
    org.hearth.decision.DecisionTopics decisionTopics;

    @Test
    void moderatorsAloneHearOfJoinRequestsAndFlagsEachKindOnOneRow() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.APPROVAL, false);
        Viewer member = account(unique("member"));
        admit(owner, slug, member);
        join(slug, account(unique("asks")));
        join(slug, account(unique("asks")));
        String topic = started(access(slug, member), member, new Draft(TopicKind.QUESTION, "Flag me", "An advert", null, false));
        String opening = conversations.opening(access(slug, member), topic).orElseThrow().postId();
        Viewer flagger = account(unique("flagger"));
        admit(owner, slug, flagger);
        assertThat(flagPost.run(new org.hearth.moderation.FlagPost.Input(access(slug, flagger), flagger, opening, "SPAM", null)))
                .isInstanceOf(org.hearth.moderation.FlagPost.Outcome.Flagged.class);
        told();
        Visitor moderator = signedIn(owner);
        var page = moderator.get("/me/notifications");
        assertThat(page.text()).contains("Moderating Community " + slug).contains("2 requests to join")
                .contains("A flag waits in the review queue").doesNotContain(flagger.handle());
        String join = page.document().select(".notification a:contains(requests to join)").attr("href");
        assertThat(moderator.get(join).location()).endsWith("/c/" + slug + "/members");
        assertThat(signedIn(member).get("/me/notifications").text()).doesNotContain("requests to join").doesNotContain("review queue");
        assertThat(db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.MEMBER_ID.eq(member.memberId()),
                NOTIFICATIONS.KIND.in(NotificationKind.JOIN_REQUEST.name(), NotificationKind.REVIEW_QUEUE.name()))).isZero();
    }

    @Test
    void aDecisionAboutAMemberAndTheirApplicationAreToldToThemAloneWithoutNames() {
        Place p = place(Visibility.PUBLIC);
        String postId = reply(p, p.writer(), "Off topic, a bit", false);
        assertThat(flagPost.run(new org.hearth.moderation.FlagPost.Input(access(p.slug(), p.asker()), p.asker(), postId, "OFF_TOPIC", null)))
                .isInstanceOf(org.hearth.moderation.FlagPost.Outcome.Flagged.class);
        assertThat(decideReview.run(new org.hearth.moderation.DecideReview.Input(p.slug(), withSecondFactor(p.owner()), postId,
                org.hearth.moderation.ModerationAction.WARN, "Please stay on topic", null, null)))
                .isInstanceOf(org.hearth.moderation.DecideReview.Outcome.Decided.class);
        assertThat(applyAsClinician.run(new org.hearth.clinician.ApplyAsClinician.Input(p.writer(), "NURSE", "Oncology", "United Kingdom",
                "12A3456E", "%PDF-1.4 licence".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .isInstanceOf(org.hearth.clinician.ApplyAsClinician.Outcome.Applied.class);
        Viewer admin = withSecondFactor(members.create(unique("admin"), PASSWORD, null, true));
        String application = db.select(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS.ID)
                .from(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS)
                .where(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS.MEMBER_ID.eq(p.writer().memberId())).fetchSingle().value1();
        assertThat(decideApplication.run(new org.hearth.clinician.DecideApplication.Input(admin, application, false, "Not readable.")))
                .isInstanceOf(org.hearth.clinician.DecideApplication.Outcome.Rejected.class);
        told();
        Visitor writer = signedIn(p.writer());
        var page = writer.get("/me/notifications");
        assertThat(page.text()).contains("About you").contains("A moderator decided about you or your post")
                .contains("Your clinician application was decided").doesNotContain(p.owner().handle()).doesNotContain(admin.handle());
        String decision = page.document().select(".notification a:contains(A moderator decided)").attr("href");
        assertThat(writer.get(decision).location()).endsWith("/me/decisions");
        assertThat(db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.KIND.eq(NotificationKind.DECISION_ABOUT_YOU.name()),
                NOTIFICATIONS.MEMBER_ID.ne(p.writer().memberId()), NOTIFICATIONS.COMMUNITY_ID.eq(access(p.slug(), p.owner()).community().id())))
                .as("told to no one else").isZero();
    }

    @Test
    void anExperienceInAFollowedDecisionIsToldAsOneNotAsAReply() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer asker = account(unique("asker"));
        Viewer teller = account(unique("teller"));
        join(slug, asker);
        join(slug, teller);
        var started = startDecision.run(new org.hearth.decision.StartDecision.Input(access(slug, asker), asker, "Pump or pens?",
                "Which did you choose?", null, false, List.of(new org.hearth.decision.OptionDraft("Pump", ""),
                        new org.hearth.decision.OptionDraft("Pens", "")), List.of("Effort?"), null, null));
        String topicId = ((org.hearth.decision.StartDecision.Outcome.Started) started).topicId();
        String option = decisionTopics.readable(access(slug, teller), topicId).orElseThrow().options().getFirst().id();
        assertThat(addExperience.run(new org.hearth.decision.AddExperience.Input(access(slug, teller), teller, topicId, option,
                java.time.YearMonth.of(2024, 3), org.hearth.decision.WouldChooseAgain.YES, "It went well", null, false,
                Map.of(0, "Some"), List.of(), null, null))).isInstanceOf(org.hearth.decision.AddExperience.Outcome.Added.class);
        told();
        assertThat(signedIn(asker).get("/me/notifications").text()).contains("A new experience").doesNotContain("A new reply");
        assertThat(rowsOf(asker)).isEqualTo(1);
    }

    @Autowired
    org.hearth.conversation.Conversations conversations;

    // ---- live -----------------------------------------------------------------------------

    @Test
    void theHeaderCountFollowsNewNotificationsAndReadingThemLive() {
        Place p = place(Visibility.PUBLIC);
        Visitor asker = signedIn(p.asker());
        assertThat(asker.get("/").body()).as("the script that follows the count, for members").contains("/js/unread.js");
        assertThat(visitor().get("/").body()).doesNotContain("/js/unread.js");
        try (EventStream stream = asker.events("/me/notifications/live")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(WAIT)).as("the count now, first").isEqualTo(new EventStream.Event(null, "unread", "0"));
            reply(p, p.writer(), "Live answer", false);
            assertThat(stream.next(WAIT).data()).isEqualTo("1");
            asker.get("/me/notifications");
            asker.submit("/me/notifications/read", Map.of());
            assertThat(stream.next(WAIT).data()).as("read elsewhere: the count falls").isEqualTo("0");
        }
        try (EventStream again = asker.events("/me/notifications/live")) {
            assertThat(again.next(WAIT).data()).as("a reconnecting browser is sent the count at once").isEqualTo("0");
        }
        try (EventStream other = signedIn(p.writer()).events("/me/notifications/live")) {
            assertThat(other.next(WAIT).data()).as("another member's stream carries their own count").isEqualTo("0");
        }
        try (EventStream none = visitor().events("/me/notifications/live")) {
            assertThat(none.contentType()).as("no stream for a visitor").doesNotStartWith("text/event-stream");
        }
    }

    @Test
    void oneReplyRaisesTheLiveCountOfEveryConnectedFollowerEachWithTheirOwnNumber() {
        Place p = place(Visibility.PUBLIC);
        List<Viewer> followers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Viewer follower = account(unique("follower"));
            join(p.slug(), follower);
            reply(p, follower, "Me too " + i, false);
            followers.add(follower);
        }
        told();
        List<EventStream> streams = new java.util.ArrayList<>();
        try {
            for (Viewer follower : followers) {
                EventStream stream = signedIn(follower).events("/me/notifications/live");
                streams.add(stream);
                // each has heard of the replies written after theirs: the first two, one row each
                assertThat(stream.next(WAIT).data()).isEqualTo(followers.indexOf(follower) < 2 ? "1" : "0");
            }
            reply(p, p.writer(), "One answer, counted for all at once", false);
            for (EventStream stream : streams) {
                assertThat(stream.next(WAIT).data()).as("joins their unread row, or starts one").isEqualTo("1");
            }
        } finally {
            streams.forEach(EventStream::close);
        }
    }

    // ---- the queue -----------------------------------------------------------------------

    @Test
    void whatANodeLeftInTheQueueIsToldByTheNextRoundAndRacingRoundsTellItOnce() throws Exception {
        Place p = place(Visibility.PUBLIC);
        List<Viewer> writers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Viewer v = account(unique("w"));
            join(p.slug(), v);
            writers.add(v);
        }
        // twelve replies at once, while four rounds race to tell them
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<Callable<Object>> work = new ArrayList<>();
            for (Viewer v : writers) {
                work.add(() -> reply(p, v, "Racing " + v.handle(), false));
            }
            for (int i = 0; i < 4; i++) {
                work.add(() -> {
                    fanOut.tellWaiting();
                    return null;
                });
            }
            for (var done : pool.invokeAll(work)) {
                done.get();
            }
        }
        told();
        assertThat(db.select(NOTIFICATIONS.HOW_MANY).from(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(p.asker().memberId()))
                .fetch(NOTIFICATIONS.HOW_MANY)).as("each reply told once, on one row").containsExactly(12);
    }

    // ---- the member's data -----------------------------------------------------------------

    @Test
    void erasingAnAccountTakesItsNotificationsAndItsNameFromOthersNotifications() {
        Place p = place(Visibility.PUBLIC);
        reply(p, p.writer(), "An answer", false);
        reply(p, p.asker(), "Thanks", false);
        told();
        assertThat(notificationsOfAMember.export(p.writer().memberId()))
                .isInstanceOfSatisfying(NotificationsOfAMember.Section.class, s -> {
                    assertThat(s.notifications()).hasSize(1);
                    assertThat(s.topics()).extracting(NotificationsOfAMember.FollowedTopic::topicId).containsExactly(p.topicId());
                });
        assertThat(accountDeletion.delete(p.writer().memberId(), Reconfirmation.password(PASSWORD)))
                .isInstanceOf(AccountDeletion.Erased.class);
        assertThat(rowsOf(p.writer())).isZero();
        assertThat(db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.ACTOR_MEMBER_ID.eq(p.writer().memberId()))).isZero();
    }
}
