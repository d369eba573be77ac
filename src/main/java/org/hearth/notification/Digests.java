package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES;
import static org.hearth.notification.schema.Tables.NOTIFICATION_SETTINGS;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.identity.Members;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.PublicAddress;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily and weekly digests: at 07:00 in the member's time zone (UTC when they chose none), every
 * day or on Mondays, one message gathers what is still unread of the kinds they chose so, that
 * came since the last one, grouped by community and topic. It is assembled from the
 * notifications as the page shows them at that moment (a community left, a post hidden or
 * deleted since is not in it) and queued in the same transaction that records it as sent, so
 * each digest goes out once, also with several nodes. The subject and the first lines (what a
 * lock screen shows) name nothing; the list below names communities and topics when discretion
 * is off, and only kinds and counts when it is on. Paused members get none, and nothing is kept
 * for later.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    static final LocalTime AT = LocalTime.of(7, 0);

    private final DSLContext db;
    private final Clock clock;
    private final Members members;
    private final Notifications notifications;
    private final Outbox outbox;
    private final PublicAddress address;
    private final TransactionTemplate transactions;
    private final NotificationMail mail;

    Digests(DSLContext db, Clock clock, Members members, Notifications notifications, Outbox outbox, PublicAddress address,
            PlatformTransactionManager transactionManager, NotificationMail mail) {
        this.mail = mail;
        this.db = db;
        this.clock = clock;
        this.members = members;
        this.notifications = notifications;
        this.outbox = outbox;
        this.address = address;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every few minutes: the members whose digest time has come since their last one. */
    @Scheduled(fixedDelayString = "${hearth.notifications.digest-interval:5m}", initialDelayString = "${hearth.notifications.digest-interval:5m}")
    void sendDue() {
        try {
            for (EmailChoice digest : List.of(EmailChoice.DAILY, EmailChoice.WEEKLY)) {
                var last = digest == EmailChoice.DAILY ? NOTIFICATION_SETTINGS.DAILY_DIGEST_AT : NOTIFICATION_SETTINGS.WEEKLY_DIGEST_AT;
                // who chose this digest, with when they last had it, in one query: a round in which nothing is due is one read
                Map<String, Long> candidates = new java.util.HashMap<>();
                db.selectDistinct(NOTIFICATION_CHOICES.MEMBER_ID, last).from(NOTIFICATION_CHOICES)
                        .leftJoin(NOTIFICATION_SETTINGS).on(NOTIFICATION_SETTINGS.MEMBER_ID.eq(NOTIFICATION_CHOICES.MEMBER_ID))
                        .where(NOTIFICATION_CHOICES.EMAIL.eq(digest.name()))
                        .forEach(r -> candidates.put(r.value1(), r.value2()));
                Map<String, ZoneId> zones = members.timeZones(candidates.keySet());
                Instant now = Instant.ofEpochMilli(clock.millis());
                candidates.forEach((memberId, sent) -> {
                    ZoneId zone = zones.getOrDefault(memberId, ZoneOffset.UTC);
                    if (sent == null || sent < lastDue(now, zone, digest).toEpochMilli()) {
                        transactions.executeWithoutResult(status -> send(memberId, digest, zone));
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Digests could not be assembled this round: {}", e.getClass().getSimpleName());
        }
    }

    /** The latest digest time at or before {@code now}: today's (or this Monday's) 07:00, or the one before. */
    static Instant lastDue(Instant now, ZoneId zone, EmailChoice digest) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime due = local.toLocalDate().atTime(AT).atZone(zone);
        if (digest == EmailChoice.WEEKLY) {
            due = due.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (due.isAfter(local)) {
            due = digest == EmailChoice.WEEKLY ? due.minusWeeks(1) : due.minusDays(1);
        }
        return due.toInstant();
    }

    /** One member's digest, if due: claimed by moving its time forward, so two nodes never both send it. */
    void send(String memberId, EmailChoice digest, ZoneId zone) {
        long now = clock.millis();
        long due = lastDue(Instant.ofEpochMilli(now), zone, digest).toEpochMilli();
        var column = digest == EmailChoice.DAILY ? NOTIFICATION_SETTINGS.DAILY_DIGEST_AT : NOTIFICATION_SETTINGS.WEEKLY_DIGEST_AT;
        var settings = db.select(column, NOTIFICATION_SETTINGS.DISCREET, NOTIFICATION_SETTINGS.PAUSED_UNTIL).from(NOTIFICATION_SETTINGS)
                .where(NOTIFICATION_SETTINGS.MEMBER_ID.eq(memberId)).fetchOne();
        Long last = settings == null ? null : settings.value1();
        if (last != null && last >= due) {
            return; // sent meanwhile, by another node
        }
        if (settings == null) {
            db.insertInto(NOTIFICATION_SETTINGS).set(NOTIFICATION_SETTINGS.MEMBER_ID, memberId).onConflictDoNothing().execute();
        }
        int claimed = db.update(NOTIFICATION_SETTINGS).set(column, now)
                .where(NOTIFICATION_SETTINGS.MEMBER_ID.eq(memberId), last == null ? column.isNull() : column.eq(last)).execute();
        if (claimed == 0 || (settings != null && settings.value3() != null && settings.value3() > now)) {
            return; // another node has it, or the member paused: nothing is kept for later
        }
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        db.select(NOTIFICATION_CHOICES.KIND).from(NOTIFICATION_CHOICES)
                .where(NOTIFICATION_CHOICES.MEMBER_ID.eq(memberId), NOTIFICATION_CHOICES.EMAIL.eq(digest.name()))
                .forEach(r -> kinds.add(NotificationKind.valueOf(r.value1())));
        String email = members.verifiedEmails(Set.of(memberId)).get(memberId);
        // the first digest gathers the last period only
        long since = last != null ? last : due - (digest == EmailChoice.DAILY ? 86_400_000L : 7 * 86_400_000L);
        List<Notifications.Group> groups = notifications.unreadSince(new Viewer(memberId, "", false), kinds, since);
        if (email == null || groups.isEmpty()) {
            return;
        }
        boolean discreet = settings == null || !Boolean.FALSE.equals(settings.value2());
        int count = groups.stream().mapToInt(g -> g.items().size()).sum();
        String what = count == 1 ? "1 new notification" : count + " new notifications";
        StringBuilder body = new StringBuilder("You have ").append(what).append(" on Hearth.\n\n")
                .append("Read them: ").append(address.of("/me/notifications")).append("\n\n");
        for (Notifications.Group group : groups) {
            body.append(discreet ? "" : heading(group));
            for (Notifications.Item item : group.items()) {
                body.append("- ").append(item.kind().words(item.howMany())).append('\n');
            }
            body.append('\n');
        }
        String unsubscribe = mail.unsubscribeAddress(memberId, digest);
        body.append("You get this ").append(digest == EmailChoice.DAILY ? "daily" : "weekly")
                .append(" digest because you chose it for some kinds of notification.\n")
                .append("Stop this digest: ").append(unsubscribe).append('\n')
                .append("Choose what you hear of, and how: ").append(address.of("/me/notifications/settings")).append('\n');
        outbox.queue(email, "You have " + what + " on Hearth", body.toString(), memberId, unsubscribe);
    }

    private static String heading(Notifications.Group group) {
        return group.placeName() == null ? group.title() + "\n" : group.placeName() + ": " + group.title() + "\n";
    }
}
