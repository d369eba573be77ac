package org.hearth.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.EventStream;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Blocking and muting, through the pages a member uses: refusals first, then the fold, the
 * muted list, the privacy of both, the live stream, and erasure.
 */
abstract class BlockingContract extends HearthTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String FOLD = "A post by someone you blocked";

    @Autowired
    Blocks blocks;

    @Autowired
    BlocksOfAMember blocksOfAMember;

    /** A public community with anonymous posting, its owner, and three members: a writer, a reader who blocks, a bystander. */
    record Place(String slug, Viewer owner, Viewer writer, Viewer blocker, Viewer bystander, String topic) {
        String topicPath() {
            return "/c/" + slug + "/t/" + topic;
        }
    }

    Place place() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        Viewer writer = account(unique("writer"));
        Viewer blocker = account(unique("blocker"));
        Viewer bystander = account(unique("bystander"));
        for (Viewer v : new Viewer[] {writer, blocker, bystander}) {
            join(slug, v);
        }
        String topic = started(access(slug, blocker), blocker, new Draft(TopicKind.QUESTION, "Sleeping after chemo", "How do you sleep?", null, false));
        return new Place(slug, owner, writer, blocker, bystander, topic);
    }

    String reply(Place place, Viewer author, String body, boolean anonymous) {
        return replied(access(place.slug(), author), author, place.topic(), new Draft(null, null, body, null, anonymous)).postId();
    }

    static Element post(Document page, String postId) {
        return page.getElementById("p-" + postId);
    }

    // ---- refusals -------------------------------------------------------------------------

    @Test
    void noOneBlocksThemselves() {
        Viewer me = account(unique("self"));
        Visitor browser = signedIn(me);
        var page = browser.submit("/m/" + me.memberId() + "/block", Map.of());
        assertThat(page.text()).contains("You cannot block yourself.");
        assertThat(blocks.blocked(me.memberId(), me.memberId())).isFalse();
        assertThat(page.document().select("form[action$=/block]")).as("no block button on one's own profile").isEmpty();
    }

    @Test
    void anUnknownMemberIsNotFound() {
        Visitor browser = signedIn(account(unique("m")));
        assertThat(browser.post("/m/AAAAAAAAAAAAAAAA/block", Map.of()).status()).isEqualTo(404);
        assertThat(browser.post("/m/not-an-id/block", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aVisitorMustSignInToBlock() {
        Viewer someone = account(unique("m"));
        Visitor visitor = visitor();
        var answer = visitor.post("/m/" + someone.memberId() + "/block", Map.of());
        assertThat(answer.status()).isNotEqualTo(200).isNotEqualTo(404);
        assertThat(visitor.get("/m/" + someone.memberId()).document().select("form[action$=/block]")).isEmpty();
        assertThat(visitor.get("/me/blocked").location()).contains("/sign-in");
    }

    @Test
    void blockingTwiceIsANoOpThatSaysSo() {
        Viewer me = account(unique("me"));
        Viewer other = account(unique("other"));
        Visitor browser = signedIn(me);
        browser.get("/m/" + other.memberId());
        assertThat(browser.submit("/m/" + other.memberId() + "/block", Map.of()).text()).contains("You blocked " + other.handle());
        assertThat(browser.submit("/m/" + other.memberId() + "/block", Map.of()).text())
                .contains("You had already blocked " + other.handle() + ": nothing changed.");
        assertThat(blocks.blockedBy(me)).hasSize(1);
    }

    @Test
    void unblockingSomeoneNotBlockedChangesNothing() {
        Viewer me = account(unique("me"));
        Viewer other = account(unique("other"));
        Visitor browser = signedIn(me);
        browser.get("/me/blocked");
        assertThat(browser.submit("/m/" + other.memberId() + "/unblock", Map.of()).text())
                .contains("That member was not blocked: nothing changed.");
    }

    @Test
    void aTopicOfACommunityOneMayNotReadCannotBeMuted() {
        Viewer owner = account(unique("owner"));
        String hidden = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String topic = started(access(hidden, owner), owner, new Draft(TopicKind.QUESTION, "Members only", "x", null, false));
        Viewer outsider = account(unique("outsider"));
        var answer = new MuteTopic.Input(access(hidden, outsider), outsider, topic);
        assertThat(muteTopic.run(answer)).isInstanceOf(MuteTopic.Outcome.NoSuchTopic.class);
        Visitor browser = signedIn(outsider);
        browser.get("/me/blocked");
        assertThat(browser.post("/c/" + hidden + "/t/" + topic + "/mute", Map.of()).status()).isEqualTo(404);
    }

    @Autowired
    MuteTopic muteTopic;

    // ---- the fold ------------------------------------------------------------------------

    @Test
    void aBlockedMembersPostsFoldForTheBlockerAndForNoOneElse() {
        Place place = place();
        String postId = reply(place, place.writer(), "Warm milk and a fan.", false);
        Visitor blocker = signedIn(place.blocker());
        blocker.get("/m/" + place.writer().memberId());
        blocker.submit("/m/" + place.writer().memberId() + "/block", Map.of());

        Element folded = post(blocker.get(place.topicPath()).document(), postId);
        assertThat(folded.hasClass("folded")).isTrue();
        Element details = folded.selectFirst("details.blocked");
        assertThat(details).as("folded, one click to read").isNotNull();
        assertThat(details.hasAttr("open")).isFalse();
        assertThat(details.selectFirst("summary").text()).startsWith(FOLD);
        assertThat(details.select(".body").text()).as("the text is there behind the fold").isEqualTo("Warm milk and a fan.");

        for (Visitor other : new Visitor[] {signedIn(place.bystander()), visitor(), signedIn(place.writer())}) {
            Element shown = post(other.get(place.topicPath()).document(), postId);
            assertThat(shown.select("details.blocked")).isEmpty();
            assertThat(shown.hasClass("folded")).isFalse();
            assertThat(shown.select(".body").text()).isEqualTo("Warm milk and a fan.");
        }
    }

    @Test
    void anonymousPostsOfABlockedMemberDoNotFold() {
        Place place = place();
        String named = reply(place, place.writer(), "Signed words.", false);
        String anonymous = reply(place, place.writer(), "Unsigned words.", true);
        Visitor blocker = signedIn(place.blocker());
        blocker.get("/me/blocked");
        blocker.submit("/m/" + place.writer().memberId() + "/block", Map.of());

        Document page = blocker.get(place.topicPath()).document();
        assertThat(post(page, named).select("details.blocked")).hasSize(1);
        Element unsigned = post(page, anonymous);
        assertThat(unsigned.select("details.blocked")).as("a fold would tell who wrote it").isEmpty();
        assertThat(unsigned.hasClass("folded")).isFalse();
        assertThat(unsigned.select(".body").text()).isEqualTo("Unsigned words.");
    }

    @Test
    void blockingIsInvisibleToTheBlockedMember() {
        Place place = place();
        String blockersReply = reply(place, place.blocker(), "The blocker writes.", false);
        Visitor writer = signedIn(place.writer());
        writer.get(place.topicPath()); // the first visit marks what is new; the next ones read the same
        String before = stripped(writer.get(place.topicPath()).body());
        String profileBefore = stripped(writer.get("/m/" + place.blocker().memberId()).body());

        Visitor blocker = signedIn(place.blocker());
        blocker.get("/me/blocked");
        blocker.submit("/m/" + place.writer().memberId() + "/block", Map.of());

        assertThat(stripped(writer.get(place.topicPath()).body())).as("the topic reads the same for them").isEqualTo(before);
        assertThat(stripped(writer.get("/m/" + place.blocker().memberId()).body())).isEqualTo(profileBefore);
        assertThat(post(writer.get(place.topicPath()).document(), blockersReply).select("details.blocked")).isEmpty();
        assertThat(writer.get("/me/blocked").text()).contains("You have not blocked anyone.").doesNotContain(place.blocker().handle());
        writer.get("/me/data");
        assertThat(writer.post("/me/data/download", Map.of()).body()).doesNotContain(place.blocker().memberId());
        // and they can still reply in the blocker's topic: a block silences nothing
        reply(place, place.writer(), "Still here.", false);
    }

    /** A page without its per-request parts (form tokens, one-time form keys). */
    private static String stripped(String html) {
        Document page = Jsoup.parse(html);
        page.select("input[name=_csrf], meta[name=_csrf], input[name=submission]").remove();
        return page.body().html();
    }

    // ---- muting --------------------------------------------------------------------------

    @Test
    void aMutedTopicLeavesTheMutersListOnlyAndStaysReachable() {
        Place place = place();
        String other = started(access(place.slug(), place.owner()), place.owner(),
                new Draft(TopicKind.QUESTION, "Another topic", "y", null, false));
        Visitor blocker = signedIn(place.blocker());
        var topicPage = blocker.get(place.topicPath()).document();
        assertThat(topicPage.select("form[action$=/mute] button").text()).isEqualTo("Mute this topic");
        var muted = blocker.submit(place.topicPath() + "/mute", Map.of());
        assertThat(muted.text()).contains("Topic muted");
        assertThat(muted.document().select("form[action$=/unmute] button").text()).as("reachable by its link, with Unmute").isEqualTo("Unmute");

        assertThat(topicLinks(blocker, place.slug())).anyMatch(h -> h.endsWith("/t/" + other))
                .noneMatch(h -> h.endsWith("/t/" + place.topic()));
        assertThat(topicLinks(signedIn(place.bystander()), place.slug())).anyMatch(h -> h.endsWith("/t/" + place.topic()));
        assertThat(topicLinks(visitor(), place.slug())).anyMatch(h -> h.endsWith("/t/" + place.topic()));
        assertThat(blocker.submit(place.topicPath() + "/mute", Map.of()).text()).contains("You had already muted this topic");

        var unmuted = blocker.submit(place.topicPath() + "/unmute", Map.of());
        assertThat(unmuted.text()).contains("Topic unmuted");
        assertThat(topicLinks(blocker, place.slug())).anyMatch(h -> h.endsWith("/t/" + place.topic()));
    }

    private java.util.List<String> topicLinks(Visitor visitor, String slug) {
        return visitor.get("/c/" + slug).document().select("ul.topics a").eachAttr("href");
    }

    // ---- the list of what one blocked and muted ----------------------------------------------

    @Test
    void theBlockedPageListsBlocksAndMutesAndUndoesThem() {
        Place place = place();
        String postId = reply(place, place.writer(), "Some words.", false);
        Visitor blocker = signedIn(place.blocker());
        blocker.get("/me/blocked");
        blocker.submit("/m/" + place.writer().memberId() + "/block", Map.of());
        blocker.submit(place.topicPath() + "/mute", Map.of());

        Document list = blocker.get("/me/blocked").document();
        assertThat(list.select("ul.choices li a[href=/m/" + place.writer().memberId() + "]").text()).isEqualTo(place.writer().handle());
        assertThat(list.select("ul.choices li a[href=" + place.topicPath() + "]").text()).isEqualTo("Sleeping after chemo");

        var unblocked = blocker.submit("/m/" + place.writer().memberId() + "/unblock", Map.of());
        assertThat(unblocked.text()).contains("Unblocked");
        assertThat(unblocked.document().select("a[href=/m/" + place.writer().memberId() + "]")).isEmpty();
        assertThat(post(blocker.get(place.topicPath()).document(), postId).select("details.blocked")).as("unfolded again").isEmpty();

        var unmuted = blocker.submit("/me/blocked/topics/" + place.topic() + "/unmute", Map.of());
        assertThat(unmuted.text()).contains("Topic unmuted").contains("You have not muted any topic.");
    }

    // ---- live ----------------------------------------------------------------------------

    @Test
    void aLiveReplyFromSomeoneTheReaderBlockedIsNotSentToThem() {
        Place place = place();
        Visitor blocker = signedIn(place.blocker());
        blocker.get("/me/blocked");
        blocker.submit("/m/" + place.writer().memberId() + "/block", Map.of());
        try (EventStream blockers = following(blocker, place.topicPath());
                EventStream bystanders = following(signedIn(place.bystander()), place.topicPath())) {
            reply(place, place.writer(), "From the blocked one.", false);
            reply(place, place.owner(), "From the owner.", false);

            assertThat(bystanders.next(WAIT).data()).contains("From the blocked one.");
            assertThat(bystanders.next(WAIT).data()).contains("From the owner.");
            EventStream.Event first = blockers.next(WAIT);
            assertThat(first.id()).as("the blocked member's reply was skipped; it shows folded on reload").isEqualTo("2");
            assertThat(first.data()).contains("From the owner.").doesNotContain("From the blocked one.");
        }
    }

    @Test
    void anAnonymousLiveReplyReachesEveryone() {
        Place place = place();
        Visitor blocker = signedIn(place.blocker());
        blocker.get("/me/blocked");
        blocker.submit("/m/" + place.writer().memberId() + "/block", Map.of());
        try (EventStream blockers = following(blocker, place.topicPath())) {
            reply(place, place.writer(), "Anonymous words.", true);
            assertThat(blockers.next(WAIT).data()).contains("Anonymous words.");
        }
    }

    static EventStream following(Visitor reader, String topic) {
        EventStream stream = reader.events(topic + "/live");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.awaitComment("ok", WAIT)).as("connected").isTrue();
        return stream;
    }

    // ---- for features to come, and erasure ------------------------------------------------

    @Test
    void eitherBlockedAnswersBothWays() {
        Viewer a = account(unique("a"));
        Viewer b = account(unique("b"));
        Viewer c = account(unique("c"));
        assertThat(blocks.eitherBlocked(a.memberId(), b.memberId())).isFalse();
        Visitor browser = signedIn(a);
        browser.get("/me/blocked");
        browser.submit("/m/" + b.memberId() + "/block", Map.of());
        assertThat(blocks.eitherBlocked(a.memberId(), b.memberId())).isTrue();
        assertThat(blocks.eitherBlocked(b.memberId(), a.memberId())).isTrue();
        assertThat(blocks.eitherBlocked(a.memberId(), c.memberId())).isFalse();
    }

    @Test
    void erasingAMemberRemovesTheirBlocksAndTheBlocksOfThem() {
        Place place = place();
        Visitor blocker = signedIn(place.blocker());
        blocker.get("/me/blocked");
        blocker.submit("/m/" + place.writer().memberId() + "/block", Map.of());
        blocker.submit(place.topicPath() + "/mute", Map.of());
        Visitor writer = signedIn(place.writer());
        writer.get("/me/blocked");
        writer.submit("/m/" + place.bystander().memberId() + "/block", Map.of());

        blocksOfAMember.erase(place.writer().memberId());
        assertThat(blocks.eitherBlocked(place.blocker().memberId(), place.writer().memberId())).as("blocked by someone").isFalse();
        assertThat(blocks.eitherBlocked(place.writer().memberId(), place.bystander().memberId())).as("blocked someone").isFalse();
        assertThat(blocks.mutedBy(place.blocker())).as("others' mutes stay").hasSize(1);
        blocksOfAMember.erase(place.blocker().memberId());
        assertThat(blocks.mutedBy(place.blocker())).isEmpty();
    }
}
