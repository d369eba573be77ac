package org.hearth.identity;

import static org.hearth.identity.schema.Tables.MEMBERS;
import static org.hearth.identity.schema.Tables.USER_ENTITIES;
import static org.hearth.platform.schema.Tables.SPRING_SESSION;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members of this Hearth site: creating accounts and finding handles by member id. */
@Service
public class Members {

    /** Letters, digits, dot, dash and underscore; starts with a letter or digit. */
    static final Pattern HANDLE_SHAPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{2,29}");

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(DSLContext db, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** Thrown when the handle is taken; the sign-up form says so next to the field. */
    public static final class HandleTaken extends RuntimeException {
        HandleTaken() {
            super("handle taken", null, false, false);
        }
    }

    /** Creates an account and returns who it is. Handles are unique without regard to case. */
    @Transactional
    public Viewer create(String handle, String password, String email, boolean siteAdmin) {
        if (handleExists(handle)) {
            throw new HandleTaken();
        }
        String id = RandomId.next();
        try {
            db.insertInto(MEMBERS)
                    .set(MEMBERS.ID, id)
                    .set(MEMBERS.HANDLE, handle)
                    .set(MEMBERS.HANDLE_KEY, handleKey(handle))
                    .set(MEMBERS.PASSWORD_HASH, passwords.encode(password))
                    .set(MEMBERS.EMAIL, email == null || email.isBlank() ? null : email.trim())
                    .set(MEMBERS.SITE_ADMIN, siteAdmin)
                    .set(MEMBERS.CREATED_AT, clock.millis())
                    .execute();
        } catch (DuplicateKeyException e) {
            throw new HandleTaken(); // PostgreSQL: someone took it between the check and the insert
        } catch (org.springframework.dao.DataAccessException e) {
            // SQLite's driver reports the same race without a standard SQL state
            if (String.valueOf(e.getMessage()).contains("UNIQUE constraint failed")) {
                throw new HandleTaken();
            }
            throw e;
        }
        if (siteAdmin) {
            events.publishEvent(new SiteAdministratorCreated(id));
        }
        return new Viewer(id, handle, siteAdmin);
    }

    public boolean handleExists(String handle) {
        return db.fetchExists(MEMBERS, MEMBERS.HANDLE_KEY.eq(handleKey(handle)));
    }

    public boolean anySiteAdministrator() {
        return db.fetchExists(MEMBERS, MEMBERS.SITE_ADMIN.isTrue());
    }

    /** Handles of the given members, in one query. Unknown ids are simply absent. */
    public Map<String, String> handles(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return db.select(MEMBERS.ID, MEMBERS.HANDLE).from(MEMBERS).where(MEMBERS.ID.in(memberIds)).fetchMap(MEMBERS.ID, MEMBERS.HANDLE);
    }

    /** The handle of one member, or empty for an unknown id. */
    public Optional<String> handleOf(String memberId) {
        return db.select(MEMBERS.HANDLE).from(MEMBERS).where(MEMBERS.ID.eq(memberId)).fetchOptional(MEMBERS.HANDLE);
    }

    /** The member with this handle, for moderators inviting someone. */
    public Optional<String> idOfHandle(String handle) {
        return db.select(MEMBERS.ID).from(MEMBERS).where(MEMBERS.HANDLE_KEY.eq(handleKey(handle))).fetchOptional(MEMBERS.ID);
    }

    public Optional<Profile> profile(String memberId) {
        if (!RandomId.looksValid(memberId)) {
            return Optional.empty();
        }
        return db.select(MEMBERS.ID, MEMBERS.HANDLE, MEMBERS.ABOUT).from(MEMBERS).where(MEMBERS.ID.eq(memberId))
                .fetchOptional(r -> new Profile(r.get(MEMBERS.ID), r.get(MEMBERS.HANDLE), r.get(MEMBERS.ABOUT)));
    }

    @Transactional
    public void updateAbout(String memberId, String about) {
        db.update(MEMBERS).set(MEMBERS.ABOUT, about == null || about.isBlank() ? null : about.strip())
                .where(MEMBERS.ID.eq(memberId)).execute();
    }

    /**
     * Gives the member a new handle. Their passkeys and open sessions are known by handle, so
     * they follow in the same transaction. Throws {@link HandleTaken} when someone else has it.
     */
    @Transactional
    public Viewer rename(Viewer viewer, String newHandle) {
        String handle = newHandle.strip();
        if (!handleKey(handle).equals(handleKey(viewer.handle())) && handleExists(handle)) {
            throw new HandleTaken();
        }
        db.update(MEMBERS).set(MEMBERS.HANDLE, handle).set(MEMBERS.HANDLE_KEY, handleKey(handle)).where(MEMBERS.ID.eq(viewer.memberId())).execute();
        db.update(USER_ENTITIES).set(USER_ENTITIES.NAME, handle).where(USER_ENTITIES.NAME.eq(viewer.handle())).execute();
        db.update(SPRING_SESSION).set(SPRING_SESSION.PRINCIPAL_NAME, handle)
                .where(SPRING_SESSION.PRINCIPAL_NAME.eq(viewer.handle())).execute();
        return new Viewer(viewer.memberId(), handle, viewer.siteAdmin());
    }

    /** Whether this is the member's password: asked again before sensitive changes. */
    public boolean passwordMatches(String memberId, String password) {
        String hash = db.select(MEMBERS.PASSWORD_HASH).from(MEMBERS).where(MEMBERS.ID.eq(memberId)).fetchOne(MEMBERS.PASSWORD_HASH);
        return hash != null && password != null && !password.isEmpty() && passwords.matches(password, hash);
    }

    /** Whether this shows it is really the member: their password, or a recent passkey check when they have none. */
    public boolean confirms(String memberId, Reconfirmation proof) {
        var row = db.select(MEMBERS.PASSWORD_HASH).from(MEMBERS).where(MEMBERS.ID.eq(memberId)).fetchOptional();
        if (row.isEmpty()) {
            return false;
        }
        String hash = row.get().value1();
        return hash == null ? proof.recentPasskeyCheck()
                : proof.password() != null && !proof.password().isEmpty() && passwords.matches(proof.password(), hash);
    }

    /** Replaces the password when the current one is given correctly. */
    @Transactional
    public boolean changePassword(String memberId, String currentPassword, String newPassword) {
        if (!passwordMatches(memberId, currentPassword)) {
            return false;
        }
        db.update(MEMBERS).set(MEMBERS.PASSWORD_HASH, passwords.encode(newPassword)).where(MEMBERS.ID.eq(memberId)).execute();
        return true;
    }

    /** The member's address once they proved it is theirs; empty otherwise. */
    public Optional<String> verifiedEmail(String memberId) {
        return db.select(MEMBERS.EMAIL).from(MEMBERS).where(MEMBERS.ID.eq(memberId), MEMBERS.EMAIL_VERIFIED_AT.isNotNull())
                .fetchOptional(MEMBERS.EMAIL);
    }

    /** The address on file (verified or not), for the member's own settings page. */
    public Optional<String> email(String memberId) {
        return db.select(MEMBERS.EMAIL).from(MEMBERS).where(MEMBERS.ID.eq(memberId)).fetchOptional(MEMBERS.EMAIL);
    }

    /** Sets a new address, not yet verified. */
    @Transactional
    public void setEmail(String memberId, String email) {
        db.update(MEMBERS).set(MEMBERS.EMAIL, email).set(MEMBERS.EMAIL_VERIFIED_AT, (Long) null).where(MEMBERS.ID.eq(memberId)).execute();
    }

    /** Marks the address as verified, if it is still the one on file. */
    @Transactional
    public boolean markVerified(String memberId, String email) {
        return db.update(MEMBERS).set(MEMBERS.EMAIL_VERIFIED_AT, clock.millis())
                .where(MEMBERS.ID.eq(memberId), MEMBERS.EMAIL.eq(email)).execute() == 1;
    }

    /** The member a forgotten-password request is about: by handle or by verified address. */
    public Optional<String> idForRecovery(String handleOrEmail) {
        String text = handleOrEmail.strip();
        return db.select(MEMBERS.ID).from(MEMBERS)
                .where(MEMBERS.HANDLE_KEY.eq(text.toLowerCase(java.util.Locale.ROOT))
                        .or(MEMBERS.EMAIL.equalIgnoreCase(text).and(MEMBERS.EMAIL_VERIFIED_AT.isNotNull())))
                .limit(1).fetchOptional(MEMBERS.ID);
    }

    /** Sets a new password without the old one: only after a verified e-mail link. */
    @Transactional
    public Viewer resetPassword(String memberId, String newPassword) {
        db.update(MEMBERS).set(MEMBERS.PASSWORD_HASH, passwords.encode(newPassword)).where(MEMBERS.ID.eq(memberId)).execute();
        return db.select(MEMBERS.ID, MEMBERS.HANDLE, MEMBERS.SITE_ADMIN).from(MEMBERS).where(MEMBERS.ID.eq(memberId))
                .fetchOne(r -> new Viewer(r.get(MEMBERS.ID), r.get(MEMBERS.HANDLE), Boolean.TRUE.equals(r.get(MEMBERS.SITE_ADMIN))));
    }

    /** False for an account that signs in with passkeys only. */
    public boolean hasPassword(String memberId) {
        return db.fetchExists(MEMBERS, MEMBERS.ID.eq(memberId).and(MEMBERS.PASSWORD_HASH.isNotNull()));
    }

    /** Forgets the password hash: from now on no password signs in to this account. */
    @Transactional
    void removePassword(String memberId) {
        db.update(MEMBERS).setNull(MEMBERS.PASSWORD_HASH).where(MEMBERS.ID.eq(memberId)).execute();
    }

    static String handleKey(String handle) {
        return handle.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** What a profile page may show: the handle, and an "about" text only if the member wrote one. */
    public record Profile(String id, String handle, String about) {
    }
}
