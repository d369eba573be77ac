package org.hearth.identity;

import org.hearth.decision.AddExperience;
import org.hearth.decision.DecisionTopics;
import org.hearth.decision.DefineContext;
import org.hearth.decision.SharedContext;
import org.hearth.decision.OptionDraft;
import org.hearth.decision.StartDecision;
import org.hearth.decision.UpdateExperience;
import org.hearth.decision.WouldChooseAgain;
import static org.hearth.identity.schema.Tables.EMAIL_TOKENS;
import static org.hearth.platform.schema.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.REACTIONS;
import static org.hearth.conversation.schema.Tables.TOPICS;
import static org.hearth.identity.schema.Tables.MEMBERS;
import static org.hearth.moderation.schema.Tables.FLAGS;
import static org.hearth.moderation.schema.Tables.MODERATION_ACTIONS;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.hearth.blocking.BlockMember;
import org.hearth.notification.FollowCommunity;
import org.hearth.blocking.MuteTopic;
import org.hearth.community.EditRules;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Rules;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.ReactionKind;
import org.hearth.conversation.TopicKind;
import org.hearth.clinician.AppointReviewer;
import org.hearth.clinician.ApplyAsClinician;
import org.hearth.clinician.WriteStatement;
import org.hearth.moderation.ClaimReview;
import org.hearth.moderation.DecideAppeal;
import org.hearth.moderation.FlagMember;
import org.hearth.moderation.DecideReview;
import org.hearth.moderation.FileAppeal;
import org.hearth.moderation.SuspendAccount;
import org.hearth.moderation.FlagPost;
import org.hearth.moderation.ModerationAction;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.Authenticator;
import org.hearth.testing.HearthTest;
import org.hearth.testing.MemberTables;
import org.hearth.testing.MemberTables.Someone;
import org.hearth.testing.StoredPasskey;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.hearth.trust.SetTrustLevel;
import org.hearth.trust.TrustLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/** Deleting an account erases what the member wrote and what is known about them, for real. */
@Import(DeletionContract.Interruption.class)
abstract class DeletionContract extends HearthTest {

