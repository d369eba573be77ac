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

/** A member chooses, kind by kind, whether e-mail tells them at once, and whether it is discreet. */
@Service
public class ChooseEmails {

    /**
     * @param choices a choice for some kinds; the others keep theirs
     * @param discreet whether mail names nothing but the kind of thing that is new
     */
    public record Input(Viewer member, Map<NotificationKind, EmailChoice> choices, boolean discreet) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member chooses");
            choices = Map.copyOf(choices);
        }
    }

    public sealed interface Outcome {
        record Saved() implements Outcome {
        }
    }

    /** What a member chose, each kind with its default where they chose nothing. */
    public record Chosen(Map<NotificationKind, EmailChoice> choices, boolean discreet, boolean hasVerifiedAddress) {
    }

    private final DSLContext db;
    private final org.hearth.identity.Members members;

    ChooseEmails(DSLContext db, org.hearth.identity.Members members) {
        this.db = db;
        this.members = members;
    }

    @Transactional
    public Outcome run(Input input) {
        String memberId = input.member().memberId();
        input.choices().forEach((kind, choice) -> choose(db, memberId, kind, choice));
        db.insertInto(NOTIFICATION_SETTINGS).set(NOTIFICATION_SETTINGS.MEMBER_ID, memberId).set(NOTIFICATION_SETTINGS.DISCREET, input.discreet())
                .onConflict(NOTIFICATION_SETTINGS.MEMBER_ID).doUpdate().set(NOTIFICATION_SETTINGS.DISCREET, input.discreet()).execute();
        return new Outcome.Saved();
    }

    public Chosen of(Viewer member) {
        Map<NotificationKind, EmailChoice> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, kind.emailByDefault());
        }
        db.select(NOTIFICATION_CHOICES.KIND, NOTIFICATION_CHOICES.EMAIL).from(NOTIFICATION_CHOICES)
                .where(NOTIFICATION_CHOICES.MEMBER_ID.eq(member.memberId()))
                .forEach(r -> choices.put(NotificationKind.valueOf(r.value1()), EmailChoice.valueOf(r.value2())));
        Boolean discreet = db.select(NOTIFICATION_SETTINGS.DISCREET).from(NOTIFICATION_SETTINGS)
                .where(NOTIFICATION_SETTINGS.MEMBER_ID.eq(member.memberId())).fetchOne(NOTIFICATION_SETTINGS.DISCREET);
        return new Chosen(choices, discreet == null || discreet,
                !members.verifiedEmails(java.util.Set.of(member.memberId())).isEmpty());
    }

    static void choose(DSLContext db, String memberId, NotificationKind kind, EmailChoice choice) {
        db.insertInto(NOTIFICATION_CHOICES).set(NOTIFICATION_CHOICES.MEMBER_ID, memberId).set(NOTIFICATION_CHOICES.KIND, kind.name())
                .set(NOTIFICATION_CHOICES.EMAIL, choice.name())
                .onConflict(NOTIFICATION_CHOICES.MEMBER_ID, NOTIFICATION_CHOICES.KIND).doUpdate()
                .set(NOTIFICATION_CHOICES.EMAIL, choice.name()).execute();
    }
}
