package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.EventStream;
import org.hearth.testing.HearthTest;
import org.hearth.testing.LiveUpdateLoad;
import org.hearth.testing.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Topic pages followed live over server-sent events, read as raw streams: who may follow, what
 * an event carries, what a reconnecting reader gets, and that streams end and are forgotten.
 * Streams here end after a few seconds, heartbeats come every second and a node takes 80 streams,
 * to see all three happen.
 */
@TestPropertySource(properties = {"hearth.live.heartbeat=1s", "hearth.live.stream-timeout=10s", "hearth.live.max-streams=80"})
abstract class LiveUpdatesContract extends HearthTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    MeterRegistry meters;

    String start(Visitor author, String slug, String title) {
        var page = author.submit("/c/" + slug + "/topics", Map.of("kind", "QUESTION", "title", title,
                "body", "What helped you?", "contentWarning", ""));
        return page.document().selectFirst("form.composer").attr("action").replace("/replies", "");
    }

    Visitor joined(String slug) {
        Visitor visitor = member(unique("m"));
        visitor.submit("/c/" + slug + "/join", AGREEING);
        return visitor;
    }

    static void reply(Visitor author, String topic, String body) {
        var posted = author.post(topic + "/replies", Map.of("body", body, "contentWarning", ""));
        assertThat(posted.status()).as("reply posted").isEqualTo(302);
    }

    static EventStream following(Visitor reader, String topic) {
        EventStream stream = reader.events(topic + "/live");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.awaitComment("ok", WAIT)).as("connected").isTrue();
        return stream;
    }

    static Element post(EventStream.Event event) {
        return Jsoup.parseBodyFragment(event.data()).selectFirst("article.post");
    }

    double openStreams() {
        return meters.get("hearth.live.streams").gauge().value();
    }

    @Test
    void aReaderSeesANewReplyAsSoonAsItIsPosted() {
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = joined(slug);
        String topic = start(author, slug, "First infusion: what to bring?");
        String peerHandle = unique("peer");
        Visitor peer = member(peerHandle);
        peer.submit("/c/" + slug + "/join", AGREEING);

        try (EventStream anonymous = following(visitor(), topic); EventStream asker = following(author, topic)) {
            reply(peer, topic, "Bring a *book* and a warm jumper.");

            for (EventStream stream : List.of(anonymous, asker)) {
                var event = stream.next(WAIT);
                assertThat(event).as("the reply arrives").isNotNull();
                assertThat(event.name()).isEqualTo("reply");
                assertThat(event.id()).as("the event id is the reply's position").isEqualTo("1");
                Element post = post(event);
                assertThat(post.select(".body em").text()).isEqualTo("book");
                assertThat(post.select(".author").text()).isEqualTo(peerHandle);
                // the same for every reader: nobody's controls, form token or unread marks
                assertThat(post.select("form, input, a[href$=/edit], a[href$=/history]")).isEmpty();
                assertThat(event.data()).doesNotContain("_csrf").doesNotContain("unread");
            }
            assertThat(asker.next(Duration.ofMillis(300))).as("one event per reply").isNull();
        }
    }

    @Test
    void onlyThoseWhoMayReadTheTopicCanFollowIt() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Visitor member = joined(slug);
        String topic = start(member, slug, "Members only: night sweats");
        Visitor anonymous = visitor();
        Visitor outsider = member(unique("outsider"));

        List<EventStream> refused = new ArrayList<>();
        for (Visitor stranger : List.of(anonymous, outsider)) {
            EventStream stream = stranger.events(topic + "/live");
            var page = stranger.get(topic);
            assertThat(page.status()).isEqualTo(404);
            assertThat(stream.status()).as("the same answer as the page").isEqualTo(404);
            assertThat(Jsoup.parse(stream.body()).select("h1").text()).isEqualTo(page.document().select("h1").text());
            refused.add(stream);
            assertThat(stranger.events(topic + "/live", "0").status()).isEqualTo(404);
        }
        // a topic that does not exist, or not in this community, looks the same
        String otherSlug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor elsewhere = joined(otherSlug);
        String otherTopic = start(elsewhere, otherSlug, "Elsewhere");
        assertThat(member.events("/c/" + slug + "/t/AAAAAAAAAAAAAAAA/live").status()).isEqualTo(404);
        assertThat(member.events("/c/" + slug + "/t/nonsense!/live").status()).isEqualTo(404);
        assertThat(member.events(otherTopic.replace("/c/" + otherSlug + "/", "/c/" + slug + "/") + "/live").status())
                .isEqualTo(404);
        assertThat(member.events("/c/no-such-community/t/AAAAAAAAAAAAAAAA/live").status()).isEqualTo(404);

        try (EventStream reading = following(member, topic)) {
            reply(member, topic, "Cotton sheets helped me a little.");
            assertThat(reading.next(WAIT)).isNotNull();
        }
        for (EventStream stream : refused) {
            assertThat(stream.body()).doesNotContain("Cotton sheets");
            assertThat(stream.next(Duration.ZERO)).isNull();
        }
    }

    @Test
    void leavingEndsTheMembersStreamsOfThatCommunityAtOnceAndNoOneElses() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Visitor leaver = joined(slug);
        String topic = start(leaver, slug, "Reading while leaving");
        Visitor stays = joined(slug);
        String otherSlug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        leaver.submit("/c/" + otherSlug + "/join", AGREEING);
        String elsewhere = start(leaver, otherSlug, "Another community");

        try (EventStream leaving = following(leaver, topic); EventStream other = following(leaver, elsewhere);
                EventStream staying = following(stays, topic)) {
            assertThat(leaver.submit("/c/" + slug + "/leave", Map.of("confirmed", "true")).status()).isEqualTo(200);
            // streams here last at least 8 s on their own: this is the leave, not the stream's end
            assertThat(leaving.awaitEnd(Duration.ofSeconds(3))).as("their stream ends at once").isTrue();
            assertThat(leaver.events(topic + "/live", "1").status()).as("and reconnecting is refused").isEqualTo(404);

            reply(stays, topic, "Posted after they left.");
            assertThat(staying.next(WAIT)).as("another member's stream goes on").isNotNull();
            reply(leaver, elsewhere, "Still reading here.");
            assertThat(other.next(WAIT)).as("their streams of another community go on").isNotNull();
        }
    }

    /** The owner makes a community members-only, from the settings page. */
    void makeMembersOnly(Viewer owner, String slug) {
        var saved = moderating(owner).submit("/c/" + slug + "/settings", Map.of("name", "Quieter now", "conditionServed", "Lupus",
                "description", "For members", "visibility", "MEMBERS_ONLY", "flagHideScore", "8", "joinPolicy", "OPEN"));
        assertThat(saved.document().select("h1").text()).isEqualTo("Quieter now");
    }

    @Test
    void makingACommunityMembersOnlyEndsTheStreamsOfThoseWhoNoLongerReadIt() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor member = joined(slug);
        String topic = start(member, slug, "Public for now");
        Visitor anonymous = visitor();
        Visitor outsider = member(unique("outsider"));
        String otherSlug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor writesElsewhere = joined(otherSlug);
        String elsewhere = start(writesElsewhere, otherSlug, "Another public community");

        try (EventStream visitorStream = following(anonymous, topic); EventStream outsiderStream = following(outsider, topic);
                EventStream memberStream = following(member, topic); EventStream other = following(anonymous, elsewhere)) {
            makeMembersOnly(owner, slug);
            // streams here last at least 8 s on their own: this is the change, not the stream's end
            assertThat(visitorStream.awaitEnd(Duration.ofSeconds(3))).as("a visitor's stream ends").isTrue();
            assertThat(outsiderStream.awaitEnd(Duration.ofSeconds(3))).as("a non-member's stream ends").isTrue();
            assertThat(anonymous.events(topic + "/live", "0").status()).as("reconnecting is refused").isEqualTo(404);
            assertThat(outsider.events(topic + "/live", "0").status()).isEqualTo(404);

            reply(member, topic, "For members only now.");
            // the member's stream may end too; reconnecting, they get what they missed
            memberStream.awaitEnd(Duration.ofSeconds(3));
            try (EventStream back = member.events(topic + "/live", "0")) {
                assertThat(back.status()).isEqualTo(200);
                var event = back.next(WAIT);
                assertThat(event).as("the member reads on").isNotNull();
                assertThat(post(event).select(".body").text()).isEqualTo("For members only now.");
            }
            reply(writesElsewhere, elsewhere, "Still public here.");
            assertThat(other.next(WAIT)).as("another community's streams go on").isNotNull();
        }
    }

    @Test
    void aHiddenCommunityAnswersLikeNothingIsThere() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Visitor ownerBrowser = moderating(owner);
        String topic = start(ownerBrowser, slug, "Hidden: first steps");

        assertThat(visitor().events(topic + "/live").status()).isEqualTo(404);
        assertThat(member(unique("outsider")).events(topic + "/live").status()).isEqualTo(404);
        try (EventStream stream = following(ownerBrowser, topic)) {
            reply(ownerBrowser, topic, "Welcome, everyone.");
            assertThat(stream.next(WAIT)).isNotNull();
        }
    }

    @Test
    void anAnonymousReplyNeverNamesItsAuthorEvenToModerators() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        Visitor moderator = moderating(owner);
        Visitor asker = joined(slug);
        String topic = start(asker, slug, "Telling my employer?");
        String handle = unique("shy");
        Visitor shy = member(handle);
        shy.submit("/c/" + slug + "/join", AGREEING);

        try (EventStream moderatorStream = following(moderator, topic); EventStream public_ = following(visitor(), topic)) {
            var posted = shy.post(topic + "/replies", Map.of("body", "I did not, and I am glad.", "contentWarning", "",
                    "anonymous", "true"));
            assertThat(posted.status()).isEqualTo(302);
            for (EventStream stream : List.of(moderatorStream, public_)) {
                var event = stream.next(WAIT);
                assertThat(event).isNotNull();
                assertThat(post(event).select(".author").text()).isEqualTo("anonymous member");
                assertThat(event.data()).doesNotContain(handle).doesNotContain("/m/");
            }
        }
        // the moderator's own page still says who it was: the stream is what every reader may see
        assertThat(moderator.get(topic).document().select(".post .author").eachText())
                .anyMatch(author -> author.contains(handle));
    }

    @Test
    void aReconnectingReaderGetsWhatItMissedOnceAndInOrder() {
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = joined(slug);
        String topic = start(author, slug, "Tapering steroids");
        reply(author, topic, "one");
        reply(author, topic, "two");
        reply(author, topic, "three");
        Visitor reader = visitor();

        try (EventStream back = reader.events(topic + "/live", "1")) {
            assertThat(back.awaitComment("ok", WAIT)).isTrue();
            assertThat(List.of(back.next(WAIT), back.next(WAIT))).extracting(EventStream.Event::id).containsExactly("2", "3");
            assertThat(back.next(Duration.ofMillis(500))).as("nothing twice").isNull();
            reply(author, topic, "four");
            var four = back.next(WAIT);
            assertThat(four.id()).isEqualTo("4");
            assertThat(post(four).select(".body").text()).isEqualTo("four");
        }
        // a page that shows up to "three" asks for what came after it
        try (EventStream fromPage = reader.events(topic + "/live?after=3")) {
            var four = fromPage.next(WAIT);
            assertThat(four.id()).isEqualTo("4");
            assertThat(fromPage.next(Duration.ofMillis(500))).isNull();
        }
        // a new reader with nothing gets only what comes next
        try (EventStream fresh = following(reader, topic)) {
            assertThat(fresh.next(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void manyReadersCostOneRendering() {
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = joined(slug);
        String topic = start(author, slug, "Many readers");
        double renders = meters.get("hearth.live.renders").counter().count();

        var result = LiveUpdateLoad.run(URI.create("http://127.0.0.1:" + port), topic, 60,
                author.cookie("HEARTH_SESSION"), null, WAIT);

        assertThat(result.received()).as(result.line()).isEqualTo(60);
        assertThat(result.errors()).isZero();
        assertThat(meters.get("hearth.live.renders").counter().count() - renders).as("renderings").isEqualTo(1);
    }

    @Test
    void streamsEndInTimeAndReadersWhoLeftAreForgotten() {
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = joined(slug);
        String topic = start(author, slug, "Leaving early");
        awaitOpenStreams(0); // earlier tests' streams are gone

        EventStream first = following(visitor(), topic);
        EventStream second = following(visitor(), topic);
        EventStream stays = following(visitor(), topic);
        assertThat(openStreams()).isEqualTo(3);
        first.close();
        second.close();
        awaitOpenStreams(1); // the next heartbeat finds they left

        assertThat(stays.awaitEnd(Duration.ofSeconds(15))).as("the server ends the stream").isTrue();
        awaitOpenStreams(0);
        stays.close();
    }

    @Test
    void aFullNodeTurnsNewStreamsAwayAndTheTopicPageStillWorks() {
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = joined(slug);
        String topic = start(author, slug, "Crowded");
        awaitOpenStreams(0);
        Visitor crowd = visitor();
        List<EventStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                streams.add(following(crowd, topic));
            }
            EventStream refused = crowd.events(topic + "/live");
            assertThat(refused.status()).as("an EventSource gives up on 503").isEqualTo(503);
            assertThat(crowd.get(topic).status()).isEqualTo(200);

            streams.removeFirst().close();
            awaitOpenStreams(79);
            streams.add(following(crowd, topic));
        } finally {
            streams.forEach(EventStream::close);
        }
        awaitOpenStreams(0);
    }

    @Autowired
    ConfigurableApplicationContext node;

    @Test
    void aNodeStoppedAndStartedAgainStillSendsReplies() {
        // Spring pauses test contexts it is not using and resumes them later; a node can be too
        node.stop();
        node.start();
        port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port")); // a new one
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = joined(slug);
        String topic = start(author, slug, "After a pause");
        try (EventStream reader = following(visitor(), topic)) {
            reply(author, topic, "Still here.");
            var event = reader.next(WAIT);
            assertThat(event).as("a reply after the restart").isNotNull();
            assertThat(post(event).select(".body").text()).isEqualTo("Still here.");
        }
    }

    void awaitOpenStreams(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (openStreams() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(openStreams()).as("open streams").isEqualTo(expected);
    }
}
