package org.hearth.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.platform.schema.Tables.MAIL_OUTBOX;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.PushBrowser;
import org.hearth.testing.TestPushService;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web push end to end: a member turns it on for a browser (the keys a browser makes), a reply is
 * told, and the push service this test runs receives a message that the browser's keys decrypt
 * (RFC 8291) and that carries the site's VAPID signature (RFC 8292). Discreet, once per unread
 * notification, held by pause, quiet hours and the member's choice of kinds, and a browser the
 * push service says is gone is forgotten.
 */
abstract class WebPushContract extends HearthTest {

    static final TestPushService PUSH = TestPushService.start();
    static final Duration WAIT = Duration.ofSeconds(15);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pushService(DynamicPropertyRegistry registry) {
        registry.add("hearth.push.services", () -> PUSH.origin() + ",https://fcm.googleapis.com");
    }

    @Autowired
    FanOut fanOut;

    @Autowired
    org.hearth.platform.mail.Outbox outbox;

    @Autowired
    org.jooq.DSLContext db;

    @Autowired
    org.hearth.blocking.BlockMember blockMember;

    @Autowired
    org.hearth.community.LeaveCommunity leave;

    record Place(String slug, Viewer asker, Viewer writer, String topicId) {
    }

    /** A members-only community whose name and condition no device may show, and a topic the asker follows. */
    Place place() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer asker = account(unique("asker"));
        Viewer writer = account(unique("writer"));
        join(slug, asker);
        join(slug, writer);
        return new Place(slug, asker, writer, topic(slug, asker));
    }

    String topic(String slug, Viewer asker) {
        return started(access(slug, asker), asker, new Draft(TopicKind.QUESTION, "Liver numbers after biopsy", "Scared.", null, false));
    }

    void reply(Place p, String topicId, String body) {
        replied(access(p.slug(), p.writer()), p.writer(), topicId, new Draft(null, null, body, null, false));
    }

    PushBrowser turnedOn(Visitor member, String endpoint) {
        PushBrowser browser = new PushBrowser(endpoint);
        member.get("/me/notifications/settings");
        assertThat(member.submit("/me/notifications/push", Map.of("endpoint", browser.endpoint(), "p256dh", browser.p256dh(),
                "auth", browser.auth())).text()).contains("Notifications are on for");
        return browser;
    }

    /** Everything told and every push that is due handed to the push service. */
    void delivered() {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            fanOut.tellWaiting();
            outbox.deliver();
            if (db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.CHANNEL.eq("push"), MAIL_OUTBOX.NOT_BEFORE.isNull()
                    .or(MAIL_OUTBOX.NOT_BEFORE.le(System.currentTimeMillis()))) == 0
                    && db.fetchCount(org.hearth.notification.schema.Tables.NOTIFICATION_EVENTS) == 0) {
                return;
            }
        }
        throw new AssertionError("push still waiting after " + WAIT);
    }

    int waitingFor(String memberId) {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.CHANNEL.eq("push"), MAIL_OUTBOX.MEMBER_ID.eq(memberId));
    }

    @Test
    void aReplyReachesTheBrowserEncryptedForItAloneSignedWithTheSitesKeyAndSayingOnlyNewActivity() throws Exception {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        String siteKey = asker.get("/me/notifications/settings").document().select(".push-here").attr("data-key");
        assertThat(siteKey).as("the site's public key, for the browser to subscribe with").isNotBlank();
        PushBrowser browser = turnedOn(asker, PUSH.endpoint("push", unique("phone")));
        assertThat(asker.get("/me/notifications/settings").document().select(".push-browsers li").text()).contains("on");

        reply(p, p.topicId(), "My ALT was 300 too, biopsy was fine");
        delivered();
        reply(p, p.topicId(), "And another thought on the biopsy");
        delivered();

        List<TestPushService.Received> sent = PUSH.sentTo(browser.endpoint());
        assertThat(sent).as("one push for one unread notification, however many replies join it").hasSize(1);
        TestPushService.Received push = sent.getFirst();
        String payload = browser.decrypt(push.body());
        JsonNode message = JSON.readTree(payload);
        assertThat(message.get("title").asString()).isEqualTo("Hearth");
        assertThat(message.get("body").asString()).isEqualTo("New activity on Hearth");
        assertThat(message.get("url").asString()).isEqualTo("/me/notifications");
        for (String secret : List.of(p.slug(), "Community", "Liver", "biopsy", "ALT", "reply", p.writer().handle())) {
            assertThat(payload).as("a lock screen shows nothing about anyone's health").doesNotContainIgnoringCase(secret);
        }
        assertThatThrownBy(() -> new PushBrowser(browser.endpoint()).decrypt(push.body()))
                .as("encrypted for this browser's keys alone").isInstanceOf(GeneralSecurityException.class);

        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isEqualTo("86400");
        // RFC 8292: "vapid t=<JWT>, k=<the site's public key>", the JWT signed with its private half
        String authorization = push.header("Authorization");
        assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + siteKey);
        String[] jwt = authorization.substring("vapid t=".length(), authorization.indexOf(',')).split("\\.");
        Base64.Decoder base64 = Base64.getUrlDecoder();
        JsonNode claims = JSON.readTree(new String(base64.decode(jwt[1]), StandardCharsets.UTF_8));
        assertThat(JSON.readTree(new String(base64.decode(jwt[0]), StandardCharsets.UTF_8)).get("alg").asString()).isEqualTo("ES256");
        assertThat(claims.get("aud").asString()).isEqualTo(PUSH.origin());
        assertThat(claims.get("sub").asString()).matches("(mailto:|https://).+");
        long now = System.currentTimeMillis() / 1000;
        assertThat(claims.get("exp").asLong()).isBetween(now, now + 24 * 3600);
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(browser.publicKey(base64.decode(siteKey)));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(base64.decode(jwt[2]))).as("signed with the site's key").isTrue();
    }

    @Test
    void aBlockedWritersRepliesAndACommunityLeftReachNoDevice() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        PushBrowser browser = turnedOn(asker, PUSH.endpoint("push", unique("phone")));
        assertThat(blockMember.run(new org.hearth.blocking.BlockMember.Input(p.asker(), p.writer().memberId())))
                .isInstanceOf(org.hearth.blocking.BlockMember.Outcome.Blocked.class);
        reply(p, p.topicId(), "Named, from someone blocked");
        delivered();
        assertThat(PUSH.sentTo(browser.endpoint())).as("nothing from a member they blocked").isEmpty();

        Viewer other = account(unique("other"));
        join(p.slug(), other);
        assertThat(leave.run(new org.hearth.community.LeaveCommunity.Input(p.slug(), p.asker())))
                .isInstanceOf(org.hearth.community.LeaveCommunity.Outcome.Left.class);
        replied(access(p.slug(), other), other, p.topicId(), new Draft(null, null, "After the asker left", null, false));
        delivered();
        assertThat(PUSH.sentTo(browser.endpoint())).as("nothing from a community left").isEmpty();
        assertThat(waitingFor(p.asker().memberId())).isZero();
    }

    @Test
    void addressesOutsideThePushServicesAndKeysThatAreNotABrowsersAreRefusedInWordsAndNothingIsKept() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        PushBrowser browser = new PushBrowser("unused");
        asker.get("/me/notifications/settings");
        for (String endpoint : List.of("http://127.0.0.1:5432/", "https://evil.example/push/1", "https://fcm.googleapis.com.evil.example/x",
                "https://user@fcm.googleapis.com/fcm/send/1", "not an address")) {
            var refused = asker.post("/me/notifications/push", Map.of("endpoint", endpoint, "p256dh", browser.p256dh(), "auth", browser.auth()));
            assertThat(refused.status()).as(endpoint).isEqualTo(422);
            assertThat(refused.document().select("#push-problem").text()).as(endpoint).contains("not one this site sends to");
        }
        var badKeys = asker.post("/me/notifications/push", Map.of("endpoint", PUSH.endpoint("push", unique("x")), "p256dh", "abc",
                "auth", browser.auth()));
        assertThat(badKeys.status()).isEqualTo(422);
        assertThat(badKeys.document().select("#push-problem").text()).contains("did not give what notifications need");
        assertThat(asker.get("/me/notifications/settings").text()).contains("No browser is notified.");
        // a real push service's address is kept as it was given
        assertThat(asker.submit("/me/notifications/push", Map.of("endpoint", "https://fcm.googleapis.com/fcm/send/abc:def",
                "p256dh", browser.p256dh(), "auth", browser.auth())).text()).contains("Notifications are on for");
    }

    @Test
    void aBrowserThePushServiceSaysIsGoneIsForgottenAndAFailureIsTriedAgainLater() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        PushBrowser gone = turnedOn(asker, PUSH.endpoint("gone", unique("old")));
        PushBrowser broken = turnedOn(asker, PUSH.endpoint("broken", unique("down")));
        assertThat(asker.get("/me/notifications/settings").document().select(".push-browsers li")).hasSize(2);

        reply(p, p.topicId(), "Anyone?");
        fanOut.tellWaiting();
        outbox.deliver();

        assertThat(PUSH.sentTo(gone.endpoint())).hasSize(1);
        assertThat(PUSH.sentTo(broken.endpoint())).hasSize(1);
        assertThat(asker.get("/me/notifications/settings").document().select(".push-browsers li")).as("the gone browser is forgotten")
                .hasSize(1);
        var waiting = db.select(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.NOT_BEFORE).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.CHANNEL.eq("push"), MAIL_OUTBOX.MEMBER_ID.eq(p.asker().memberId())).fetch();
        assertThat(waiting).as("only the failed one waits, to be tried again").hasSize(1);
        assertThat(waiting.getFirst().value1()).isEqualTo(1);
        assertThat(waiting.getFirst().value2()).isGreaterThan(System.currentTimeMillis());
    }

    @Test
    void nothingIsPushedWhilePausedNorForAKindTurnedOffAndQuietHoursHoldIt() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        PushBrowser browser = turnedOn(asker, PUSH.endpoint("push", unique("tablet")));

        asker.submit("/me/notifications/pause", Map.of("for", "day"));
        reply(p, p.topicId(), "While paused");
        delivered();
        assertThat(PUSH.sentTo(browser.endpoint())).as("paused: nothing, and nothing kept for later").isEmpty();
        assertThat(waitingFor(p.asker().memberId())).isZero();
        asker.submit("/me/notifications/pause", Map.of());

        // replies off for devices (the box left unticked), mentions still on
        assertThat(asker.submit("/me/notifications/settings", Map.of("discreet", "true", "push.MENTION", "on")).text())
                .contains("Your choices are saved.");
        assertThat(asker.get("/me/notifications/settings").document().select("input[name=push.REPLY]").hasAttr("checked")).isFalse();
        reply(p, topic(p.slug(), p.asker()), "Replies are not pushed now");
        delivered();
        assertThat(PUSH.sentTo(browser.endpoint())).as("a kind turned off for devices").isEmpty();

        // quiet from an hour ago until an hour from now, in UTC (the member chose no time zone)
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        String from = now.minusHours(1).withSecond(0).withNano(0).toString();
        String until = now.plusHours(1).withSecond(0).withNano(0).toString();
        asker.submit("/me/notifications/settings", Map.of("discreet", "true", "push.REPLY", "on", "quietFrom", from, "quietUntil", until));
        reply(p, topic(p.slug(), p.asker()), "During quiet hours");
        delivered();
        assertThat(PUSH.sentTo(browser.endpoint())).as("not during quiet hours").isEmpty();
        assertThat(db.select(MAIL_OUTBOX.NOT_BEFORE).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.CHANNEL.eq("push"), MAIL_OUTBOX.MEMBER_ID.eq(p.asker().memberId())).fetch(MAIL_OUTBOX.NOT_BEFORE))
                .as("waiting until they end").singleElement().satisfies(at -> assertThat(at).isGreaterThan(System.currentTimeMillis()));
    }

    @Test
    void withDiscretionOffTheDeviceShowsTheKindAndCommunityButNeverWordsOrTitles() throws Exception {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        PushBrowser browser = turnedOn(asker, PUSH.endpoint("push", unique("laptop")));
        asker.submit("/me/notifications/settings", Map.of("discreet", "false", "push.REPLY", "on"));
        reply(p, p.topicId(), "Words of the reply");
        delivered();
        String body = JSON.readTree(browser.decrypt(PUSH.sentTo(browser.endpoint()).getFirst().body())).get("body").asString();
        assertThat(body).isEqualTo("A new reply in Community " + p.slug()).doesNotContain("Liver").doesNotContain("Words");
    }

    @Test
    void aBrowserNotifiesTheLastMemberWhoTurnedItOnAndOnlyItsMemberTurnsItOff() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        PushBrowser shared = turnedOn(asker, PUSH.endpoint("push", unique("shared")));
        String id = asker.get("/me/notifications/settings").document().select(".push-browsers input[name=browser]").attr("value");

        Visitor writer = signedIn(p.writer());
        writer.get("/me/notifications/settings");
        assertThat(writer.submit("/me/notifications/push/stop", Map.of("browser", id)).text())
                .contains("Notifications were already off for that browser.");
        assertThat(asker.get("/me/notifications/settings").document().select(".push-browsers li")).as("not theirs to stop").hasSize(1);

        // the same browser, another member signed in on it now, turns it on: it is theirs alone
        writer.get("/me/notifications/settings");
        assertThat(writer.submit("/me/notifications/push", Map.of("endpoint", shared.endpoint(), "p256dh", shared.p256dh(),
                "auth", shared.auth())).text()).contains("Notifications are on for");
        assertThat(asker.get("/me/notifications/settings").text()).contains("No browser is notified.");
        reply(p, p.topicId(), "The asker is not told on the shared browser");
        delivered();
        assertThat(PUSH.sentTo(shared.endpoint())).isEmpty();

        // its member stops it, from the browser itself (by its address)
        assertThat(writer.submit("/me/notifications/push/stop", Map.of("endpoint", shared.endpoint())).text())
                .contains("Notifications are off for that browser.");
        assertThat(writer.get("/me/notifications/settings").text()).contains("No browser is notified.");
    }
}
