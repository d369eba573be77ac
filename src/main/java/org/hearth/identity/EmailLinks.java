package org.hearth.identity;

import static org.hearth.identity.schema.Tables.EMAIL_TOKENS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.hearth.platform.Sha256;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.PublicAddress;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links sent by e-mail: verifying an address and resetting a forgotten password. A token has
 * 256 random bits, only its SHA-256 digest is stored, it works once and expires within minutes.
 * A reset link sets a new password but signs no one in: signing in still asks for every factor.
 */
@Service
public class EmailLinks {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD, SIGN_IN }

    private final SecureRandom random = new SecureRandom();
    private final DSLContext db;
    private final Members members;
    private final Outbox outbox;
    private final PublicAddress address;
    private final MemberSessions sessions;
    private final SecurityLog log;
    private final Clock clock;
    private final Duration validity;

    EmailLinks(DSLContext db, Members members, Outbox outbox, PublicAddress address, MemberSessions sessions,
            SecurityLog log, Clock clock, @Value("${hearth.mail.link-validity:20m}") Duration validity) {
        this.db = db;
        this.members = members;
        this.outbox = outbox;
        this.address = address;
        this.sessions = sessions;
        this.log = log;
        this.clock = clock;
        this.validity = validity;
    }

    /** Records a new address for the member and mails a link that proves it is theirs. */
    @Transactional
    public void changeAddress(Viewer viewer, String email) {
        members.setEmail(viewer.memberId(), email);
        String token = issue(viewer.memberId(), Purpose.VERIFY_EMAIL, email);
        log.record(viewer.memberId(), SecurityEvent.EMAIL_ADDED);
        outbox.queue(email, "Confirm your e-mail address for Hearth",
                "Hello " + viewer.handle() + ",\n\nPlease confirm that this address is yours by opening this link within "
                        + minutes() + " minutes:\n\n" + address.of("/email/verify/" + token)
                        + "\n\nIf you did not ask for this, ignore this message: nothing changes.\n");
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
     * Mails a reset link when the handle or verified address belongs to someone. Says nothing
     * either way: the page answers the same, so it cannot tell who has an account.
     */
    @Transactional
    public void forgotten(String handleOrEmail) {
        members.idForRecovery(handleOrEmail).ifPresent(memberId -> members.verifiedEmail(memberId).ifPresent(email -> {
            String token = issue(memberId, Purpose.RESET_PASSWORD, email);
            outbox.queue(email, "Reset your Hearth password",
                    "Someone, hopefully you, asked to reset the password of your Hearth account.\n\n"
                            + "Open this link within " + minutes() + " minutes to choose a new one:\n\n"
                            + address.of("/password/reset/" + token)
                            + "\n\nIf it was not you, ignore this message: your password stays as it is.\n");
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
                        + "your security log: " + address.of("/me/security") + "\n"));
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
