package org.hearth.platform.mail;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.util.List;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Outgoing e-mail. {@link #queue} writes the message in the caller's transaction; a scheduled
 * delivery sends it over SMTP when a server is configured ({@code spring.mail.host}). Without
 * one, messages stay on the outbox page for site administrators. Logs name neither recipients
 * nor contents.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    static final Table<Record> OUTBOX = table(name("mail_outbox"));
    static final Field<String> ID = field(name("mail_outbox", "id"), String.class);
    static final Field<String> RECIPIENT = field(name("mail_outbox", "recipient"), String.class);
    static final Field<String> SUBJECT = field(name("mail_outbox", "subject"), String.class);
    static final Field<String> BODY = field(name("mail_outbox", "body"), String.class);
    static final Field<Long> CREATED = field(name("mail_outbox", "created_at"), Long.class);
    static final Field<Long> CLAIMED = field(name("mail_outbox", "claimed_at"), Long.class);
    static final Field<Long> SENT = field(name("mail_outbox", "sent_at"), Long.class);
    static final Field<Integer> ATTEMPTS = field(name("mail_outbox", "attempts"), Integer.class);

    /** A claim older than this is taken to belong to a node that stopped while sending. */
    private static final long CLAIM_MILLIS = 120_000;
    private static final int MAX_ATTEMPTS = 10;

    private final DSLContext db;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Clock clock;
    private final String from;

    Outbox(DSLContext db, ObjectProvider<JavaMailSender> smtp, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${hearth.mail.from:Hearth <no-reply@localhost>}") String from) {
        this.db = db;
        this.smtp = smtp;
        this.clock = clock;
        this.from = from;
    }

    /** A message as the outbox page shows it. */
    public record Message(String recipient, String subject, String body, long createdAt, Long sentAt) {
    }

    public void queue(String recipient, String subject, String body) {
        db.insertInto(OUTBOX).set(ID, RandomId.next()).set(RECIPIENT, recipient).set(SUBJECT, subject)
                .set(BODY, body).set(CREATED, clock.millis()).set(ATTEMPTS, 0).execute();
    }

    /** Forgets every message to this address: its owner deleted their account. */
    public void forget(String recipient) {
        db.deleteFrom(OUTBOX).where(RECIPIENT.equalIgnoreCase(recipient)).execute();
    }

    /** Whether mail leaves this server; when not, the outbox page is where it can be read. */
    public boolean delivers() {
        return smtp.getIfAvailable() != null;
    }

    /** The latest messages, newest first, for the outbox page. */
    public List<Message> latest(int count) {
        return db.select(RECIPIENT, SUBJECT, BODY, CREATED, SENT).from(OUTBOX).orderBy(CREATED.desc(), ID).limit(count)
                .fetch(r -> new Message(r.get(RECIPIENT), r.get(SUBJECT), r.get(BODY), r.get(CREATED), r.get(SENT)));
    }

    @Scheduled(fixedDelayString = "${hearth.mail.delivery-interval:5s}")
    public void deliver() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return;
        }
        long now = clock.millis();
        var waiting = db.select(ID, RECIPIENT, SUBJECT, BODY).from(OUTBOX)
                .where(SENT.isNull(), ATTEMPTS.lt(MAX_ATTEMPTS), CLAIMED.isNull().or(CLAIMED.lt(now - CLAIM_MILLIS)))
                .orderBy(CREATED).limit(50).fetch();
        for (var message : waiting) {
            String id = message.get(ID);
            // Claim first, so two nodes never send the same message.
            int claimed = db.update(OUTBOX).set(CLAIMED, now).set(ATTEMPTS, ATTEMPTS.plus(1))
                    .where(ID.eq(id), SENT.isNull(), CLAIMED.isNull().or(CLAIMED.lt(now - CLAIM_MILLIS))).execute();
            if (claimed == 0) {
                continue;
            }
            try {
                SimpleMailMessage mail = new SimpleMailMessage();
                mail.setFrom(from);
                mail.setTo(message.get(RECIPIENT));
                mail.setSubject(message.get(SUBJECT));
                mail.setText(message.get(BODY));
                sender.send(mail);
                db.update(OUTBOX).set(SENT, clock.millis()).where(ID.eq(id)).execute();
            } catch (RuntimeException e) {
                db.update(OUTBOX).set(CLAIMED, (Long) null).where(ID.eq(id)).execute();
                log.warn("Could not deliver mail {} yet: {}", id, e.getClass().getSimpleName());
            }
        }
    }
}