    /**
     * A feature that fails while erasing one chosen member, after the others erased theirs and
     * before the account goes: a crash half-way through a deletion.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Interruption {

        static volatile String failFor;

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE - 1)
        MemberData failingHalfWay() {
            return new MemberData() {
                @Override
                public String section() {
                    return "interruption";
                }

                @Override
                public List<Table<?>> tables() {
                    return List.of();
                }

                @Override
                public Object export(String memberId) {
                    return null;
                }

                @Override
                public void erase(String memberId) {
                    if (memberId.equals(failFor)) {
                        throw new IllegalStateException("the disk is full");
                    }
                }
            };
        }
    }

    @Autowired
    BlockMember blockMember;

    @Autowired
    FollowCommunity followCommunity;

    @Autowired
    org.hearth.notification.ChooseEmails chooseEmails;

    @Autowired
    org.hearth.notification.TurnOnPush turnOnPush;

    @Autowired
    org.hearth.platform.web.UnreadNotifications unreadNotifications;

    @Autowired
    MuteTopic muteTopic;

    @Autowired
    DSLContext db;

    @Autowired
    DataSource dataSource;

    @Autowired
    FlagPost flagPost;

    @Autowired
    FlagMember flagMember;

    @Autowired
    ClaimReview claimReview;

    @Autowired
    ApplyAsClinician applyAsClinician;

    @Autowired
    AppointReviewer appointReviewer;

    @Autowired
    WriteStatement writeStatement;

    @Autowired
    org.hearth.clinician.DecideApplication decideApplication;

    @Autowired
    org.hearth.clinician.ManageAdvisors manageAdvisors;

    @Autowired
    org.hearth.clinician.WriteEvidenceNote writeEvidenceNote;

    @Autowired
    org.hearth.clinician.RateEvidenceNote rateEvidenceNote;

    @Autowired
    DecideReview decideReview;

    @Autowired
    FileAppeal fileAppeal;

    @Autowired
    SuspendAccount suspendAccount;

    @Autowired
    org.hearth.community.MemberBans memberBans;

    @Autowired
    DecideAppeal decideAppeal;

    @Autowired
    Conversations conversations;

    @Autowired
    EmailLinks emailLinks;

    @Autowired
    SetTrustLevel setTrustLevel;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    @Autowired
    EditRules editRules;

    @Autowired
    StartDecision startDecision;

    @Autowired
    DecisionTopics decisionTopics;

    @Autowired
    AddExperience addExperience;

    @Autowired
    UpdateExperience updateExperience;

    @Autowired
    DefineContext defineContext;

    @Autowired
    SharedContext sharedContext;

    @Test
    void deletingAnAccountErasesItsPostsAndEndsEverySession() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String handle = unique("leaver");
        Visitor leaver = member(handle);
        Visitor otherDevice = visitor();
        otherDevice.signIn(handle, PASSWORD);
        leaver.submit("/c/" + slug + "/join", AGREEING);
        var topic = leaver.submit("/c/" + slug + "/topics", Map.of("kind", "STORY", "title", "my-secret-title",
                "body", "my-secret-story", "contentWarning", ""));
        String topicPath = topic.document().selectFirst("form.composer").attr("action").replace("/replies", "");
        Visitor peer = signedIn(owner);
        peer.submit(topicPath + "/replies", Map.of("body", "thank you for sharing", "contentWarning", ""));

        var refused = leaver.post("/me/delete", Map.of("password", "not the password 9"));
        assertThat(refused.document().select("#delete-error").text()).contains("Nothing was deleted");
        assertThat(visitor().get(topicPath).text()).contains("my-secret-story");

        var deleted = leaver.post("/me/delete", Map.of("password", PASSWORD));
        assertThat(deleted.document().select("h1").text()).isEqualTo("Your account is deleted");
        assertThat(leaver.get("/me/profile").status()).isEqualTo(302);
        assertThat(otherDevice.get("/me/profile").status()).isEqualTo(302);

        var after = visitor().get(topicPath);
        assertThat(after.body()).doesNotContain("my-secret-story").doesNotContain("my-secret-title").doesNotContain(handle);
        assertThat(after.text()).contains("deleted by its author").contains("thank you for sharing");
        assertThat(visitor().signIn(handle, PASSWORD).status()).isEqualTo(401);
        assertThat(members.handleExists(handle)).isFalse();
        var memberList = moderating(owner).get("/c/" + slug + "/members");
        assertThat(memberList.status()).isEqualTo(200);
        assertThat(memberList.text()).contains(owner.handle()).doesNotContain(handle);
    }

    @Test
    void theOnlyOwnerOfACommunityHandsItOverFirstAndNothingIsErased() {
        Viewer owner = account(unique("sole"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String topic = started(access(slug, owner), owner,
                new Draft(TopicKind.STORY, "sole-title", "sole-story", null, false));
        Visitor browser = moderating(owner);

        var refused = browser.post("/me/delete", Map.of("password", PASSWORD));
        assertThat(refused.document().select("#delete-error").text())
                .contains("Nothing was deleted yet").contains("only owner of Community " + slug);

        assertThat(browser.get("/me/profile").status()).as("still signed in").isEqualTo(200);
        assertThat(browser.get("/c/" + slug + "/members").status()).isEqualTo(200);
        assertThat(members.handleExists(owner.handle())).isTrue();
        assertThat(db.fetchValue(POSTS.BODY_SOURCE, POSTS.TOPIC_ID.eq(topic))).isEqualTo("sole-story");
        assertThat(db.fetchValue(TOPICS.TITLE, TOPICS.ID.eq(topic))).isEqualTo("sole-title");
        assertThat(browser.get("/me/security").status()).isEqualTo(200);
    }

    /**
     * Every table the schema rule finds ({@link MemberTables}) holds rows about the member
     * before, and none after: only the emptied account row and the markers of their posts stay.
     * Another member's rows are all still there, but for reactions to or from the member.
     */
    @Test
    void deletionErasesEveryRowAboutTheMemberAndNoOneElses() throws Exception {
        Viewer owner = account(unique("own"));
        String home = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        String asking = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        String hidden = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer leaver = account(unique("leaver"));
        Viewer bystander = account(unique("stays"));
        Viewer invitee = account(unique("invitee"));
        String address = leaver.handle().toLowerCase() + "@example.org";

        emailLinks.changeAddress(leaver, address);
        // a site-wide suspension of the member, lifted before they sign in
        Viewer admin = withSecondFactor(members.create(unique("admin"), PASSWORD, null, true));
        assertThat(suspendAccount.run(new SuspendAccount.Input(admin, leaver.handle(), 1, "spam wave", false)))
                .isInstanceOf(SuspendAccount.Outcome.Suspended.class);
        assertThat(suspendAccount.run(new SuspendAccount.Input(admin, leaver.handle(), null, "a mistake", true)))
                .isInstanceOf(SuspendAccount.Outcome.Lifted.class);
        Visitor laptop = signedIn(leaver);
        Visitor phone = signedIn(leaver);
        Authenticator.enrol(laptop, PASSWORD);
        StoredPasskey.add(passkeyUsers, passkeyCredentials, leaver.handle(), "Phone");
        Visitor bystanderBrowser = signedIn(bystander);

        join(home, leaver);
        join(home, bystander);
        changeRole(home, owner, leaver.memberId(), Role.OWNER);
        assertThat(editRules.run(new EditRules.Input(home, withSecondFactor(leaver), Rules.FIRST_VERSION, "Our charter",
                List.of(new Rules.Draft("", "Be kind", "Always.")), "A shorter start")))
                .as("a rules version saved, under a staff name").isInstanceOf(EditRules.Outcome.Saved.class);
        invite(home, leaver, invitee.handle());
        join(asking, leaver);
        invite(hidden, owner, leaver.handle());
        // banned from a community of its own
        String banning = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        join(banning, leaver);
        assertThat(memberBans.ban(access(banning, owner).community().id(), leaver.memberId())).isTrue();

        String topic = started(access(home, leaver), leaver,
                new Draft(TopicKind.STORY, "leaver-title", "leaver-story", "a warning", false));
        String anonymous = replied(access(home, leaver), leaver, topic,
                new Draft(null, null, "leaver-anonymous", null, true)).postId();
        edited(access(home, leaver), leaver, anonymous, new Draft(null, null, "leaver-anonymous-edited", null, false));
        String reply = replied(access(home, bystander), bystander, topic,
                new Draft(null, null, "bystander-reply", null, false)).postId();
        reacted(access(home, leaver), leaver, reply, ReactionKind.HELPFUL);
        reacted(access(home, bystander), bystander, anonymous, ReactionKind.HUG);
        reacted(access(home, bystander), bystander, reply, ReactionKind.ME_TOO);
        // an experience of another member's decision, with an answer and an update
        var decided = startDecision.run(new StartDecision.Input(access(home, bystander), bystander, "Pump or pens?", "Which?", null,
                false, List.of(new OptionDraft("Pump", ""), new OptionDraft("Pens", "")), List.of("How much effort?"), null, null));
        String decision = ((StartDecision.Outcome.Started) decided).topicId();
        String pump = decisionTopics.readable(access(home, leaver), decision).orElseThrow().options().getFirst().id();
        assertThat(defineContext.run(new DefineContext.Input(access(home, withSecondFactor(owner)),
                SharedContext.parse("Time since diagnosis: Less than a year; More than a year"))))
                .isInstanceOf(DefineContext.Outcome.Saved.class);
        String lessThanAYear = sharedContext.offered(access(home, owner).community().id()).getFirst().choices().getFirst().id();
        assertThat(addExperience.run(new AddExperience.Input(access(home, leaver), leaver, decision, pump, java.time.YearMonth.of(2024, 3),
                WouldChooseAgain.YES, "leaver-experience", null, false, Map.of(0, "leaver-answer"), List.of(lessThanAYear), null, null)))
                .isInstanceOf(AddExperience.Outcome.Added.class);
        assertThat(updateExperience.run(new UpdateExperience.Input(access(home, leaver), leaver, decision, "leaver-update",
                WouldChooseAgain.NO))).isInstanceOf(UpdateExperience.Outcome.Updated.class);
        laptop.get("/c/" + home); // a day visited counts towards their trust
        assertThat(setTrustLevel.run(new SetTrustLevel.Input(home, withSecondFactor(owner), leaver.memberId(), TrustLevel.BASIC,
                null, "Welcome"))).isInstanceOf(SetTrustLevel.Outcome.Set.class);
        // a level the leaver set for someone else stays theirs, without the leaver's name
        assertThat(setTrustLevel.run(new SetTrustLevel.Input(home, withSecondFactor(leaver), bystander.memberId(), TrustLevel.BASIC,
                null, "Known to us"))).isInstanceOf(SetTrustLevel.Outcome.Set.class);
        // blocks made by the leaver and of the leaver, a muted topic, and what staff saw about them
        blockMember.run(new BlockMember.Input(leaver, invitee.memberId()));
        blockMember.run(new BlockMember.Input(bystander, leaver.memberId()));
        muteTopic.run(new MuteTopic.Input(access(home, leaver), leaver, topic));
        // notifications: a community whose new topics they follow, and their choices of e-mail
        assertThat(chooseEmails.run(new org.hearth.notification.ChooseEmails.Input(leaver,
                Map.of(org.hearth.notification.NotificationKind.REPLY, org.hearth.notification.EmailChoice.NEVER), false)))
                .isInstanceOf(org.hearth.notification.ChooseEmails.Outcome.Saved.class);
        assertThat(followCommunity.run(new FollowCommunity.Input(access(home, leaver), leaver, true)))
                .isInstanceOf(FollowCommunity.Outcome.Following.class);
        // a browser notified by push (the tests' only push service is a closed local port)
        var browser = new org.hearth.testing.PushBrowser("http://127.0.0.1:9/push/leaver");
        assertThat(turnOnPush.run(new org.hearth.notification.TurnOnPush.Input(leaver, browser.endpoint(), browser.p256dh(), browser.auth(),
                "Mozilla/5.0 (Android 14; Mobile) Firefox/130.0")))
                .isInstanceOf(org.hearth.notification.TurnOnPush.Outcome.TurnedOn.class);
        communities.members(access(home, withSecondFactor(owner)), owner);
        // support alerts: a concern about the member, one they raised about someone else and handled themselves
        assertThat(bystanderBrowser.post("/c/" + home + "/p/" + anonymous + "/worried", Map.of("note", "about-leaver")).status())
                .isEqualTo(302);
        assertThat(laptop.post("/c/" + home + "/p/" + reply + "/worried", Map.of("note", "leaver-note")).status()).isEqualTo(302);
        String raised = laptop.get("/c/" + home + "/support").document().select("li.alert:contains(leaver-note)").attr("id").substring(2);
        assertThat(laptop.post("/c/" + home + "/support/" + raised + "/handled", Map.of()).status()).isEqualTo(302);
        // flags both ways, and a moderator's decision taken by the member (an owner of home)
        assertThat(flagPost.run(new FlagPost.Input(access(home, bystander), bystander, anonymous, "SPAM", null)))
                .isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(flagPost.run(new FlagPost.Input(access(home, leaver), leaver, reply, "OFF_TOPIC", "not about this")))
                .isInstanceOf(FlagPost.Outcome.Flagged.class);
        assertThat(decideReview.run(new DecideReview.Input(home, withSecondFactor(leaver), reply, ModerationAction.WARN, "be on topic", null, null)))
                .isInstanceOf(DecideReview.Outcome.Decided.class);
        // flags about members as people, both ways, and the member's claim on the other's review
        String opening = db.select(POSTS.ID).from(POSTS)
                .where(POSTS.TOPIC_ID.eq(topic), POSTS.AUTHOR_ID.eq(leaver.memberId()), POSTS.ID.ne(anonymous)).fetchSingle().value1();
        assertThat(flagMember.run(new FlagMember.Input(access(home, bystander), bystander, opening, "HARASSMENT", "about-leaver")))
                .isInstanceOf(FlagMember.Outcome.Flagged.class);
        String bystanderShown = replied(access(home, bystander), bystander, topic, new Draft(null, null, "bystander-shown", null, false)).postId();
        assertThat(flagMember.run(new FlagMember.Input(access(home, leaver), leaver, bystanderShown, "SPAM", "about-bystander")))
                .isInstanceOf(FlagMember.Outcome.Flagged.class);
        assertThat(claimReview.run(ClaimReview.Input.ofMember(home, withSecondFactor(leaver), bystander.memberId())))
                .isInstanceOf(ClaimReview.Outcome.Claimed.class);
        // an action about the member, which they appeal, and an appeal they decided about someone else's
        assertThat(decideReview.run(new DecideReview.Input(home, withSecondFactor(owner), anonymous, ModerationAction.HIDE, "an advert", null, null)))
                .isInstanceOf(DecideReview.Outcome.Decided.class);
        String hiding = db.select(MODERATION_ACTIONS.ID).from(MODERATION_ACTIONS)
                .where(MODERATION_ACTIONS.POST_ID.eq(anonymous), MODERATION_ACTIONS.ACTION.eq("HIDE")).fetchSingle().value1();
        assertThat(fileAppeal.run(new FileAppeal.Input(leaver, hiding, "leaver-appeal"))).isInstanceOf(FileAppeal.Outcome.Filed.class);
        String warning = db.select(MODERATION_ACTIONS.ID).from(MODERATION_ACTIONS)
                .where(MODERATION_ACTIONS.POST_ID.eq(reply), MODERATION_ACTIONS.ACTION.eq("WARN")).fetchSingle().value1();
        var bystanderAppeal = fileAppeal.run(new FileAppeal.Input(bystander, warning, "bystander-appeal"));
        assertThat(bystanderAppeal).isInstanceOf(FileAppeal.Outcome.Filed.class);
        assertThat(decideAppeal.run(new DecideAppeal.Input(home, withSecondFactor(owner), ((FileAppeal.Outcome.Filed) bystanderAppeal).appealId(),
                false, "stands"))).isInstanceOf(DecideAppeal.Outcome.Decided.class);

        // an application as a clinician, with a document, and an appointment as a site reviewer
        assertThat(applyAsClinician.run(new ApplyAsClinician.Input(leaver, "NURSE", "Oncology", "United Kingdom", "12A3456E",
                "%PDF-1.4 leaver-licence".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .isInstanceOf(ApplyAsClinician.Outcome.Applied.class);
        assertThat(appointReviewer.run(new AppointReviewer.Input(admin, leaver.handle(), true)))
                .isInstanceOf(AppointReviewer.Outcome.Appointed.class);
        assertThat(writeStatement.run(new WriteStatement.Input(leaver, "leaver-statement")))
                .isInstanceOf(WriteStatement.Outcome.Saved.class);
        // an invitation to a community's advisory board, which only a verified clinician receives
        String leaversApplication = db.select(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS.ID)
                .from(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS)
                .where(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS.MEMBER_ID.eq(leaver.memberId())).fetchSingle().value1();
        assertThat(decideApplication.run(new org.hearth.clinician.DecideApplication.Input(admin, leaversApplication, true, "Checked.")))
                .isInstanceOf(org.hearth.clinician.DecideApplication.Outcome.Approved.class);
        assertThat(manageAdvisors.run(new org.hearth.clinician.ManageAdvisors.Input(home, withSecondFactor(owner),
                org.hearth.clinician.ManageAdvisors.Step.INVITE, leaver.handle()))).isInstanceOf(org.hearth.clinician.ManageAdvisors.Outcome.Done.class);
        // evidence notes both ways: the member's note on a colleague's reply, the colleague's notes on the member's post and on
        // the other's reply; ratings of each by the other and the member; and the member marked an expert patient
        Viewer colleague = account(unique("colleague"));
        join(home, colleague);
        assertThat(applyAsClinician.run(new ApplyAsClinician.Input(colleague, "PHARMACIST", "Hospital pharmacy", "France", "F-1", null)))
                .isInstanceOf(ApplyAsClinician.Outcome.Applied.class);
        String colleaguesApplication = db.select(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS.ID)
                .from(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS)
                .where(org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS.MEMBER_ID.eq(colleague.memberId())).fetchSingle().value1();
        assertThat(decideApplication.run(new org.hearth.clinician.DecideApplication.Input(admin, colleaguesApplication, true, "Checked.")))
                .isInstanceOf(org.hearth.clinician.DecideApplication.Outcome.Approved.class);
        String colleaguesReply = replied(access(home, colleague), colleague, topic, new Draft(null, null, "colleague-reply", null, false)).postId();
        String leaversNote = note(home, leaver, colleaguesReply);
        String noteOnLeaver = note(home, colleague, opening);
        String noteOnBystander = note(home, colleague, bystanderShown);
        rate(home, bystander, leaversNote);
        rate(home, bystander, noteOnLeaver);
        rate(home, leaver, noteOnBystander);
        db.insertInto(org.hearth.clinician.schema.Tables.EXPERT_PATIENTS).set(org.hearth.clinician.schema.Tables.EXPERT_PATIENTS.COMMUNITY_ID,
                access(home, owner).community().id()).set(org.hearth.clinician.schema.Tables.EXPERT_PATIENTS.MEMBER_ID, leaver.memberId())
                .set(org.hearth.clinician.schema.Tables.EXPERT_PATIENTS.MARKED_BY, owner.memberId())
                .set(org.hearth.clinician.schema.Tables.EXPERT_PATIENTS.MARKED_AT, 1L).execute();
        // notifications both ways: the owner's reaction to the member's story told to them, and the member's
        // reaction to the colleague's reply told to the colleague (told after the commit, on a thread of its own;
        // the moderation above took back what the member had been told of the bystander's reply)
        reacted(access(home, owner), owner, opening, ReactionKind.HELPFUL);
        reacted(access(home, leaver), leaver, colleaguesReply, ReactionKind.HELPFUL);
        long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while ((unreadNotifications.of(leaver.memberId()) == 0 || unreadNotifications.of(colleague.memberId()) == 0)
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }

        Map<String, MemberTables.Found> found;
        try (Connection connection = dataSource.getConnection()) {
            found = MemberTables.in(connection);
        }
        Someone who = new Someone(leaver.memberId(), leaver.handle(), Set.of(address));
        Someone other = new Someone(bystander.memberId(), bystander.handle(), Set.of());
        Map<String, Integer> before = rowsAbout(found, who);
        Map<String, Integer> othersBefore = rowsAbout(found, other);
        assertThat(before).as("tables this test leaves empty for the member: give them rows there, so their erasure is checked")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        var deleted = laptop.post("/me/delete", Map.of("password", PASSWORD));
        assertThat(deleted.document().select("h1").text()).isEqualTo("Your account is deleted");

        Map<String, Integer> after = rowsAbout(found, who);
        String members = MEMBERS.getName();
        String posts = POSTS.getName();
        Map<String, Integer> expected = new TreeMap<>();
        before.keySet().forEach(table -> expected.put(table, 0));
        expected.put(members, 1);
        expected.put(posts, before.get(posts));
        assertThat(after).isEqualTo(expected);

        var account = db.selectFrom(MEMBERS).where(MEMBERS.ID.eq(leaver.memberId())).fetchOne();
        assertThat(account.getHandle()).isEqualTo("former member");
        assertThat(account.getPasswordHash()).isNull();
        assertThat(account.getEmail()).isNull();
        assertThat(account.getEmailVerifiedAt()).isNull();
        assertThat(account.getAbout()).isNull();
        assertThat(db.selectFrom(POSTS).where(POSTS.AUTHOR_ID.eq(leaver.memberId())).fetch()).hasSize(3).allSatisfy(marker -> {
            assertThat(marker.getBodySource()).isEmpty();
            assertThat(marker.getBodyHtml()).isEmpty();
            assertThat(marker.getContentWarning()).isNull();
            assertThat(marker.getDeletedAt()).isNotNull();
        });
        assertThat(db.fetchValue(TOPICS.TITLE, TOPICS.ID.eq(topic))).isNotEqualTo("leaver-title");

        Map<String, Integer> othersAfter = rowsAbout(found, other);
        Map<String, Integer> othersExpected = new TreeMap<>(othersBefore);
        // their hug went with the post it was for, and the leaver's reaction to their reply with the leaver
        othersExpected.merge(REACTIONS.getName(), -2, Integer::sum);
        // and their block of the leaver with the leaver
        othersExpected.merge("blocks", -1, Integer::sum);
        // their concern about the leaver went with the leaver; the leaver's concern about them stays, without name and note
        othersExpected.merge("support_alerts", -1, Integer::sum);
        // their flag on the member's post went with the post, and the member's flag on their reply with the member
        othersExpected.merge(FLAGS.getName(), -2, Integer::sum);
        // the same for flags about members; the other member's queue entry, whose only flag was the member's, with it
        othersExpected.merge("member_flags", -2, Integer::sum);
        othersExpected.merge("member_reviews", -1, Integer::sum);
        // their ratings of the member's note and of the note on the member's post, and the member's rating of the note on
        // their reply; that note stays
        othersExpected.merge("evidence_note_ratings", -3, Integer::sum);
        assertThat(othersAfter).isEqualTo(othersExpected);
        assertThat(db.fetchCount(org.jooq.impl.DSL.table("support_alerts"),
                org.jooq.impl.DSL.field("member_id").eq(bystander.memberId()), org.jooq.impl.DSL.field("note").isNull(),
                org.jooq.impl.DSL.field("reported_by").isNull())).isEqualTo(1);
        assertThat(db.fetchValue(POSTS.BODY_SOURCE, POSTS.ID.eq(reply))).isEqualTo("bystander-reply");
        assertThat(db.fetchExists(REACTIONS, REACTIONS.POST_ID.eq(reply), REACTIONS.MEMBER_ID.eq(bystander.memberId()))).isTrue();
        assertThat(bystanderBrowser.get("/me/profile").status()).isEqualTo(200);
        assertThat(phone.get("/me/profile").status()).isEqualTo(302);
    }

    private String note(String slug, Viewer writer, String postId) {
        var written = writeEvidenceNote.run(new org.hearth.clinician.WriteEvidenceNote.Input(access(slug, writer), writer, postId,
                "ADDS_CONTEXT", "note-by-" + writer.handle(), "PMID 33301246"));
        assertThat(written).isInstanceOf(org.hearth.clinician.WriteEvidenceNote.Outcome.Written.class);
        return ((org.hearth.clinician.WriteEvidenceNote.Outcome.Written) written).noteId();
    }

    private void rate(String slug, Viewer rater, String noteId) {
        assertThat(rateEvidenceNote.run(new org.hearth.clinician.RateEvidenceNote.Input(access(slug, rater), rater, noteId, "yes", "rated")))
                .isInstanceOf(org.hearth.clinician.RateEvidenceNote.Outcome.Rated.class);
    }

    /**
     * Mail to every address the account ever had goes with it: earlier addresses too, and even
     * when the links that once named those addresses are gone (spent links may be cleared).
     */
    @Test
    void deletionForgetsMailToEveryAddressTheAccountEverHad() {
        Viewer mover = account(unique("mover"));
        Viewer stays = account(unique("stays"));
        String first = mover.handle().toLowerCase() + "@example.org";
        String second = "second-" + first;
        String third = "third-" + first;
        emailLinks.changeAddress(mover, first);
        members.markVerified(mover.memberId(), first);
        emailLinks.changeAddress(mover, second); // the first address is told of the change
        members.markVerified(mover.memberId(), second);
        emailLinks.changeAddress(mover, third);
        String othersAddress = stays.handle().toLowerCase() + "@example.org";
        emailLinks.changeAddress(stays, othersAddress);
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.in(first, second, third))).isGreaterThanOrEqualTo(5);
        db.deleteFrom(EMAIL_TOKENS).where(EMAIL_TOKENS.MEMBER_ID.eq(mover.memberId())).execute();

        var deleted = signedIn(mover).post("/me/delete", Map.of("password", PASSWORD));
        assertThat(deleted.document().select("h1").text()).isEqualTo("Your account is deleted");

        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.in(first, second, third))).isZero();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.BODY.contains(mover.handle()))).isZero();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(othersAddress))).as("no one else's mail").isEqualTo(1);
    }

    @Test
    void aDeletionThatFailsHalfWayErasesNothing() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer leaver = account(unique("crash"));
        join(slug, leaver);
        String topic = started(access(slug, leaver), leaver,
                new Draft(TopicKind.STORY, "kept-title", "kept-story", null, false));
        Visitor browser = signedIn(leaver);
        Interruption.failFor = leaver.memberId();
        try {
            assertThat(browser.post("/me/delete", Map.of("password", PASSWORD)).status()).isEqualTo(500);
        } finally {
            Interruption.failFor = null;
        }
        assertThat(db.fetchValue(POSTS.BODY_SOURCE, POSTS.TOPIC_ID.eq(topic))).isEqualTo("kept-story");
        assertThat(db.fetchValue(TOPICS.TITLE, TOPICS.ID.eq(topic))).isEqualTo("kept-title");
        assertThat(access(slug, leaver).member()).isTrue();
        assertThat(members.handleExists(leaver.handle())).isTrue();
        assertThat(browser.get("/me/profile").status()).as("still signed in").isEqualTo(200);
    }


    private Map<String, Integer> rowsAbout(Map<String, MemberTables.Found> found, Someone someone) {
        Map<String, Integer> rows = new TreeMap<>();
        found.keySet().forEach(table -> rows.put(table, MemberTables.rowsAbout(db, found, table, someone)));
        return rows;
    }
}
