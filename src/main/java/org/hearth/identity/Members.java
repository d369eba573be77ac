package org.hearth.identity;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hearth.platform.RandomId;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members of this Hearth site: creating accounts and finding handles by member id. */
@Service
public class Members {

    static final Table<Record> MEMBERS = table(name("members"));
    static final Field<String> ID = field(name("members", "id"), String.class);
    static final Field<String> HANDLE = field(name("members", "handle"), String.class);
    static final Field<String> HANDLE_KEY = field(name("members", "handle_key"), String.class);
    static final Field<String> PASSWORD_HASH = field(name("members", "password_hash"), String.class);
    static final Field<String> EMAIL = field(name("members", "email"), String.class);
    static final Field<Boolean> SITE_ADMIN = field(name("members", "site_admin"), Boolean.class);
    static final Field<String> ABOUT = field(name("members", "about"), String.class);
    static final Field<Long> EMAIL_VERIFIED_AT = field(name("members", "email_verified_at"), Long.class);
    static final Field<Long> CREATED_AT = field(name("members", "created_at"), Long.class);

    /** Letters, digits, dot, dash and underscore; starts with a letter or digit. */
    static final Pattern HANDLE_SHAPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{2,29}");

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Outbox outbox;

    Members(DSLContext db, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock, Outbox outbox) {
        this.outbox = outbox;
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
                    .set(ID, id)
                    .set(HANDLE, handle)
                    .set(HANDLE_KEY, handleKey(handle))
                    .set(PASSWORD_HASH, passwords.encode(password))
                    .set(EMAIL, email == null || email.isBlank() ? null : email.trim())
                    .set(SITE_ADMIN, siteAdmin)
                    .set(CREATED_AT, clock.millis())
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
        return db.fetchExists(MEMBERS, HANDLE_KEY.eq(handleKey(handle)));
    }

    public boolean anySiteAdministrator() {
        return db.fetchExists(MEMBERS, SITE_ADMIN.isTrue());
    }

    /** Handles of the given members, in one query. Unknown ids are simply absent. */
    public Map<String, String> handles(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return db.select(ID, HANDLE).from(MEMBERS).where(ID.in(memberIds)).fetchMap(ID, HANDLE);
    }

    /** The handle of one member, or empty for an unknown id. */
    public Optional<String> handleOf(String memberId) {
        return db.select(HANDLE).from(MEMBERS).where(ID.eq(memberId)).fetchOptional(HANDLE);
    }

    /** The member with this handle, for moderators inviting someone. */
    public Optional<String> idOfHandle(String handle) {
        return db.select(ID).from(MEMBERS).where(HANDLE_KEY.eq(handleKey(handle))).fetchOptional(ID);
    }

    public Optional<Profile> profile(String memberId) {
        if (!RandomId.looksValid(memberId)) {
            return Optional.empty();
        }
        return db.select(ID, HANDLE, ABOUT).from(MEMBERS).where(ID.eq(memberId))
                .fetchOptional(r -> new Profile(r.get(ID), r.get(HANDLE), r.get(ABOUT)));
    }

    @Transactional
    public void updateAbout(String memberId, String about) {
        db.update(MEMBERS).set(ABOUT, about == null || about.isBlank() ? null : about.strip())
                .where(ID.eq(memberId)).execute();
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
        db.update(MEMBERS).set(HANDLE, handle).set(HANDLE_KEY, handleKey(handle)).where(ID.eq(viewer.memberId())).execute();
        db.update(table(name("user_entities"))).set(field(name("name"), String.class), handle)
                .where(field(name("name"), String.class).eq(viewer.handle())).execute();
        db.update(table(name("spring_session"))).set(field(name("principal_name"), String.class), handle)
                .where(field(name("principal_name"), String.class).eq(viewer.handle())).execute();
        return new Viewer(viewer.memberId(), handle, viewer.siteAdmin());
    }

    /** Whether this is the member's password: asked again before sensitive changes. */
    public boolean passwordMatches(String memberId, String password) {
        String hash = db.select(PASSWORD_HASH).from(MEMBERS).where(ID.eq(memberId)).fetchOne(PASSWORD_HASH);
        return hash != null && password != null && !password.isEmpty() && passwords.matches(password, hash);
    }

