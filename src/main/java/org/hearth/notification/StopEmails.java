package org.hearth.notification;

import java.util.Objects;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * One click in a notification's e-mail stops e-mails of its kind, without signing in: the
 * address itself proves which member and which kind (see {@link NotificationMail}). Other kinds,
 * and the notifications page, stay as they were.
 */
@Service
public class StopEmails {

    public record Input(String memberId, String token) {
        public Input {
            Objects.requireNonNull(memberId);
        }
    }

    public sealed interface Outcome {
        /** E-mails of this kind stop (also when they had stopped already: the same click twice). */
        record Stopped(NotificationKind kind) implements Outcome {
        }

        /** This digest stops: every kind that came in it is e-mailed no more. */
        record DigestStopped(EmailChoice digest) implements Outcome {
        }

        /** The address was not made by this site for this member, or was altered: nothing changes. */
        record NotValid() implements Outcome {
        }
    }

    /** What the address stops, in words for the page that asks to confirm ("New replies", "daily digests"); empty when not valid. */
    public java.util.Optional<String> whatItStops(Input input) {
        return mail.stopsWhat(input.memberId(), input.token()).map(StopEmails::words);
    }

    public static String words(NotificationKind kind) {
        return "e-mails about \"" + kind.label() + "\"";
    }

    public static String words(EmailChoice digest) {
        return digest == EmailChoice.DAILY ? "daily digests" : "weekly digests";
    }

    private static String words(NotificationMail.Stops stops) {
        return switch (stops) {
            case NotificationMail.Stops.Kind(var kind) -> words(kind);
            case NotificationMail.Stops.Digest(var digest) -> words(digest);
        };
    }

    private final DSLContext db;
    private final NotificationMail mail;

    StopEmails(DSLContext db, NotificationMail mail) {
        this.db = db;
        this.mail = mail;
    }

    @org.springframework.transaction.annotation.Transactional
    public Outcome run(Input input) {
        var stops = mail.stopsWhat(input.memberId(), input.token());
        if (stops.isEmpty()) {
            return new Outcome.NotValid();
        }
        try {
            return switch (stops.get()) {
                case NotificationMail.Stops.Kind(var kind) -> {
                    ChooseEmails.choose(db, input.memberId(), kind, EmailChoice.NEVER);
                    yield new Outcome.Stopped(kind);
                }
                case NotificationMail.Stops.Digest(var digest) -> {
                    db.update(org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES)
                            .set(org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES.EMAIL, EmailChoice.NEVER.name())
                            .where(org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES.MEMBER_ID.eq(input.memberId()),
                                    org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES.EMAIL.eq(digest.name()))
                            .execute();
                    yield new Outcome.DigestStopped(digest);
                }
            };
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            return new Outcome.NotValid(); // the account was deleted since: nothing is sent to it anyway
        }
    }
}
