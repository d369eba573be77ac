package org.hearth.identity;

import static org.hearth.identity.schema.Tables.RECOVERY_CODES;
import static org.hearth.identity.schema.Tables.SECOND_FACTORS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.hearth.platform.RandomId;
import org.hearth.platform.Sha256;
import org.hearth.platform.security.SecondFactorStatus;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's second factor: an authenticator app that shows a new six-digit code every 30
 * seconds, and ten single-use recovery codes for the day the phone is lost. Setting one up or
 * removing it needs the password again, and a new authenticator counts only once the member
 * has typed a code from it.
 */
@Service
public class SecondFactors implements SecondFactorStatus {

    /** How long the secret shown for setting up stays usable after the password was given. */
    static final Duration SETUP_TIME = Duration.ofMinutes(15);
    static final int RECOVERY_CODE_COUNT = 10;
    /** Letters and digits that cannot be mistaken for one another when copied by hand. */
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String AUTHENTICATOR_APP = "authenticator app";
    private static final Logger LOG = LoggerFactory.getLogger(SecondFactors.class);

    private final SecurityLog log;
    private final DSLContext db;
    private final JdbcClient jdbc;
    private final Members members;
    private final SecretBox box;
    private final Clock clock;
    private final ObjectProvider<Responsibilities> responsibilities;

    SecondFactors(DSLContext db, JdbcClient jdbc, Members members, SecretBox box, Clock clock,
            ObjectProvider<Responsibilities> responsibilities, SecurityLog log) {
        this.log = log;
        this.db = db;
        this.jdbc = jdbc;
        this.members = members;
        this.box = box;
        this.clock = clock;
        this.responsibilities = responsibilities;
    }

    /** What the account page shows: whether a factor is on, since when, and recovery codes left. */
    public record State(boolean enrolled, Long enabledAt, int recoveryCodesLeft) {
    }

    /** What a member needs to add Hearth to their authenticator app. */
    public record Setup(String secret, String uri) {
    }

    /**
     * What a typed code turned out to be. {@code KEY_LOST}: the authenticator's secret does not
     * open with this server's secrets key, so no app code can be checked; recovery codes still work.
     */
    public enum Outcome { CODE, RECOVERY_CODE, WRONG, KEY_LOST }

    /** What the site operator must do when the secrets key no longer opens the stored secrets. */
    static final String OPERATOR_STEPS = "A second-factor secret does not open with this server's secrets key: put back "
            + "the key it was made with (hearth.secrets.key, or secrets.key in the data directory, from a backup; every "
            + "node needs the same one) and restart. Until then members sign in with recovery codes and set up their "
            + "authenticator again.";

    @Override
    public boolean enrolled(String memberId) {
        // asked on every request of a member signed in without a second factor: SQL text over JDBC (see Placeholders)
        return !jdbc.sql("select 1 from second_factors where member_id = ? and secret is not null").param(memberId)
                .query((rs, row) -> 1).list().isEmpty();
    }

    public State state(String memberId) {
        Long enabledAt = db.select(SECOND_FACTORS.ENABLED_AT).from(SECOND_FACTORS).where(SECOND_FACTORS.MEMBER_ID.eq(memberId), SECOND_FACTORS.SECRET.isNotNull())
                .fetchOptional(SECOND_FACTORS.ENABLED_AT).orElse(null);
        int left = enabledAt == null ? 0 : db.fetchCount(RECOVERY_CODES, RECOVERY_CODES.MEMBER_ID.eq(memberId), RECOVERY_CODES.USED_AT.isNull());
        return new State(enabledAt != null, enabledAt, left);
    }

