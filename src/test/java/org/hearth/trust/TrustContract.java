package org.hearth.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.ReplyToTopic;
import org.hearth.conversation.StartTopic;
import org.hearth.conversation.TopicKind;
import org.hearth.identity.MemberExport;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Trust that grows per community: who may see a level (the member and the community's
 * moderators, no one else), what it takes to grow, the limits a new member meets, and the
 * levels moderators set with a reason.
 */
abstract class TrustContract extends HearthTest {

    private static final long DAY = 86_400_000L;

    @Autowired
    TrustLevels levels;

    @Autowired
    SetTrustLevel setTrustLevel;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MemberExport export;

    @Autowired
    StartTopic startTopic;

    @Autowired
    ReplyToTopic replyToTopic;

    @Test
    void noOneButTheMemberAndTheModeratorsSeesALevel() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer patient = account(unique("patient"));
        join(slug, patient);
        Viewer peer = account(unique("peer"));
        join(slug, peer);
        String trustPage = "/c/" + slug + "/members/" + patient.memberId() + "/trust";

        assertThat(visitor().get("/c/" + slug + "/standing").status()).isEqualTo(404);
        assertThat(member(unique("outsider")).get("/c/" + slug + "/standing").status()).as("not a member").isEqualTo(404);
        assertThat(visitor().get(trustPage).status()).isEqualTo(404);
        assertThat(signedIn(peer).get(trustPage).status()).as("another member").isEqualTo(404);
        assertThat(signedIn(patient).get(trustPage).status()).as("the member themselves").isEqualTo(404);
        assertThat(signedIn(owner).get(trustPage).location()).as("a moderator without a second factor")
                .contains("/me/second-factor");
        Visitor ownerBrowser = moderating(owner);
        assertThat(ownerBrowser.get("/c/" + slug + "/members/" + account(unique("elsewhere")).memberId() + "/trust").status())
                .as("someone who is not a member here").isEqualTo(404);

