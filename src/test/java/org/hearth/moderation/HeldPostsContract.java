package org.hearth.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.community.ChangeCommunitySettings;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.ReplyToTopic;
import org.hearth.conversation.StartTopic;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.hearth.trust.SetTrustLevel;
import org.hearth.trust.TrustLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A community that holds its new members' posts: they wait, unseen by others, in the review
 * queue until a moderator lets each through or removes it. Refusals first.
 */
abstract class HeldPostsContract extends HearthTest {

    @Autowired
    ChangeCommunitySettings changeSettings;

    @Autowired
    ReplyToTopic replyToTopic;

    @Autowired
    StartTopic startTopic;

    @Autowired
    DecideHeldPost decideHeldPost;

    @Autowired
    SetTrustLevel setTrustLevel;

    @Autowired
    FileAppeal fileAppeal;

    record Place(String slug, Viewer owner, Viewer second, Viewer newcomer, String topicId) {
    }

    private Place place(boolean holding) {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        if (holding) {
            var settings = ChangeCommunitySettings.Settings.of(access(slug, owner).community());
            var held = settings.holding(true);
            assertThat(changeSettings.run(new ChangeCommunitySettings.Input(slug, withSecondFactor(owner), held, false)))
                    .isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);
        }
        Viewer second = account(unique("mod"));
        join(slug, second);
        changeRole(slug, owner, second.memberId(), Role.MODERATOR);
        String topicId = started(access(slug, owner), owner, new Draft(TopicKind.QUESTION, "title-" + slug, "opening-" + slug, null, false));
        Viewer newcomer = account(unique("new"));
        join(slug, newcomer);
        return new Place(slug, owner, second, newcomer, topicId);
    }

    private ReplyToTopic.Outcome reply(Place p, Viewer who, String text) {
        return replyToTopic.run(new ReplyToTopic.Input(access(p.slug(), who), who, p.topicId(), new Draft(null, null, text, null, false), null, null));
    }

    @Test
    void aNewMembersReplyWaitsUnseenAndOnlyModeratorsLetItThrough() {
        Place p = place(true);
        var replied = reply(p, p.newcomer(), "held-reply-" + p.slug());
        assertThat(replied).isInstanceOfSatisfying(ReplyToTopic.Outcome.Replied.class, r -> assertThat(r.held()).isTrue());
        String postId = ((ReplyToTopic.Outcome.Replied) replied).location().postId();
        String topic = "/c/" + p.slug() + "/t/" + p.topicId();
        assertThat(visitor().get(topic).text()).doesNotContain("held-reply-").contains("A new member's post, waiting for a moderator");
        assertThat(signedIn(p.newcomer()).get(topic).text()).as("its author sees it").contains("held-reply-" + p.slug());
        assertThat(reply(p, p.second(), "moderator-reply")).as("a moderator is never held")
                .isInstanceOfSatisfying(ReplyToTopic.Outcome.Replied.class, r -> assertThat(r.held()).isFalse());

        Viewer member = account(unique("member"));
        join(p.slug(), member);
        assertThat(signedIn(member).post("/c/" + p.slug() + "/held/" + postId, Map.of("letThrough", "true")).status()).isEqualTo(404);
        assertThat(decideHeldPost.run(new DecideHeldPost.Input(p.slug(), withSecondFactor(member), postId, true, null)))
                .isInstanceOf(DecideHeldPost.Outcome.NotFound.class);

        Visitor moderator = moderating(p.owner());
        var queue = moderator.get("/c/" + p.slug() + "/review");
        assertThat(queue.text()).contains("Held for review").contains("held-reply-" + p.slug()).contains(p.newcomer().handle());
        var noReason = moderator.submit("/c/" + p.slug() + "/held/" + postId, Map.of("letThrough", "false", "reason", ""));
        assertThat(noReason.document().select("#reason-error").text()).contains("Write why you remove it");
        var through = moderator.submit("/c/" + p.slug() + "/held/" + postId, Map.of("letThrough", "true", "reason", ""));
        assertThat(through.text()).contains("Let through");
        assertThat(visitor().get(topic).text()).contains("held-reply-" + p.slug());
        assertThat(decideHeldPost.run(new DecideHeldPost.Input(p.slug(), withSecondFactor(p.second()), postId, false, "late")))
                .as("settled once").isInstanceOf(DecideHeldPost.Outcome.NotWaiting.class);
    }

    @Test
    void aRemovedHeldPostIsToldAndMayBeAppealedAndAHeldTopicIsOffTheList() {
        Place p = place(true);
        var started = startTopic.run(new StartTopic.Input(access(p.slug(), p.newcomer()), p.newcomer(),
                new Draft(TopicKind.QUESTION, "held-title-" + p.slug(), "held-opening", null, false), null, null));
        assertThat(started).isInstanceOfSatisfying(StartTopic.Outcome.Started.class, s -> assertThat(s.held()).isTrue());
        assertThat(visitor().get("/c/" + p.slug()).text()).doesNotContain("held-title-" + p.slug());
        String heldTopic = ((StartTopic.Outcome.Started) started).topicId();
        String opening = decideHeldPostOpening(p, heldTopic);

        assertThat(decideHeldPost.run(new DecideHeldPost.Input(p.slug(), withSecondFactor(p.second()), opening, false, "An advert for a clinic.")))
                .isInstanceOf(DecideHeldPost.Outcome.Removed.class);
        assertThat(signedIn(p.newcomer()).get("/me/decisions").text()).contains("Your post was removed").contains("An advert for a clinic.")
                .contains("Appeal this decision");
        assertThat(visitor().get("/c/" + p.slug() + "/log").text()).contains("Removed a post");
        assertThat(visitor().get("/c/" + p.slug()).text()).doesNotContain("held-title-" + p.slug());
    }

    @Test
    void noOneIsHeldWhereTheCommunityDoesNotChooseItNorOnceTheyAreNoLongerNew() {
        Place open = place(false);
        assertThat(reply(open, open.newcomer(), "free")).isInstanceOfSatisfying(ReplyToTopic.Outcome.Replied.class,
                r -> assertThat(r.held()).isFalse());
        Place p = place(true);
        assertThat(moderating(p.owner()).get("/c/" + p.slug() + "/rules").text()).contains("The posts of new members wait for a moderator");
        assertThat(setTrustLevel.run(new SetTrustLevel.Input(p.slug(), withSecondFactor(p.owner()), p.newcomer().memberId(), TrustLevel.BASIC,
                null, "Known to us"))).isInstanceOf(SetTrustLevel.Outcome.Set.class);
        assertThat(reply(p, p.newcomer(), "basic-now")).isInstanceOfSatisfying(ReplyToTopic.Outcome.Replied.class,
                r -> assertThat(r.held()).isFalse());
    }

    @Autowired
    org.hearth.conversation.Conversations conversations;

    private String decideHeldPostOpening(Place p, String topicId) {
        return conversations.topic(access(p.slug(), p.owner()), topicId, p.owner(), 1).orElseThrow().posts().getFirst().id();
    }
}
