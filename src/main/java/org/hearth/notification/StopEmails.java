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

        /** The address was not made by this site for this member, or was altered: nothing changes. */
        record NotValid() implements Outcome {
        }
    }

    private final DSLContext db;
    private final NotificationMail mail;

    StopEmails(DSLContext db, NotificationMail mail) {
        this.db = db;
        this.mail = mail;
    }

    /** Which kind the address stops, for the page that asks to confirm; empty when it is not valid. */
    public java.util.Optional<NotificationKind> kindOf(Input input) {
        return mail.kindOf(input.memberId(), input.token());
    }

    public Outcome run(Input input) {
        return mail.kindOf(input.memberId(), input.token()).<Outcome>map(kind -> {
            try {
                ChooseEmails.choose(db, input.memberId(), kind, EmailChoice.NEVER);
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                return new Outcome.NotValid(); // the account was deleted since: nothing is sent to it anyway
            }
            return new Outcome.Stopped(kind);
        }).orElseGet(Outcome.NotValid::new);
    }
}
