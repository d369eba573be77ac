package org.hearth.identity;

import static org.hearth.identity.schema.Tables.MEMBERS;
import static org.hearth.identity.schema.Tables.USER_ENTITIES;
import static org.hearth.platform.schema.Tables.SPRING_SESSION;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;
import java.util.Optional;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.When;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.hearth.platform.db.Placeholders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members of this Hearth site: creating accounts and finding handles by member id. */
@Service
public class Members {

    /** A deleted account keeps its row for the markers of its posts, with a placeholder key ({@link AccountData#erase}). */
    private static final int HANDLES_AT_ONCE = 500;

    /** Starts the handle key of a deleted account, which keeps no handle of its own. */
    static final String DELETED_KEY_PREFIX = "~";

    private static final Condition STILL_A_MEMBER = MEMBERS.HANDLE_KEY.notLike(DELETED_KEY_PREFIX + "%");
    private static final String STILL_A_MEMBER_SQL = "handle_key not like '" + DELETED_KEY_PREFIX + "%'";

    private final DSLContext db;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(DSLContext db, JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Thrown when the handle is taken, or one that looks like it ({@link Handles#skeleton}); the
     * form says so next to the field.
     */
    public static final class HandleTaken extends RuntimeException {
        HandleTaken() {
            super("handle taken", null, false, false);
        }
    }

    /**
     * Creates an account and returns who it is. The handle must be one {@link Handles#refusal}
     * accepts; it is kept in NFKC form. Handles are unique without regard to case or to letters
     * that look alike.
     */
    @Transactional
    public Viewer create(String typedHandle, String password, String email, boolean siteAdmin) {
        Handles.refusal(typedHandle).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        String handle = Handles.normalised(typedHandle);
        if (handleExists(handle)) {
            throw new HandleTaken();
        }
        String id = RandomId.next();
        try {
            db.insertInto(MEMBERS)
                    .set(MEMBERS.ID, id)
                    .set(MEMBERS.HANDLE, handle)
                    .set(MEMBERS.HANDLE_KEY, handleKey(handle))
                    .set(MEMBERS.HANDLE_SKELETON, Handles.skeleton(handle))
                    .set(MEMBERS.PASSWORD_HASH, passwords.encode(password))
                    .set(MEMBERS.EMAIL, email == null || email.isBlank() ? null : email.trim())
                    .set(MEMBERS.SITE_ADMIN, siteAdmin)
                    .set(MEMBERS.CREATED_AT, clock.millis())
                    .execute();
        } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException e) {
            throw taken(e);
        }
        if (siteAdmin) {
            events.publishEvent(new SiteAdministratorCreated(id));
        }
        return new Viewer(id, handle, siteAdmin);
    }

    /** Whether someone has this handle, or one that looks like it. */
    public boolean handleExists(String handle) {
        return db.fetchExists(MEMBERS, MEMBERS.HANDLE_KEY.eq(handleKey(handle)).or(MEMBERS.HANDLE_SKELETON.eq(Handles.skeleton(handle))));
    }

    public boolean anySiteAdministrator() {
        return db.fetchExists(MEMBERS, MEMBERS.SITE_ADMIN.isTrue());
    }

    /**
     * Handles of the given members, in one query. Unknown ids are simply absent, and so are
     * deleted accounts: what they left behind must not be tied together by a name or a link.
     */
    public Map<String, String> handles(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        // on every page that shows posts or topics: SQL text over JDBC (see Placeholders)
        // A long list (a community's members) goes in parts: both engines limit the values one statement binds.
        List<String> ids = memberIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> handles = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += HANDLES_AT_ONCE) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + HANDLES_AT_ONCE));
            jdbc.sql("select id, handle from members where id in (" + Placeholders.of(part.size()) + ") and " + STILL_A_MEMBER_SQL)
                    .params(part).query(rs -> {
                        handles.put(rs.getString(1), rs.getString(2));
                    });
        }
        return handles;
    }

    /** The handle of one member, or empty for an unknown id. */
    public Optional<String> handleOf(String memberId) {
        return db.select(MEMBERS.HANDLE).from(MEMBERS).where(MEMBERS.ID.eq(memberId)).fetchOptional(MEMBERS.HANDLE);
    }

    /** The member with this handle, for moderators inviting someone. */
    public Optional<String> idOfHandle(String handle) {
        return db.select(MEMBERS.ID).from(MEMBERS).where(MEMBERS.HANDLE_KEY.eq(handleKey(handle))).fetchOptional(MEMBERS.ID);
    }

    /** The members these handles name (as typed, any case), in one query; handles of no one, or of deleted accounts, are left out. */
    public Map<String, String> idsOfHandles(Collection<String> handles) {
        Map<String, String> typedByKey = new java.util.HashMap<>();
        handles.forEach(h -> typedByKey.putIfAbsent(handleKey(h), h));
        if (typedByKey.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new java.util.HashMap<>();
        db.select(MEMBERS.HANDLE_KEY, MEMBERS.ID).from(MEMBERS).where(MEMBERS.HANDLE_KEY.in(typedByKey.keySet()), STILL_A_MEMBER)
                .forEach(r -> found.put(typedByKey.get(r.value1()), r.value2()));
        return found;
    }

    public Optional<Profile> profile(String memberId) {
        if (!RandomId.looksValid(memberId)) {
            return Optional.empty();
        }
        return db.select(MEMBERS.ID, MEMBERS.HANDLE, MEMBERS.ABOUT).from(MEMBERS).where(MEMBERS.ID.eq(memberId), STILL_A_MEMBER)
                .fetchOptional(r -> new Profile(r.get(MEMBERS.ID), r.get(MEMBERS.HANDLE), r.get(MEMBERS.ABOUT)));
    }

    @Transactional
    public void updateAbout(String memberId, String about) {
        db.update(MEMBERS).set(MEMBERS.ABOUT, about == null || about.isBlank() ? null : about.strip())
                .where(MEMBERS.ID.eq(memberId)).execute();
    }

    /**
     * Gives the member a new handle, one {@link Handles#refusal} accepts. Their passkeys and open
     * sessions are known by handle, so they follow in the same transaction. Throws
     * {@link HandleTaken} when someone else has it or one that looks like it.
     */
    @Transactional
    public Viewer rename(Viewer viewer, String newHandle) {
        Handles.refusal(newHandle).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        String handle = Handles.normalised(newHandle);
        String skeleton = Handles.skeleton(handle);
        if (db.fetchExists(MEMBERS, MEMBERS.ID.ne(viewer.memberId())
                .and(MEMBERS.HANDLE_KEY.eq(handleKey(handle)).or(MEMBERS.HANDLE_SKELETON.eq(skeleton))))) {
            throw new HandleTaken();
        }
        try {
            db.update(MEMBERS).set(MEMBERS.HANDLE, handle).set(MEMBERS.HANDLE_KEY, handleKey(handle))
                    .set(MEMBERS.HANDLE_SKELETON, skeleton).where(MEMBERS.ID.eq(viewer.memberId())).execute();
        } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException e) {
            throw taken(e);
        }
        db.update(USER_ENTITIES).set(USER_ENTITIES.NAME, handle).where(USER_ENTITIES.NAME.eq(viewer.handle())).execute();
        db.update(SPRING_SESSION).set(SPRING_SESSION.PRINCIPAL_NAME, handle)
                .where(SPRING_SESSION.PRINCIPAL_NAME.eq(viewer.handle())).execute();
        return new Viewer(viewer.memberId(), handle, viewer.siteAdmin());
    }

    /** The time zone the member reads times in, if they chose one (and it is still known). */
    public Optional<ZoneId> timeZone(String memberId) {
        // on every signed-in page, whose times are shown in the reader's zone: SQL text over JDBC (see Placeholders)
        List<String> zone = jdbc.sql("select time_zone from members where id = ?").param(memberId).query((rs, row) -> rs.getString(1)).list();
        return zone.stream().filter(java.util.Objects::nonNull).filter(When.ZONES::contains).findFirst().map(ZoneId::of);
    }

    /** The time zones these members chose, by id (those who chose none, or one no longer known, are left out). */
    public Map<String, ZoneId> timeZones(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ZoneId> zones = new java.util.HashMap<>();
        db.select(MEMBERS.ID, MEMBERS.TIME_ZONE).from(MEMBERS).where(MEMBERS.ID.in(memberIds), MEMBERS.TIME_ZONE.isNotNull())
                .forEach(r -> {
                    if (When.ZONES.contains(r.value2())) {
                        zones.put(r.value1(), ZoneId.of(r.value2()));
                    }
                });
        return zones;
    }

    /** Sets the zone the member reads times in (one of {@link When#ZONES}), or forgets it (null). */
    @Transactional
    public void setTimeZone(String memberId, String zone) {
        if (zone != null && !When.ZONES.contains(zone)) {
            throw new IllegalArgumentException("not a time zone Hearth offers");
        }
        db.update(MEMBERS).set(MEMBERS.TIME_ZONE, zone).where(MEMBERS.ID.eq(memberId)).execute();
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

    /**
     * Replaces the password when the member proved it is them: the current password, or for an
     * account with passkeys only, a recent passkey check (setting a password again).
     */
    @Transactional
    public boolean changePassword(String memberId, Reconfirmation proof, String newPassword) {
        if (!confirms(memberId, proof)) {
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

    /** The verified addresses of these members, by id, in one query: where mail about them may go. */
    public Map<String, String> verifiedEmails(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new java.util.HashMap<>();
        db.select(MEMBERS.ID, MEMBERS.EMAIL).from(MEMBERS)
                .where(MEMBERS.ID.in(memberIds), MEMBERS.EMAIL.isNotNull(), MEMBERS.EMAIL_VERIFIED_AT.isNotNull(), STILL_A_MEMBER)
                .forEach(r -> found.put(r.value1(), r.value2()));
        return found;
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
                .where(MEMBERS.HANDLE_KEY.eq(handleKey(text))
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

    /** The member as a viewer (not signed in: no second factor), for acting on their account; empty when there is none. */
    public Optional<Viewer> viewer(String memberId) {
        return db.select(MEMBERS.ID, MEMBERS.HANDLE, MEMBERS.SITE_ADMIN).from(MEMBERS).where(MEMBERS.ID.eq(memberId))
                .fetchOptional(r -> new Viewer(r.get(MEMBERS.ID), r.get(MEMBERS.HANDLE), Boolean.TRUE.equals(r.get(MEMBERS.SITE_ADMIN))));
    }

    /** Until when a site administrator suspended the account, when that is still ahead; empty otherwise. */
    public java.util.Optional<Long> suspendedUntil(String memberId) {
        return db.select(MEMBERS.SUSPENDED_UNTIL).from(MEMBERS).where(MEMBERS.ID.eq(memberId), MEMBERS.SUSPENDED_UNTIL.gt(clock.millis()))
                .fetchOptional(MEMBERS.SUSPENDED_UNTIL);
    }

    /** As above, by handle: for the sign-in page of an account that was refused as suspended. */
    public java.util.Optional<Long> suspendedUntilByHandle(String handle) {
        if (handle == null || handle.isBlank() || handle.length() > 60) {
            return java.util.Optional.empty();
        }
        return db.select(MEMBERS.SUSPENDED_UNTIL).from(MEMBERS)
                .where(MEMBERS.HANDLE_KEY.eq(handleKey(handle)), MEMBERS.SUSPENDED_UNTIL.gt(clock.millis()))
                .fetchOptional(MEMBERS.SUSPENDED_UNTIL);
    }

    /** Suspends the account until a time (null lifts a suspension). False when there is no such account. */
    public boolean suspend(String memberId, Long until) {
        return db.update(MEMBERS).set(MEMBERS.SUSPENDED_UNTIL, until).where(MEMBERS.ID.eq(memberId)).execute() == 1;
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

    /** Someone took the handle, or a look-alike, between the check and the write. */
    private static RuntimeException taken(RuntimeException e) {
        // PostgreSQL's is translated to a duplicate key; SQLite's driver has no standard SQL state, so jOOQ's stays
        if (e instanceof DuplicateKeyException || String.valueOf(e.getMessage()).contains("UNIQUE constraint failed")) {
            return new HandleTaken();
        }
        return e;
    }

    static String handleKey(String handle) {
        return Handles.key(handle);
    }

    /**
     * Handles that look like another member's and were there before look-alikes were refused
     * (migration 14.1 left them without a skeleton). They are shown to the site administrator and
     * never changed behind the member's back; each drops off the list when its member changes it.
     * Lists each such handle with the handles it looks like, older ones first.
     */
    public List<LookAlike> lookAlikes() {
        var unresolved = db.select(MEMBERS.ID, MEMBERS.HANDLE).from(MEMBERS)
                .where(MEMBERS.HANDLE_SKELETON.isNull(), STILL_A_MEMBER).orderBy(MEMBERS.CREATED_AT, MEMBERS.ID).fetch();
        if (unresolved.isEmpty()) {
            return List.of();
        }
        Map<String, List<Named>> bySkeleton = new LinkedHashMap<>();
        unresolved.forEach(r -> bySkeleton.computeIfAbsent(Handles.skeleton(r.value2()), k -> new ArrayList<>())
                .add(new Named(r.value1(), r.value2())));
        var holders = db.select(MEMBERS.ID, MEMBERS.HANDLE, MEMBERS.HANDLE_SKELETON).from(MEMBERS)
                .where(MEMBERS.HANDLE_SKELETON.in(bySkeleton.keySet())).fetch();
        List<LookAlike> found = new ArrayList<>();
        bySkeleton.forEach((skeleton, named) -> {
            List<Named> all = new ArrayList<>();
            holders.stream().filter(h -> h.value3().equals(skeleton)).forEach(h -> all.add(new Named(h.value1(), h.value2())));
            all.addAll(named);
            for (Named member : named) {
                found.add(new LookAlike(member, all.stream().filter(other -> !other.equals(member)).toList()));
            }
        });
        return found;
    }

    /** Whether any handle waits on {@link #lookAlikes()}: one indexed look, for the administrator's menu. */
    public boolean anyLookAlikes() {
        return db.fetchExists(db.selectOne().from(MEMBERS).where(MEMBERS.HANDLE_SKELETON.isNull(), STILL_A_MEMBER));
    }

    /**
     * Handles made before today's rules that those rules refuse (invisible characters, mixed
     * alphabets), with the reason, for the site administrator: left as they are, like
     * look-alikes. Reads every handle, so it is for that one page only.
     */
    public List<Refused> refusedHandles() {
        List<Refused> refused = new ArrayList<>();
        db.select(MEMBERS.ID, MEMBERS.HANDLE).from(MEMBERS).where(STILL_A_MEMBER).orderBy(MEMBERS.CREATED_AT, MEMBERS.ID)
                .forEach(r -> Handles.refusal(r.value2()).ifPresent(reason -> refused.add(new Refused(new Named(r.value1(), r.value2()), reason))));
        return refused;
    }

    /** A handle today's rules would refuse, and why. */
    public record Refused(Named member, String reason) {
    }

    /** A member named by handle, for the site administrator's list. */
    public record Named(String id, String handle) {
    }

    /** A handle that looks like others ({@code looksLike}; empty once those were changed). */
    public record LookAlike(Named member, List<Named> looksLike) {
    }

    /** What a profile page may show: the handle, and an "about" text only if the member wrote one. */
    public record Profile(String id, String handle, String about) {
    }
}
