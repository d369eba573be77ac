package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES;
import static org.hearth.notification.schema.Tables.NOTIFICATION_SETTINGS;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member chooses, kind by kind, whether e-mail tells them at once (or in a digest, or never)
 * and whether push tells them on the browsers they turned it on for; whether both are discreet;
 * and their quiet hours.
 */
@Service
public class ChooseEmails {

    /**
     * @param choices a choice for some kinds; the others keep theirs
     * @param discreet whether mail names nothing but the kind of thing that is new
     * @param quietFrom when quiet hours begin, as typed ("22:00"), or blank for none
     * @param quietUntil when they end, as typed, or blank for none
     */
    public record Input(Viewer member, Map<NotificationKind, EmailChoice> choices, Map<NotificationKind, Boolean> push, boolean discreet,
            String quietFrom, String quietUntil) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member chooses");
            choices = Map.copyOf(choices);
            push = Map.copyOf(push);
        }

        public Input(Viewer member, Map<NotificationKind, EmailChoice> choices, boolean discreet, String quietFrom, String quietUntil) {
            this(member, choices, Map.of(), discreet, quietFrom, quietUntil);
        }

        public Input(Viewer member, Map<NotificationKind, EmailChoice> choices, boolean discreet) {
            this(member, choices, Map.of(), discreet, "", "");
        }
    }

    public sealed interface Outcome {
        record Saved() implements Outcome {
        }

        /** Quiet hours need two different times of day, or none: nothing was saved; {@code why} in words. */
        record QuietHoursNotUnderstood(String why) implements Outcome {
        }
    }

    /**
     * What a member chose, each kind with its default where they chose nothing; quiet hours as
     * "HH:MM" (blank for none), and until when notifications are paused (null: they are not).
     */
    public record Chosen(Map<NotificationKind, EmailChoice> choices, Map<NotificationKind, Boolean> push, boolean discreet, boolean hasVerifiedAddress, String quietFrom,
            String quietUntil, Long pausedUntil) {
    }

    private final DSLContext db;
    private final org.hearth.identity.Members members;
    private final java.time.Clock clock;

    ChooseEmails(DSLContext db, org.hearth.identity.Members members, java.time.Clock clock) {
        this.clock = clock;
        this.db = db;
        this.members = members;
    }

    @Transactional
    public Outcome run(Input input) {
        boolean none = blank(input.quietFrom()) && blank(input.quietUntil());
        var from = QuietHours.minuteOf(input.quietFrom());
        var until = QuietHours.minuteOf(input.quietUntil());
        if (!none && (from.isEmpty() || until.isEmpty())) {
            return new Outcome.QuietHoursNotUnderstood("Give both times of quiet hours as hours and minutes, such as 22:00 and 07:00,"
                    + " or leave both empty for none.");
        }
        if (!none && from.get().equals(until.get())) {
            return new Outcome.QuietHoursNotUnderstood("Quiet hours begin and end at the same time: give two different times.");
        }
        String memberId = input.member().memberId();
        input.choices().forEach((kind, choice) -> choose(db, memberId, kind, choice));
        input.push().forEach((kind, wanted) -> {
            if (kind.pushChosenHere()) {
                db.insertInto(NOTIFICATION_CHOICES).set(NOTIFICATION_CHOICES.MEMBER_ID, memberId).set(NOTIFICATION_CHOICES.KIND, kind.name())
                        .set(NOTIFICATION_CHOICES.EMAIL, kind.emailByDefault().name()).set(NOTIFICATION_CHOICES.PUSH, wanted)
                        .onConflict(NOTIFICATION_CHOICES.MEMBER_ID, NOTIFICATION_CHOICES.KIND).doUpdate()
                        .set(NOTIFICATION_CHOICES.PUSH, wanted).execute();
            }
        });
        Integer quietFrom = none ? null : from.get();
        Integer quietUntil = none ? null : until.get();
        db.insertInto(NOTIFICATION_SETTINGS).set(NOTIFICATION_SETTINGS.MEMBER_ID, memberId).set(NOTIFICATION_SETTINGS.DISCREET, input.discreet())
                .set(NOTIFICATION_SETTINGS.QUIET_FROM, quietFrom).set(NOTIFICATION_SETTINGS.QUIET_UNTIL, quietUntil)
                .onConflict(NOTIFICATION_SETTINGS.MEMBER_ID).doUpdate().set(NOTIFICATION_SETTINGS.DISCREET, input.discreet())
                .set(NOTIFICATION_SETTINGS.QUIET_FROM, quietFrom).set(NOTIFICATION_SETTINGS.QUIET_UNTIL, quietUntil).execute();
        return new Outcome.Saved();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public Chosen of(Viewer member) {
        Map<NotificationKind, EmailChoice> choices = new EnumMap<>(NotificationKind.class);
        Map<NotificationKind, Boolean> push = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, kind.emailByDefault());
            push.put(kind, kind.pushByDefault());
        }
        db.select(NOTIFICATION_CHOICES.KIND, NOTIFICATION_CHOICES.EMAIL, NOTIFICATION_CHOICES.PUSH).from(NOTIFICATION_CHOICES)
                .where(NOTIFICATION_CHOICES.MEMBER_ID.eq(member.memberId()))
                .forEach(r -> {
                    NotificationKind kind = NotificationKind.valueOf(r.value1());
                    choices.put(kind, EmailChoice.valueOf(r.value2()));
                    if (r.value3() != null) {
                        push.put(kind, r.value3());
                    }
                });
        var settings = db.select(NOTIFICATION_SETTINGS.DISCREET, NOTIFICATION_SETTINGS.QUIET_FROM, NOTIFICATION_SETTINGS.QUIET_UNTIL,
                        NOTIFICATION_SETTINGS.PAUSED_UNTIL).from(NOTIFICATION_SETTINGS)
                .where(NOTIFICATION_SETTINGS.MEMBER_ID.eq(member.memberId())).fetchOne();
        boolean hasAddress = !members.verifiedEmails(java.util.Set.of(member.memberId())).isEmpty();
        if (settings == null) {
            return new Chosen(choices, push, true, hasAddress, "", "", null);
        }
        Long paused = settings.value4() != null && settings.value4() > clock.millis() ? settings.value4() : null;
        return new Chosen(choices, push, !Boolean.FALSE.equals(settings.value1()), hasAddress, QuietHours.typed(settings.value2()),
                QuietHours.typed(settings.value3()), paused);
    }

    static void choose(DSLContext db, String memberId, NotificationKind kind, EmailChoice choice) {
        db.insertInto(NOTIFICATION_CHOICES).set(NOTIFICATION_CHOICES.MEMBER_ID, memberId).set(NOTIFICATION_CHOICES.KIND, kind.name())
                .set(NOTIFICATION_CHOICES.EMAIL, choice.name())
                .onConflict(NOTIFICATION_CHOICES.MEMBER_ID, NOTIFICATION_CHOICES.KIND).doUpdate()
                .set(NOTIFICATION_CHOICES.EMAIL, choice.name()).execute();
    }
}
