package org.hearth.platform.mail;

import static org.hearth.platform.schema.Tables.MAIL_OUTBOX;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Outgoing e-mail, and web push beside it. {@link #queue} writes the message in the caller's
 * transaction; a scheduled delivery sends it over SMTP when a server is configured
 * ({@code spring.mail.host}) and then deletes it, so no link stays readable in the database once
 * mailed. Without a server, messages stay on the outbox page for site administrators. Items of
 * another channel ({@link #queueFor}) go out through that channel's {@link Courier}. What is
 * queued is delivered right after its transaction commits, on a thread of its own; the
 * scheduled round finds what that left (another node's, a failure's). A failed
 * delivery is tried again after 10 s, then after twice as long each time up to an hour, 30 times
 * at most. Logs name neither recipients nor contents.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** A claim older than this is taken to belong to a node that stopped while sending. */
    private static final long CLAIM_MILLIS = 120_000;
    /** With waits doubling up to an hour, about a day of trying. */
    private static final int MAX_ATTEMPTS = 30;
    private static final long LONGEST_WAIT_MILLIS = 3_600_000;

    private final DSLContext db;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Clock clock;
    /** The channel of e-mail, delivered over SMTP by the outbox itself. */
    public static final String MAIL = "mail";

    private final String from;
    private final java.util.Map<String, Courier> couriers;
    private final java.util.concurrent.ExecutorService work = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final java.util.concurrent.atomic.AtomicBoolean wanted = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.locks.ReentrantLock delivering = new java.util.concurrent.locks.ReentrantLock();

    Outbox(DSLContext db, ObjectProvider<JavaMailSender> smtp, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${hearth.mail.from:Hearth <no-reply@localhost>}") String from,
            List<Courier> couriers) {
        this.couriers = couriers.stream().collect(java.util.stream.Collectors.toMap(Courier::channel, c -> c));
        this.db = db;
        this.smtp = smtp;
        this.clock = clock;
        this.from = from;
    }

    /** A message as the outbox page shows it. */
    public record Message(String recipient, String subject, String body, long createdAt, Long sentAt) {
    }

    /**
     * Queues a message written for an account: {@code accountId} (opaque here) lets
     * {@link #forgetAccount} find it again, whichever address it went to.
     */
    public void queue(String recipient, String subject, String body, String accountId) {
        queue(recipient, subject, body, accountId, null);
    }

    /**
     * Queues a message that one click stops more of: {@code unsubscribe} is an address that
     * takes a POST without signing in (RFC 8058), sent as the {@code List-Unsubscribe} and
     * {@code List-Unsubscribe-Post} headers, so mail programs offer it beside the message.
     */
    public void queue(String recipient, String subject, String body, String accountId, String unsubscribe) {
        queue(recipient, subject, body, accountId, unsubscribe, null);
    }

    /** As {@link #queue(String, String, String, String, String)}, sent no earlier than {@code notBefore} (epoch millis; null: now). */
    public void queue(String recipient, String subject, String body, String accountId, String unsubscribe, Long notBefore) {
        queueAll(List.of(new Queued(MAIL, recipient, subject, body, accountId, unsubscribe, notBefore)));
    }

    /**
     * Queues an item for another channel's {@link Courier}, as durably as mail: {@code recipient}
     * is what that courier understands (for web push, a browser's subscription).
     */
    public void queueFor(String channel, String recipient, String subject, String body, String accountId, Long notBefore) {
        queueAll(List.of(new Queued(channel, recipient, subject, body, accountId, null, notBefore)));
    }

    /** One message or item to queue; {@code channel} is {@link #MAIL} or a {@link Courier}'s. */
    public record Queued(String channel, String recipient, String subject, String body, String accountId, String unsubscribe,
            Long notBefore) {
    }

    /** Queues many at once (a reply told to a thousand members): a hundred to a statement. */
    public void queueAll(List<Queued> messages) {
        if (messages.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (int from = 0; from < messages.size(); from += 100) {
            var insert = db.insertInto(MAIL_OUTBOX, MAIL_OUTBOX.ID, MAIL_OUTBOX.CHANNEL, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT,
                    MAIL_OUTBOX.BODY, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.MEMBER_ID, MAIL_OUTBOX.UNSUBSCRIBE,
                    MAIL_OUTBOX.NOT_BEFORE);
            for (Queued m : messages.subList(from, Math.min(messages.size(), from + 100))) {
                insert = insert.values(RandomId.next(), m.channel(), m.recipient(), m.subject(), m.body(), now, 0, m.accountId(),
                        m.unsubscribe(), m.notBefore());
            }
            insert.execute();
        }
        if (messages.stream().anyMatch(m -> m.notBefore() == null || m.notBefore() <= now)) {
            deliverAfterCommit();
        }
    }

    /** Something is due now: deliver it once the transaction that queued it has committed (many make one round). */
    private void deliverAfterCommit() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            soon();
                        }
                    });
        } else {
            soon();
        }
    }

    private void soon() {
        if (wanted.compareAndSet(false, true)) {
            try {
                work.execute(() -> {
                    try {
                        deliver();
                    } catch (RuntimeException e) {
                        log.warn("The outbox could not be delivered this time ({}); the next round tries again", e.getClass().getSimpleName());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wanted.set(false); // shutting down: the next start's round sends it
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        work.shutdown();
        work.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Forgets every item of a channel to this recipient (a browser that is gone). */
    public void forgetRecipient(String channel, String recipient) {
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.CHANNEL.eq(channel), MAIL_OUTBOX.RECIPIENT.eq(recipient)).execute();
    }

    /** Forgets every message written for this account: its owner deleted it. */
    public void forgetAccount(String accountId) {
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.MEMBER_ID.eq(accountId)).execute();
    }

    /** Forgets every message to this address: its owner deleted their account. */
    public void forget(String recipient) {
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.equalIgnoreCase(recipient)).execute();
    }

    /** Every message to this address still kept here, oldest first: its owner's download lists them. */
    public List<Message> addressedTo(String recipient) {
        return db.select(MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.SENT_AT).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.CHANNEL.eq(MAIL), MAIL_OUTBOX.RECIPIENT.equalIgnoreCase(recipient)).orderBy(MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ID)
                .fetch(r -> new Message(r.get(MAIL_OUTBOX.RECIPIENT), r.get(MAIL_OUTBOX.SUBJECT), r.get(MAIL_OUTBOX.BODY), r.get(MAIL_OUTBOX.CREATED_AT), r.get(MAIL_OUTBOX.SENT_AT)));
    }

    /** Whether mail leaves this server; when not, the outbox page is where it can be read. */
    public boolean delivers() {
        return smtp.getIfAvailable() != null;
    }

    /** The latest messages, newest first, for the outbox page. */
    public List<Message> latest(int count) {
        return db.select(MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.SENT_AT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.CHANNEL.eq(MAIL))
                .orderBy(MAIL_OUTBOX.CREATED_AT.desc(), MAIL_OUTBOX.ID).limit(count)
                .fetch(r -> new Message(r.get(MAIL_OUTBOX.RECIPIENT), r.get(MAIL_OUTBOX.SUBJECT), r.get(MAIL_OUTBOX.BODY), r.get(MAIL_OUTBOX.CREATED_AT), r.get(MAIL_OUTBOX.SENT_AT)));
    }

    private void send(JavaMailSender sender, String recipient, String subject, String body, String unsubscribe)
            throws jakarta.mail.MessagingException {
        if (unsubscribe == null) {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(recipient);
            mail.setSubject(subject);
            mail.setText(body);
            sender.send(mail);
            return;
        }
        MimeMessage mail = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(recipient);
        helper.setSubject(subject);
        helper.setText(body);
        mail.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        sender.send(mail);
    }

    @Scheduled(fixedDelayString = "${hearth.mail.delivery-interval:5s}")
    public void deliver() {
        delivering.lock();
        try {
            wanted.set(false);
            deliverWaiting();
        } finally {
            delivering.unlock();
        }
    }

    private void deliverWaiting() {
        JavaMailSender sender = smtp.getIfAvailable();
        java.util.Set<String> channels = new java.util.HashSet<>(couriers.keySet());
        if (sender != null) {
            channels.add(MAIL);
        }
        if (channels.isEmpty()) {
            return;
        }
        long now = clock.millis();
        var waiting = db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.CHANNEL, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY,
                        MAIL_OUTBOX.UNSUBSCRIBE, MAIL_OUTBOX.ATTEMPTS).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.CHANNEL.in(channels), MAIL_OUTBOX.SENT_AT.isNull(), MAIL_OUTBOX.ATTEMPTS.lt(MAX_ATTEMPTS), MAIL_OUTBOX.CLAIMED_AT.isNull().or(MAIL_OUTBOX.CLAIMED_AT.lt(now - CLAIM_MILLIS)),
                        MAIL_OUTBOX.NOT_BEFORE.isNull().or(MAIL_OUTBOX.NOT_BEFORE.le(now)))
                .orderBy(MAIL_OUTBOX.CREATED_AT).limit(50).fetch();
        for (var message : waiting) {
            String id = message.get(MAIL_OUTBOX.ID);
            // Claim first, so two nodes never send the same message.
            int claimed = db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.CLAIMED_AT, now).set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                    .where(MAIL_OUTBOX.ID.eq(id), MAIL_OUTBOX.SENT_AT.isNull(), MAIL_OUTBOX.CLAIMED_AT.isNull().or(MAIL_OUTBOX.CLAIMED_AT.lt(now - CLAIM_MILLIS))).execute();
            if (claimed == 0) {
                continue;
            }
            String channel = message.get(MAIL_OUTBOX.CHANNEL);
            try {
                if (MAIL.equals(channel)) {
                    send(sender, message.get(MAIL_OUTBOX.RECIPIENT), message.get(MAIL_OUTBOX.SUBJECT), message.get(MAIL_OUTBOX.BODY),
                            message.get(MAIL_OUTBOX.UNSUBSCRIBE));
                } else {
                    couriers.get(channel).deliver(message.get(MAIL_OUTBOX.RECIPIENT), message.get(MAIL_OUTBOX.SUBJECT),
                            message.get(MAIL_OUTBOX.BODY));
                }
                // Once sent, the message is the recipient's alone: its links must not stay readable here.
                db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).execute();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt(); // shutting down: the claim lapses and another round tries again
                }
                // an outage is waited out: 10 s after the first failure, doubling up to an hour
                int attempts = message.get(MAIL_OUTBOX.ATTEMPTS) + 1;
                long wait = Math.min(LONGEST_WAIT_MILLIS, 5_000L << Math.min(attempts, 20));
                db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.CLAIMED_AT, (Long) null).set(MAIL_OUTBOX.NOT_BEFORE, clock.millis() + wait)
                        .where(MAIL_OUTBOX.ID.eq(id)).execute();
                log.warn("Could not deliver {} {} yet ({}); trying again in {} s", channel, id, e.getClass().getSimpleName(), wait / 1000);
            }
        }
    }
}