    /** Replaces the password when the current one is given correctly. */
    @Transactional
    public boolean changePassword(String memberId, String currentPassword, String newPassword) {
        if (!passwordMatches(memberId, currentPassword)) {
            return false;
        }
        db.update(MEMBERS).set(PASSWORD_HASH, passwords.encode(newPassword)).where(ID.eq(memberId)).execute();
        return true;
    }

    /** The member's address once they proved it is theirs; empty otherwise. */
    public Optional<String> verifiedEmail(String memberId) {
        return db.select(EMAIL).from(MEMBERS).where(ID.eq(memberId), EMAIL_VERIFIED_AT.isNotNull())
                .fetchOptional(EMAIL);
    }

    /** The address on file (verified or not), for the member's own settings page. */
    public Optional<String> email(String memberId) {
        return db.select(EMAIL).from(MEMBERS).where(ID.eq(memberId)).fetchOptional(EMAIL);
    }

    /** Sets a new address, not yet verified. */
    @Transactional
    public void setEmail(String memberId, String email) {
        db.update(MEMBERS).set(EMAIL, email).set(EMAIL_VERIFIED_AT, (Long) null).where(ID.eq(memberId)).execute();
    }

    /** Marks the address as verified, if it is still the one on file. */
    @Transactional
    public boolean markVerified(String memberId, String email) {
        return db.update(MEMBERS).set(EMAIL_VERIFIED_AT, clock.millis())
                .where(ID.eq(memberId), EMAIL.eq(email)).execute() == 1;
    }

    /** The member a forgotten-password request is about: by handle or by verified address. */
    public Optional<String> idForRecovery(String handleOrEmail) {
        String text = handleOrEmail.strip();
        return db.select(ID).from(MEMBERS)
                .where(HANDLE_KEY.eq(text.toLowerCase(java.util.Locale.ROOT))
                        .or(EMAIL.equalIgnoreCase(text).and(EMAIL_VERIFIED_AT.isNotNull())))
                .limit(1).fetchOptional(ID);
    }

    /** Sets a new password without the old one: only after a verified e-mail link. */
    @Transactional
    public Viewer resetPassword(String memberId, String newPassword) {
        db.update(MEMBERS).set(PASSWORD_HASH, passwords.encode(newPassword)).where(ID.eq(memberId)).execute();
        return db.select(ID, HANDLE, SITE_ADMIN).from(MEMBERS).where(ID.eq(memberId))
                .fetchOne(r -> new Viewer(r.get(ID), r.get(HANDLE), Boolean.TRUE.equals(r.get(SITE_ADMIN))));
    }

    /**
     * Erases the account: other features erase what they hold first ({@link MemberLeaving}),
     * then the member's own data goes. A row with no name, password or address stays, so that
     * what others wrote in reply still hangs together; it can never sign in again.
     */
    @Transactional
    public void erase(String memberId) {
        events.publishEvent(new MemberLeaving(memberId));
        email(memberId).ifPresent(outbox::forget);
        db.deleteFrom(SecurityLog.EVENTS).where(SecurityLog.MEMBER.eq(memberId)).execute();
        db.deleteFrom(EmailLinks.TOKENS).where(EmailLinks.MEMBER.eq(memberId)).execute();
        db.deleteFrom(SecondFactors.CODES).where(SecondFactors.C_MEMBER.eq(memberId)).execute();
        db.deleteFrom(SecondFactors.FACTORS).where(SecondFactors.F_MEMBER.eq(memberId)).execute();
        db.update(MEMBERS).set(HANDLE, "former member").set(HANDLE_KEY, "~" + memberId)
                .set(PASSWORD_HASH, (String) null).set(EMAIL, (String) null).set(EMAIL_VERIFIED_AT, (Long) null)
                .set(ABOUT, (String) null).set(SITE_ADMIN, false)
                .where(ID.eq(memberId)).execute();
    }

    /** False for an account that signs in with passkeys only. */
    public boolean hasPassword(String memberId) {
        return db.fetchExists(MEMBERS, ID.eq(memberId).and(PASSWORD_HASH.isNotNull()));
    }

    /** Forgets the password hash: from now on no password signs in to this account. */
    @Transactional
    void removePassword(String memberId) {
        db.update(MEMBERS).setNull(PASSWORD_HASH).where(ID.eq(memberId)).execute();
    }

    static String handleKey(String handle) {
        return handle.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** What a profile page may show: the handle, and an "about" text only if the member wrote one. */
    public record Profile(String id, String handle, String about) {
    }
}