    /** Why this member must have a second factor ("you are a site administrator"), or empty. */
    public Optional<String> requiredBecause(Viewer viewer) {
        if (viewer.siteAdmin()) {
            return Optional.of("you are a site administrator");
        }
        return responsibilities.orderedStream()
                .map(r -> r.needingSecondFactor(viewer.memberId()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Makes a new secret to set up, once the member confirmed it is them. Returns false if not. */
    @Transactional
    public boolean start(Viewer viewer, Reconfirmation proof) {
        if (!members.confirms(viewer.memberId(), proof)) {
            return false;
        }
        byte[] secret = new byte[20]; // 160 bits, as RFC 4226 recommends for HMAC-SHA1
        RANDOM.nextBytes(secret);
        String sealed = box.seal(secret, viewer.memberId());
        long now = clock.millis();
        int updated = db.update(SECOND_FACTORS).set(SECOND_FACTORS.PENDING_SECRET, sealed).set(SECOND_FACTORS.PENDING_SINCE, now)
                .where(SECOND_FACTORS.MEMBER_ID.eq(viewer.memberId())).execute();
        if (updated == 0) {
            db.insertInto(SECOND_FACTORS).set(SECOND_FACTORS.MEMBER_ID, viewer.memberId()).set(SECOND_FACTORS.PENDING_SECRET, sealed)
                    .set(SECOND_FACTORS.PENDING_SINCE, now).set(SECOND_FACTORS.LAST_STEP, 0L).execute();
        }
        return true;
    }

    /** The secret being set up, while the time for it lasts. */
    public Optional<Setup> pendingSetup(Viewer viewer) {
        return pendingSecret(viewer.memberId()).map(secret -> {
            String text = Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 ");
            return new Setup(text, Totp.uri("Hearth", viewer.handle(), secret));
        });
    }

    /**
     * Turns the authenticator on when the code matches the secret being set up, replacing any
     * earlier one. Returns the new recovery codes, in clear this once; empty when the code is wrong.
     */
    @Transactional
    public Optional<List<String>> confirm(Viewer viewer, String code) {
        String memberId = viewer.memberId();
        Optional<byte[]> secret = pendingSecret(memberId);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(secret.get(), code, clock);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        String sealed = db.select(SECOND_FACTORS.PENDING_SECRET).from(SECOND_FACTORS).where(SECOND_FACTORS.MEMBER_ID.eq(memberId)).fetchOne(SECOND_FACTORS.PENDING_SECRET);
        int done = db.update(SECOND_FACTORS).set(SECOND_FACTORS.SECRET, sealed).set(SECOND_FACTORS.ENABLED_AT, clock.millis())
                .set(SECOND_FACTORS.PENDING_SECRET, (String) null).set(SECOND_FACTORS.PENDING_SINCE, (Long) null).set(SECOND_FACTORS.LAST_STEP, step.getAsLong())
                .where(SECOND_FACTORS.MEMBER_ID.eq(memberId), SECOND_FACTORS.PENDING_SECRET.eq(sealed)).execute();
        if (done == 0) {
            return Optional.empty(); // confirmed at the same moment in another tab
        }
        log.recordAbout(memberId, SecurityEvent.FACTOR_ADDED, AUTHENTICATOR_APP);
        return Optional.of(replaceRecoveryCodes(memberId));
    }

    /**
     * Checks a code at sign-in: a current code from the authenticator (each accepted once), or
     * an unused recovery code, which is then spent.
     */
    @Transactional
    public Outcome verify(String memberId, String typed) {
        if (typed == null || typed.isBlank()) {
            return Outcome.WRONG;
        }
        var row = db.select(SECOND_FACTORS.SECRET).from(SECOND_FACTORS).where(SECOND_FACTORS.MEMBER_ID.eq(memberId), SECOND_FACTORS.SECRET.isNotNull()).fetchOne();
        if (row == null) {
            return Outcome.WRONG;
        }
        byte[] secret;
        try {
            secret = box.open(row.get(SECOND_FACTORS.SECRET), memberId);
        } catch (SecretBox.KeyMismatch lost) {
            LOG.error(OPERATOR_STEPS); // names no member
            return spendRecoveryCode(memberId, typed) ? Outcome.RECOVERY_CODE : Outcome.KEY_LOST;
        }
        OptionalLong step = Totp.matchingStep(secret, typed, clock);
        if (step.isPresent()) {
            // a code someone saw over the member's shoulder, already used, does not work again
            return db.update(SECOND_FACTORS).set(SECOND_FACTORS.LAST_STEP, step.getAsLong())
                    .where(SECOND_FACTORS.MEMBER_ID.eq(memberId), SECOND_FACTORS.LAST_STEP.lt(step.getAsLong())).execute() == 1
                    ? Outcome.CODE : Outcome.WRONG;
        }
        return spendRecoveryCode(memberId, typed) ? Outcome.RECOVERY_CODE : Outcome.WRONG;
    }

    private boolean spendRecoveryCode(String memberId, String typed) {
        return db.update(RECOVERY_CODES).set(RECOVERY_CODES.USED_AT, clock.millis())
                .where(RECOVERY_CODES.MEMBER_ID.eq(memberId), RECOVERY_CODES.CODE_HASH.eq(hash(typed)), RECOVERY_CODES.USED_AT.isNull())
                .execute() == 1;
    }

    /** Turns the second factor off once the member confirmed it is them. Returns false if not. */
    @Transactional
    public boolean remove(Viewer viewer, Reconfirmation proof) {
        if (!members.confirms(viewer.memberId(), proof)) {
            return false;
        }
        db.deleteFrom(RECOVERY_CODES).where(RECOVERY_CODES.MEMBER_ID.eq(viewer.memberId())).execute();
        db.deleteFrom(SECOND_FACTORS).where(SECOND_FACTORS.MEMBER_ID.eq(viewer.memberId())).execute();
        log.recordAbout(viewer.memberId(), SecurityEvent.FACTOR_REMOVED, AUTHENTICATOR_APP);
        return true;
    }

    private Optional<byte[]> pendingSecret(String memberId) {
        long oldest = clock.millis() - SETUP_TIME.toMillis();
        return db.select(SECOND_FACTORS.PENDING_SECRET).from(SECOND_FACTORS)
                .where(SECOND_FACTORS.MEMBER_ID.eq(memberId), SECOND_FACTORS.PENDING_SECRET.isNotNull(), SECOND_FACTORS.PENDING_SINCE.ge(oldest))
                .fetchOptional(SECOND_FACTORS.PENDING_SECRET)
                .flatMap(sealed -> {
                    try {
                        return Optional.of(box.open(sealed, memberId));
                    } catch (SecretBox.KeyMismatch lost) {
                        return Optional.empty(); // made under another key: the member simply starts again
                    }
                });
    }

    private List<String> replaceRecoveryCodes(String memberId) {
        db.deleteFrom(RECOVERY_CODES).where(RECOVERY_CODES.MEMBER_ID.eq(memberId)).execute();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODE_COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
            db.insertInto(RECOVERY_CODES).set(RECOVERY_CODES.ID, RandomId.next()).set(RECOVERY_CODES.MEMBER_ID, memberId)
                    .set(RECOVERY_CODES.CODE_HASH, hash(code.toString())).execute();
        }
        return codes;
    }

    /** Recovery codes are random, so a plain SHA-256 of the code as typed (without spaces or dashes) is enough. */
    static String hash(String code) {
        return Sha256.hex(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
    }
}