        var own = signedIn(patient).get("/c/" + slug + "/standing");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.document().select("p.standing").text()).startsWith("New");
        assertThat(own.text()).contains("What unlocks Basic").contains("Days you visited: 0 of 2");
        var seen = ownerBrowser.get(trustPage);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text()).contains(patient.handle()).contains("Days visited");
        assertThat(signedIn(patient).get("/me/staff-access").text()).as("the look is in the member's record")
                .contains("your trust level there").doesNotContain(owner.handle());
        assertThat(signedIn(peer).get("/me/staff-access").text()).doesNotContain("your trust level there");
        assertThat(signedIn(patient).get("/c/" + slug).document().select("a[href$=/standing]")).as("linked for members").hasSize(1);
        assertThat(visitor().get("/c/" + slug).document().select("a[href$=/standing]")).as("not for visitors").isEmpty();
    }

    @Test
    void aLevelGrowsWithDaysVisitedTopicsReadAndTimeSinceJoining() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        var ownerAccess = access(slug, owner);
        Viewer patient = account(unique("patient"));
        join(slug, patient);
        String communityId = ownerAccess.community().id();
        Visitor browser = signedIn(patient);
        for (int i = 0; i < 5; i++) {
            String topic = started(ownerAccess, owner, new Draft(TopicKind.QUESTION, "Question " + i, "Body " + i, null, false));
            browser.get("/c/" + slug + "/t/" + topic);
        }
        browser.get("/c/" + slug);
        var standing = levels.standing(communityId, patient.memberId());
        assertThat(standing.progress().topicsEntered()).isEqualTo(5);
        assertThat(standing.progress().daysVisited()).as("one day, however many pages").isEqualTo(1);
        assertThat(standing.level()).as("joined today").isEqualTo(TrustLevel.NEW);

        // as if they joined three days ago and had come on another day too
        jdbc.update("UPDATE memberships SET joined_at = joined_at - ? WHERE community_id = ? AND member_id = ?",
                3 * DAY, communityId, patient.memberId());
        jdbc.update("UPDATE trust_standings SET days_visited = days_visited + 1 WHERE community_id = ? AND member_id = ?",
                communityId, patient.memberId());
        standing = levels.standing(communityId, patient.memberId());
        assertThat(standing.progress().daysVisited()).isEqualTo(2);
        assertThat(standing.level()).isEqualTo(TrustLevel.BASIC);
        assertThat(standing.toNext()).extracting(TrustLevels.Step::what).contains("Replies you wrote");
        assertThat(levels.of(access(slug, owner).community().id(), account(unique("stranger")).memberId()))
                .as("someone who never joined").isEqualTo(TrustLevel.NEW);
    }

    @Test
    void aNewMemberMeetsLimitsThatSayWhyAndKeepTheText() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer patient = account(unique("patient"));
        join(slug, patient);
        Visitor browser = signedIn(patient);
        var form = browser.get("/c/" + slug + "/new").document().selectFirst("form[action$=/topics]");
        Map<String, String> topic = new HashMap<>();
        form.select("input[type=hidden]").forEach(input -> topic.put(input.attr("name"), input.val()));
        topic.put("kind", "QUESTION");
        topic.put("title", "Where do you buy supplies?");
        topic.put("body", "See https://a.example, https://b.example and www.c.example for prices");
        topic.put("contentWarning", "");
        var refused = browser.post(form.attr("action"), topic);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("at most 2 links, and this one has 3");
        assertThat(refused.document().select("textarea[name=body]").text()).contains("www.c.example");

        topic.put("body", "See https://a.example and https://b.example for prices");
        assertThat(browser.post(form.attr("action"), topic).status()).as("two links are fine").isLessThan(400);

        var access = access(slug, patient);
        String topicId = started(access(slug, owner), owner, new Draft(TopicKind.DISCUSSION, "Daily check-in", "How are you?", null, false));
        for (int i = 0; i < 40; i++) {
            assertThat(replyToTopic.run(new ReplyToTopic.Input(access, patient, topicId, new Draft(null, null, "Reply " + i, null, false))))
                    .isInstanceOf(ReplyToTopic.Outcome.Replied.class);
        }
        var overLimit = replyToTopic.run(new ReplyToTopic.Input(access, patient, topicId, new Draft(null, null, "One more", null, false),
                null, Submissions.newKey()));
        assertThat(overLimit).isInstanceOf(ReplyToTopic.Outcome.OverLimit.class);
        assertThat(((ReplyToTopic.Outcome.OverLimit) overLimit).why()).contains("40 replies a day").contains("have written 40");

        assertThat(setTrustLevel.run(new SetTrustLevel.Input(slug, withSecondFactor(owner), patient.memberId(), TrustLevel.BASIC,
                null, "Known to us from the support group"))).isInstanceOf(SetTrustLevel.Outcome.Set.class);
        assertThat(replyToTopic.run(new ReplyToTopic.Input(access, patient, topicId, new Draft(null, null, "One more", null, false))))
                .as("the limits end with the next level").isInstanceOf(ReplyToTopic.Outcome.Replied.class);

        Viewer moderator = account(unique("mod"));
        join(slug, moderator);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        var modAccess = access(slug, moderator);
        for (int i = 0; i < 41; i++) {
            startTopic.run(new StartTopic.Input(modAccess, moderator, new Draft(TopicKind.STORY, "Update " + i, "https://a.example https://b.example https://c.example", null, false)));
        }
        assertThat(startTopic.run(new StartTopic.Input(modAccess, moderator, new Draft(TopicKind.STORY, "Another", "text", null, false))))
                .as("moderators are not held back").isInstanceOf(StartTopic.Outcome.Started.class);
    }

    @Test
    void aModeratorSetsALevelWithAReasonTheMemberReadsWithoutTheirName() throws Exception {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer patient = account(unique("patient"));
        join(slug, patient);
        Viewer moderator = withSecondFactor(owner);

        assertThat(setTrustLevel.run(new SetTrustLevel.Input(slug, patient, patient.memberId(), TrustLevel.TRUSTED, null, "me")))
                .as("a member setting a level").isInstanceOf(SetTrustLevel.Outcome.NotFound.class);
        assertThat(setTrustLevel.run(new SetTrustLevel.Input(slug, owner, patient.memberId(), TrustLevel.BASIC, null, "why")))
                .isInstanceOf(SetTrustLevel.Outcome.SecondFactorNeeded.class);
        assertThat(setTrustLevel.run(new SetTrustLevel.Input(slug, moderator, owner.memberId(), TrustLevel.TRUSTED, null, "why")))
                .isInstanceOf(SetTrustLevel.Outcome.OwnLevel.class);
        assertThat(setTrustLevel.run(new SetTrustLevel.Input(slug, moderator, patient.memberId(), TrustLevel.BASIC, null, " ")))
                .isInstanceOf(SetTrustLevel.Outcome.ReasonMissing.class);
        assertThat(setTrustLevel.run(new SetTrustLevel.Input(slug, moderator, patient.memberId(), TrustLevel.BASIC, TrustLevel.MEMBER, "why")))
                .as("the page showed another level than the one now").isInstanceOf(SetTrustLevel.Outcome.ChangedMeanwhile.class);
        assertThat(levels.changes(access(slug, owner).community().id(), patient.memberId())).as("nothing recorded yet").isEmpty();

        Visitor ownerBrowser = moderating(owner);
        String trustPage = "/c/" + slug + "/members/" + patient.memberId() + "/trust";
        var empty = ownerBrowser.post(trustPage, Map.of("level", "MEMBER", "seen", "NEW", "reason", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text()).contains("Say why");
        var set = ownerBrowser.submit(trustPage, Map.of("level", "MEMBER", "seen", "NEW", "reason", "Helps newcomers every week"));
        assertThat(set.text()).contains("Their level is now Member");
        assertThat(levels.of(access(slug, owner).community().id(), patient.memberId())).isEqualTo(TrustLevel.MEMBER);

        var own = signedIn(patient).get("/c/" + slug + "/standing");
        assertThat(own.text()).contains("A moderator set this level").contains("Helps newcomers every week")
                .doesNotContain(owner.handle());
        assertThat(ownerBrowser.get(trustPage).text()).as("fellow moderators see who").contains(owner.handle());
        String log = "/c/" + slug + "/log";
        Viewer peer = account(unique("peer"));
        join(slug, peer);
        assertThat(signedIn(peer).get(log).text()).as("the moderation log, to another member").contains("Set a member's trust level")
                .doesNotContain("Helps newcomers every week").doesNotContain(patient.handle()).doesNotContain("to Member");
        assertThat(signedIn(patient).get(log).text()).as("to the member").contains("About you").contains("Helps newcomers every week");
        assertThat(signedIn(patient).get("/me/decisions").text()).contains("Your trust level was set");

        ownerBrowser.submit(trustPage, Map.of("level", "earned", "seen", "MEMBER", "reason", "Back to what they earned"));
        assertThat(levels.standing(access(slug, owner).community().id(), patient.memberId()))
                .extracting(TrustLevels.Standing::level, TrustLevels.Standing::setByModerator).containsExactly(TrustLevel.NEW, false);

        String json = new String(export.of(patient).json(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"trust\"").contains("Helps newcomers every week").doesNotContain(owner.memberId());
    }

}
