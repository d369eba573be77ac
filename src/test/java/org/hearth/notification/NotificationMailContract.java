package org.hearth.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.TestSmtp;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications by e-mail through the real SMTP path (GreenMail, in process): discreet by
 * default, once per unread notification, and a one-click unsubscribe (RFC 8058) that needs no
 * signing in and stops its own kind only.
 */
abstract class NotificationMailContract extends HearthTest {

    static final GreenMail SMTP = TestSmtp.start();
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.register(registry, SMTP);
    }

    @Autowired
    FanOut fanOut;

    @Autowired
    FollowTopic followTopic;

    @Autowired
    org.hearth.platform.mail.Outbox outbox;

    record Place(String slug, Viewer asker, Viewer writer, String topicId, String address) {
    }

    /** A members-only community whose name and condition the mail must never carry; the asker has a confirmed address. */
    Place place() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer asker = account(unique("asker"));
        Viewer writer = account(unique("writer"));
        join(slug, asker);
        join(slug, writer);
        String address = asker.handle().toLowerCase() + "@example.org";
        members.setEmail(asker.memberId(), address);
        assertThat(members.markVerified(asker.memberId(), address)).isTrue();
        String topic = started(access(slug, asker), asker, new Draft(TopicKind.QUESTION, "Liver numbers after biopsy", "Scared.", null, false));
        return new Place(slug, asker, writer, topic, address);
    }

    void reply(Place p, String body) {
        replied(access(p.slug(), p.writer()), p.writer(), p.topicId(), new Draft(null, null, body, null, false));
    }

    /** Everything told and every mail that is due handed to the SMTP server. */
    void delivered() {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            fanOut.tellWaiting();
            outbox.deliver();
            // what waits for someone's quiet hours to end is not due yet
            var due = org.hearth.platform.schema.Tables.MAIL_OUTBOX;
            if (db.fetchCount(due, due.SENT_AT.isNull(), due.NOT_BEFORE.isNull().or(due.NOT_BEFORE.le(System.currentTimeMillis()))) == 0) {
                return;
            }
            SMTP.waitForIncomingEmail(100, 1);
        }
        throw new AssertionError("mail still waiting after " + WAIT);
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyFollowerIsMailedWhenOneReplyStartsTheirNotifications() {
        Place p = place();
        List<String> addresses = new java.util.ArrayList<>(List.of(p.address()));
        for (int i = 0; i < 4; i++) {
            Viewer follower = account(unique("follower"));
            join(p.slug(), follower);
            String address = follower.handle().toLowerCase() + "@example.org";
            members.setEmail(follower.memberId(), address);
            assertThat(members.markVerified(follower.memberId(), address)).isTrue();
            assertThat(followTopic.run(new FollowTopic.Input(access(p.slug(), follower), follower, p.topicId(), true)))
                    .isInstanceOf(FollowTopic.Outcome.Following.class);
            addresses.add(address);
        }
        reply(p, "One answer for all of you");
        delivered();
        for (String address : addresses) {
            assertThat(mailsTo(address)).as("every follower, not one per statement").hasSize(1);
        }
    }

    @Test
    void aDiscreetMailSaysOnlyThatSomethingIsNewOncePerUnreadNotification() {
        Place p = place();
        reply(p, "My ALT was 300 too, biopsy was fine");
        delivered();
        reply(p, "And another thought on the biopsy");
        delivered();
        List<MimeMessage> mails = mailsTo(p.address());
        assertThat(mails).as("one mail for one unread notification, however many replies join it").hasSize(1);
        MimeMessage mail = mails.getFirst();
        String subject = subject(mail);
        String body = GreenMailUtil.getBody(mail);
        assertThat(subject).isEqualTo("A new reply on Hearth");
        for (String secret : List.of(p.slug(), "Community", "Condition", "Liver", "biopsy", "ALT", p.writer().handle())) {
            assertThat(subject).as("the subject names nothing").doesNotContainIgnoringCase(secret);
            assertThat(body).as("nor does the text").doesNotContainIgnoringCase(secret);
        }
        assertThat(header(mail, "List-Unsubscribe")).matches("<http://[^>]+/unsubscribe/" + p.asker().memberId() + "/[A-Za-z0-9_-]+>");
        assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void oneClickStopsItsKindOnlyWithoutSigningInAndATamperedAddressStopsNothing() {
        Place p = place();
        reply(p, "First");
        delivered();
        String unsubscribe = header(mailsTo(p.address()).getFirst(), "List-Unsubscribe");
        String path = unsubscribe.substring(unsubscribe.indexOf("/unsubscribe/"), unsubscribe.length() - 1);

        Visitor stranger = visitor();
        assertThat(stranger.postRaw(path.substring(0, path.length() - 4) + "AAAA", Map.of("List-Unsubscribe", "One-Click")).status())
                .as("an altered address").isEqualTo(404);
        assertThat(stranger.get(path).text()).contains("Stop e-mails about \"New replies\"?");
        var stopped = stranger.postRaw(path, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(stopped.status()).as("a mail program's one-click POST, no session, no form token").isEqualTo(200);
        assertThat(stopped.text()).contains("You will get no more e-mails about \"New replies\"");

        signedIn(p.asker()).submit("/me/notifications/read", Map.of());
        reply(p, "Second, after unsubscribing");
        replied(access(p.slug(), p.writer()), p.writer(), p.topicId(),
                new Draft(null, null, "Hello @" + p.asker().handle(), null, false));
        delivered();
        assertThat(mailsTo(p.address()).stream().map(NotificationMailContract::subject))
                .as("no more replies by mail; a mention, another kind, still comes")
                .containsExactly("A new reply on Hearth", "You were mentioned on Hearth");
    }

    @Autowired
    org.jooq.DSLContext db;

    @Test
    void aPauseSendsNothingNorKeepsAnythingForLaterAndQuietHoursHoldMailUntilTheyEnd() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        asker.get("/me/notifications/settings");
        assertThat(asker.submit("/me/notifications/pause", Map.of("for", "day")).text()).contains("Notifications are paused")
                .contains("Resume now");
        reply(p, "While paused");
        delivered();
        assertThat(mailsTo(p.address())).isEmpty();
        assertThat(db.fetchCount(org.hearth.platform.schema.Tables.MAIL_OUTBOX,
                org.hearth.platform.schema.Tables.MAIL_OUTBOX.RECIPIENT.eq(p.address()))).as("nothing kept to come later").isZero();
        assertThat(signedIn(p.asker()).get("/me/notifications").text()).as("the page has it").contains("A new reply");

        assertThat(asker.submit("/me/notifications/pause", Map.of()).text()).contains("Notifications are on again.");
        asker.submit("/me/notifications/read", Map.of());
        // quiet from an hour ago until an hour from now, in UTC (the member chose no time zone)
        var now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        String from = now.minusHours(1).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        String until = now.plusHours(1).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        asker.get("/me/notifications/settings");
        assertThat(asker.submit("/me/notifications/settings", Map.of("discreet", "true", "quietFrom", from, "quietUntil", until)).text())
                .contains("Your choices are saved.");
        reply(p, "During quiet hours");
        told();
        outbox.deliver();
        var waiting = db.select(org.hearth.platform.schema.Tables.MAIL_OUTBOX.NOT_BEFORE).from(org.hearth.platform.schema.Tables.MAIL_OUTBOX)
                .where(org.hearth.platform.schema.Tables.MAIL_OUTBOX.RECIPIENT.eq(p.address())).fetch(org.hearth.platform.schema.Tables.MAIL_OUTBOX.NOT_BEFORE);
        assertThat(waiting).as("queued, to be sent when quiet hours end").hasSize(1);
        assertThat(waiting.getFirst()).isBetween(System.currentTimeMillis() + 55 * 60_000L, System.currentTimeMillis() + 61 * 60_000L);
        assertThat(mailsTo(p.address())).as("not sent during quiet hours").isEmpty();
    }

    void told() {
        long until = System.nanoTime() + WAIT.toNanos();
        do {
            fanOut.tellWaiting();
        } while (db.fetchCount(org.hearth.notification.schema.Tables.NOTIFICATION_EVENTS) > 0 && System.nanoTime() < until);
    }

    @Autowired
    Digests digests;

    @Test
    void aDailyDigestGathersWhatIsUnreadByCommunityAndTopicOnceAndNothingFromACommunityLeft() {
        Place p = place();
        Viewer owner = account(unique("owner"));
        String left = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        join(left, p.asker());
        String leftTopic = started(access(left, p.asker()), p.asker(), new Draft(TopicKind.QUESTION, "Left behind", "x", null, false));
        join(left, p.writer());
        Visitor asker = signedIn(p.asker());
        asker.get("/me/notifications/settings");
        assertThat(asker.submit("/me/notifications/settings", Map.of("discreet", "false", "email.REPLY", "DAILY")).text())
                .contains("Your choices are saved.");
        reply(p, "Two words");
        reply(p, "And more");
        replied(access(left, p.writer()), p.writer(), leftTopic, new Draft(null, null, "In the other one", null, false));
        told();
        assertThat(leave.run(new org.hearth.community.LeaveCommunity.Input(left, p.asker())))
                .isInstanceOf(org.hearth.community.LeaveCommunity.Outcome.Left.class);

        // the schedule's round, twice: the second finds nothing due
        digests.sendDue();
        digests.sendDue();
        delivered();
        List<MimeMessage> mails = mailsTo(p.address());
        assertThat(mails).as("no mail at once for a kind in the digest, and one digest however often it is asked").hasSize(1);
        MimeMessage digest = mails.getFirst();
        assertThat(subject(digest)).isEqualTo("You have 1 new notification on Hearth");
        String body = GreenMailUtil.getBody(digest);
        assertThat(body.lines().limit(3).toList().toString()).as("what a lock screen shows names nothing")
                .doesNotContain(p.slug()).doesNotContain("Liver");
        assertThat(body).contains("Community " + p.slug() + ": Liver numbers after biopsy").contains("- 2 new replies")
                .as("a community left is not in it").doesNotContain(left).doesNotContain("Left behind");
        assertThat(header(digest, "List-Unsubscribe")).contains("/unsubscribe/" + p.asker().memberId() + "/");
        String path = header(digest, "List-Unsubscribe").substring(header(digest, "List-Unsubscribe").indexOf("/unsubscribe/"),
                header(digest, "List-Unsubscribe").length() - 1);
        assertThat(visitor().postRaw(path, Map.of("List-Unsubscribe", "One-Click")).text()).contains("You will get no more daily digests");
    }

    @Autowired
    org.hearth.community.LeaveCommunity leave;

    @Test
    void aDiscreetDigestCountsKindsAndNamesNoCommunityNorTopic() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        asker.get("/me/notifications/settings");
        asker.submit("/me/notifications/settings", Map.of("discreet", "true", "email.REPLY", "WEEKLY"));
        reply(p, "Weekly words");
        told();
        digests.send(p.asker().memberId(), EmailChoice.WEEKLY, java.time.ZoneOffset.UTC);
        delivered();
        String body = GreenMailUtil.getBody(mailsTo(p.address()).getFirst());
        assertThat(body).contains("- A new reply").doesNotContain(p.slug()).doesNotContain("Liver").doesNotContain("Weekly words");
    }

    @Test
    void digestsAreDueAtSevenInTheMembersZoneDailyOrOnMondays() {
        var zone = java.time.ZoneId.of("Europe/Amsterdam");
        // Wednesday 3 December 2026, 06:30 in Amsterdam: today's 07:00 has not come, so yesterday's is the last
        var beforeSeven = java.time.ZonedDateTime.of(2026, 12, 3, 6, 30, 0, 0, zone).toInstant();
        assertThat(Digests.lastDue(beforeSeven, zone, EmailChoice.DAILY))
                .isEqualTo(java.time.ZonedDateTime.of(2026, 12, 2, 7, 0, 0, 0, zone).toInstant());
        assertThat(Digests.lastDue(beforeSeven, zone, EmailChoice.WEEKLY)).as("the Monday before")
                .isEqualTo(java.time.ZonedDateTime.of(2026, 11, 30, 7, 0, 0, 0, zone).toInstant());
        var mondayEarly = java.time.ZonedDateTime.of(2026, 11, 30, 6, 0, 0, 0, zone).toInstant();
        assertThat(Digests.lastDue(mondayEarly, zone, EmailChoice.WEEKLY)).as("before seven on a Monday: the Monday before")
                .isEqualTo(java.time.ZonedDateTime.of(2026, 11, 23, 7, 0, 0, 0, zone).toInstant());
    }

    @Test
    void quietHoursThatCannotBeReadAreRefusedInWordsAndWhatWasTypedIsKept() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        asker.get("/me/notifications/settings");
        var refused = asker.post("/me/notifications/settings", Map.of("discreet", "false", "quietFrom", "22:00", "quietUntil", "half past"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#quiet-problem").text()).contains("Give both times of quiet hours");
        assertThat(refused.document().select("#quiet-from").attr("value")).isEqualTo("22:00");
        assertThat(refused.document().select("#quiet-until").attr("value")).isEqualTo("half past");
        assertThat(refused.document().select("input[name=discreet][value=false]").hasAttr("checked")).as("the other choices kept too").isTrue();
        var same = asker.post("/me/notifications/settings", Map.of("discreet", "true", "quietFrom", "22:00", "quietUntil", "22:00"));
        assertThat(same.document().select("#quiet-problem").text()).contains("same time");
        assertThat(asker.get("/me/notifications/settings").document().select("#quiet-from").attr("value")).as("nothing saved").isEmpty();
    }

    @Test
    void aMemberWhoTurnedDiscretionOffSeesTheCommunitysNameAndNoMoreAndNoAddressGetsNoMail() {
        Place p = place();
        Visitor asker = signedIn(p.asker());
        asker.get("/me/notifications/settings");
        assertThat(asker.submit("/me/notifications/settings", Map.of("discreet", "false", "email.REPLY", "AT_ONCE")).text())
                .contains("Your choices are saved.");
        reply(p, "Words of the reply");
        Viewer unconfirmed = account(unique("noaddress"));
        join(p.slug(), unconfirmed);
        members.setEmail(unconfirmed.memberId(), unconfirmed.handle().toLowerCase() + "@example.org");
        replied(access(p.slug(), unconfirmed), unconfirmed, p.topicId(), new Draft(null, null, "I follow now", null, false));
        reply(p, "Hello both");
        delivered();
        String subject = subject(mailsTo(p.address()).getFirst());
        assertThat(subject).isEqualTo("A new reply in Community " + p.slug() + " on Hearth").doesNotContain("Liver").doesNotContain("Words");
        assertThat(mailsTo(unconfirmed.handle().toLowerCase() + "@example.org")).as("an address not confirmed gets nothing").isEmpty();
    }
}
