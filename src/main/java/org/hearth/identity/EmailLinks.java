package org.hearth.identity;

import static org.hearth.identity.schema.Tables.EMAIL_TOKENS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.Sha256;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.PublicAddress;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links sent by e-mail: verifying an address and resetting a forgotten password. A token has
 * 256 random bits, only its SHA-256 digest is stored, it works once and expires within minutes.
 * A reset link sets a new password but signs no one in: signing in still asks for every factor.
 */
@Service
public class EmailLinks {

    private static final Logger logger = LoggerFactory.getLogger(EmailLinks.class);

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD, SIGN_IN }

    private final SecureRandom random = new SecureRandom();
    private final DSLContext db;
    private final Members members;
    private final Outbox outbox;
    private final PublicAddress address;
    private final MemberSessions sessions;
    private final SecurityLog log;
    private final LinkRequests requests;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration validity;

    EmailLinks(DSLContext db, Members members, Outbox outbox, PublicAddress address, MemberSessions sessions,
            SecurityLog log, LinkRequests requests, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${hearth.mail.link-validity:20m}") Duration validity) {
        this.db = db;
        this.members = members;
        this.outbox = outbox;
        this.address = address;
        this.sessions = sessions;
        this.log = log;
        this.requests = requests;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.validity = validity;
    }

    /**
     * Records a new address for the member and mails a link that proves it is theirs. The
     * confirmed address it replaces is told, briefly: if someone else made the change, the
     * member learns of it where they still read mail. An address never confirmed is not written
     * to: it may be someone else's.
     */
    @Transactional
    public void changeAddress(Viewer viewer, String email) {
        members.verifiedEmail(viewer.memberId()).filter(old -> !old.equalsIgnoreCase(email)).ifPresent(old ->
                // no handle, no community, no new address: whoever else reads this mailbox learns nothing more
                outbox.queue(old, "Your Hearth e-mail address was changed",
                        "The e-mail address of your Hearth account was changed: Hearth no longer writes to this one.\n\n"
                                + "If you made the change, there is nothing to do. If not, sign in and look at your "
                                + "security log: " + address.of("/me/security") + "\n", viewer.memberId()));
        members.setEmail(viewer.memberId(), email);
        String token = issue(viewer.memberId(), Purpose.VERIFY_EMAIL, email);
        log.record(viewer.memberId(), SecurityEvent.EMAIL_ADDED);
        outbox.queue(email, "Confirm your e-mail address for Hearth",
                "Hello " + viewer.handle() + ",\n\nPlease confirm that this address is yours by opening this link within "
                        + minutes() + " minutes:\n\n" + address.of("/email/verify/" + token)
                        + "\n\nIf you did not ask for this, ignore this message: nothing changes.\n", viewer.memberId());
    }

    /** Spends a verification link. Returns whether an address was verified. */
    @Transactional
    public boolean verify(String token) {
        return spend(token, Purpose.VERIFY_EMAIL)
                .filter(r -> members.markVerified(r.get(EMAIL_TOKENS.MEMBER_ID), r.get(EMAIL_TOKENS.EMAIL)))
                .map(r -> {
                    log.record(r.get(EMAIL_TOKENS.MEMBER_ID), SecurityEvent.EMAIL_VERIFIED);
                    return true;
                })
                .orElse(false);
    }

    /**
     * Asks for a reset link, mailed when the handle or verified address belongs to someone. Says
     * nothing either way, and does the same work either way: the request is only written down
     * here, and answered by {@link #answerRequests}, so neither the page nor its timing can tell
     * who has an account.
     */
    public void forgotten(String handleOrEmail) {
        requests.ask(Purpose.RESET_PASSWORD, handleOrEmail);
    }

    /** Asks for a sign-in link, in the same way as {@link #forgotten}. */
    void signInLinkAsked(String handleOrEmail) {
        requests.ask(Purpose.SIGN_IN, handleOrEmail);
    }

    /**
     * Answers the requests for links, after their pages have answered: each is taken and mailed
     * in one transaction, so a crash loses none and two nodes never answer the same one. Runs
     * until none is left, so a burst of requests does not keep a member waiting for theirs.
     */
    @Scheduled(fixedDelayString = "${hearth.mail.delivery-interval:5s}")
    public void answerRequests() {
        requests.forgetOlderThan(clock.millis() - validity.toMillis());
        List<LinkRequests.Asked> batch;
        LinkRequests.Asked last = null;
        do {
            batch = requests.waiting(50, last);
            for (LinkRequests.Asked asked : batch) {
                try {
                    transactions.executeWithoutResult(status -> answer(asked));
                } catch (RuntimeException e) {
                    // the request stays and is tried again next time, until it is older than a link lives;
                    // the log names neither account nor address
                    logger.warn("Could not answer link request {} yet: {}", asked.id(), e.getClass().getSimpleName());
                }
                last = asked;
            }
        } while (batch.size() == 50);
    }

    private void answer(LinkRequests.Asked asked) {
        if (requests.take(asked.id())) {
            switch (asked.purpose()) {
                case RESET_PASSWORD -> mailResetLink(asked.asked());
                case SIGN_IN -> mailSignInLink(asked.asked());
                case VERIFY_EMAIL -> throw new IllegalStateException("verification links are mailed at once");
            }
        }
    }

    private void mailSignInLink(String handleOrEmail) {
        members.idForRecovery(handleOrEmail).ifPresent(memberId -> members.verifiedEmail(memberId).ifPresent(email -> {
            String token = issue(memberId, Purpose.SIGN_IN, email);
            String handle = members.handleOf(memberId).orElseThrow();
            outbox.queue(email, "Your Hearth sign-in link",
                    "Open this link within " + minutes() + " minutes to sign in to Hearth as " + handle + ":\n\n"
                            + address.of("/sign-in/link/use?token=" + token)
                            + "\n\nIt works once. If you did not ask for it, ignore this message.\n", memberId);
        }));
    }

    private void mailResetLink(String handleOrEmail) {
        members.idForRecovery(handleOrEmail).ifPresent(memberId -> members.verifiedEmail(memberId).ifPresent(email -> {
            String token = issue(memberId, Purpose.RESET_PASSWORD, email);
            outbox.queue(email, "Reset your Hearth password",
                    "Someone, hopefully you, asked to reset the password of your Hearth account.\n\n"
                            + "Open this link within " + minutes() + " minutes to choose a new one:\n\n"
                            + address.of("/password/reset/" + token)
                            + "\n\nIf it was not you, ignore this message: your password stays as it is.\n", memberId);
        }));
    }

    /** The handle a reset link is for while it still works, so the new password is checked against it. */
    public Optional<String> handleOfResetLink(String token) {
        return handleOf(token, Purpose.RESET_PASSWORD);
    }

    /** The handle a sign-in link opens, shown before signing in so no one signs in to another's account unawares. */
    public Optional<String> handleOfSignInLink(String token) {
        return handleOf(token, Purpose.SIGN_IN);
    }

    private Optional<String> handleOf(String token, Purpose purpose) {
        return find(token, purpose).flatMap(r -> members.handleOf(r.get(EMAIL_TOKENS.MEMBER_ID)));
    }

    /**
     * Spends a reset link and sets the new password; every session of the member ends. Not one
     * transaction: sessions are ended through Spring Session, which uses a transaction of its
     * own, and on SQLite that one would wait for ours to finish. Spending the link is atomic.
     */
    public boolean reset(String token, String newPassword) {
        Optional<Record> spent = spend(token, Purpose.RESET_PASSWORD);
        spent.ifPresent(r -> {
            Viewer viewer = members.resetPassword(r.get(EMAIL_TOKENS.MEMBER_ID), newPassword);
            sessions.endAllBut(viewer, null);
            log.record(viewer.memberId(), SecurityEvent.PASSWORD_RESET);
        });
        return spent.isPresent();
    }

    /** Tells a member by e-mail about the security events that matter, when they have an address. */
    @EventListener
    void tell(SecurityLog.Recorded recorded) {
        members.verifiedEmail(recorded.memberId()).ifPresent(email -> outbox.queue(email,
                "Hearth: " + recorded.event().description(),
                "This happened on your Hearth account: " + recorded.event().description() + ".\n\n"
                        + "If it was you, there is nothing to do. If not, change your password now and look at "
                        + "your security log: " + address.of("/me/security") + "\n", recorded.memberId()));
    }

    String issue(String memberId, Purpose purpose, String email) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.insertInto(EMAIL_TOKENS).set(EMAIL_TOKENS.TOKEN_HASH, digest(token)).set(EMAIL_TOKENS.MEMBER_ID, memberId).set(EMAIL_TOKENS.PURPOSE, purpose.name())
                .set(EMAIL_TOKENS.EMAIL, email).set(EMAIL_TOKENS.EXPIRES_AT, clock.millis() + validity.toMillis()).execute();
        return token;
    }

    Optional<Record> find(String token, Purpose purpose) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return db.select(EMAIL_TOKENS.TOKEN_HASH, EMAIL_TOKENS.MEMBER_ID, EMAIL_TOKENS.EMAIL, EMAIL_TOKENS.EXPIRES_AT).from(EMAIL_TOKENS)
                .where(EMAIL_TOKENS.TOKEN_HASH.eq(digest(token)), EMAIL_TOKENS.PURPOSE.eq(purpose.name()), EMAIL_TOKENS.USED_AT.isNull(), EMAIL_TOKENS.EXPIRES_AT.gt(clock.millis()))
                .fetchOptional().map(r -> (Record) r);
    }

    Optional<Record> spend(String token, Purpose purpose) {
        return find(token, purpose)
                .filter(r -> db.update(EMAIL_TOKENS).set(EMAIL_TOKENS.USED_AT, clock.millis()).where(EMAIL_TOKENS.TOKEN_HASH.eq(r.get(EMAIL_TOKENS.TOKEN_HASH)), EMAIL_TOKENS.USED_AT.isNull()).execute() == 1);
    }

    long minutes() {
        return validity.toMinutes();
    }

    static String digest(String token) {
        return Sha256.hex(token);
    }
}
