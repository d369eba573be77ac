package org.hearth.identity;

import static org.hearth.identity.schema.Tables.EMAIL_TOKENS;
import static org.hearth.identity.schema.Tables.MEMBERS;
import static org.hearth.identity.schema.Tables.RECOVERY_CODES;
import static org.hearth.identity.schema.Tables.SECOND_FACTORS;
import static org.hearth.identity.schema.Tables.SECURITY_EVENTS;
import static org.hearth.identity.schema.Tables.USER_CREDENTIALS;
import static org.hearth.identity.schema.Tables.USER_ENTITIES;
import static org.hearth.platform.schema.Tables.MAIL_OUTBOX;
import static org.hearth.platform.schema.Tables.SPRING_SESSION;
import static org.hearth.platform.schema.Tables.SPRING_SESSION_ATTRIBUTES;
import static org.hearth.platform.schema.Tables.SUBMISSIONS;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.mail.Outbox;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The account itself: the member's row, security log, e-mailed links, second factor, recovery
 * codes and passkeys. It also claims two tables of the platform, which knows no members: the
 * sessions (found by handle) and the mail outbox (found by address). Erased last, since every
 * other feature's rows point at the member's row.
 *
 * <p>The member's row stays, emptied (no handle, password, address or profile text, the handle
 * key made unique from the id), so that the markers of deleted posts still point at a row; it
 * can never sign in again and its old handle is free for someone else.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccountData implements MemberData {

    static final String FORMER_MEMBER = "former member";

    private final DSLContext db;
    private final Outbox outbox;
    private final Submissions submissions;
    private final Passkeys passkeys;
    private final MemberSessions sessions;
    private final SecondFactors secondFactors;

    AccountData(DSLContext db, Outbox outbox, Passkeys passkeys, MemberSessions sessions, SecondFactors secondFactors,
            Submissions submissions) {
        this.submissions = submissions;
        this.db = db;
        this.outbox = outbox;
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(MEMBERS, SECURITY_EVENTS, EMAIL_TOKENS, SECOND_FACTORS, RECOVERY_CODES, USER_ENTITIES, USER_CREDENTIALS,
                SPRING_SESSION, SPRING_SESSION_ATTRIBUTES, MAIL_OUTBOX, SUBMISSIONS);
    }

    /**
     * The account section of a member's download. The one-time keys of forms they sent
     * ({@code submissions}) are left out: random keys, kept a few days, that point at what
     * the download holds already.
     */
    record Account(String id, String handle, String email, Instant emailVerifiedAt, Instant createdAt, String about,
            String timeZone, boolean siteAdministrator, boolean passwordSet, SecondFactor secondFactor, List<Passkey> passkeys,
            List<Device> signedInDevices, List<LogEntry> securityLog, List<EmailLink> emailLinks, List<Mail> mail) {
    }

    record SecondFactor(boolean enabled, Instant enabledAt, int recoveryCodesLeft) {
    }

    record Passkey(String name, Instant addedAt, Instant lastUsedAt) {
    }

    record Device(String device, Instant signedInAt, Instant lastActiveAt) {
    }

    record LogEntry(Instant at, String event, String description, String detail, String device) {
    }

    record EmailLink(String purpose, String address, Instant expiresAt, Instant usedAt) {
    }

    /** The text of a mail is left out: it may hold a one-time link, and the member received it. */
    record Mail(String to, String subject, Instant queuedAt, Instant sentAt) {
    }

    @Override
    public Object export(String memberId) {
        var member = db.selectFrom(MEMBERS).where(MEMBERS.ID.eq(memberId)).fetchOne();
        if (member == null) {
            return null;
        }
        Viewer viewer = new Viewer(memberId, member.getHandle(), Boolean.TRUE.equals(member.getSiteAdmin()));
        SecondFactors.State factor = secondFactors.state(memberId);
        return new Account(memberId, member.getHandle(), member.getEmail(), at(member.getEmailVerifiedAt()), at(member.getCreatedAt()),
                member.getAbout(), member.getTimeZone(), viewer.siteAdmin(), member.getPasswordHash() != null,
                new SecondFactor(factor.enrolled(), at(factor.enabledAt()), factor.recoveryCodesLeft()),
                passkeys.of(viewer).stream().map(p -> new Passkey(p.name(), p.addedAt(), p.lastUsedAt())).toList(),
                sessions.of(viewer, null).stream()
                        .map(s -> new Device(s.device(), at(s.signedInAt()), at(s.lastActiveAt()))).toList(),
                db.select(SECURITY_EVENTS.AT, SECURITY_EVENTS.KIND, SECURITY_EVENTS.DEVICE, SECURITY_EVENTS.DETAIL).from(SECURITY_EVENTS)
                        .where(SECURITY_EVENTS.MEMBER_ID.eq(memberId)).orderBy(SECURITY_EVENTS.AT, SECURITY_EVENTS.ID)
                        .fetch(r -> new LogEntry(at(r.value1()), lower(r.value2()), SecurityEvent.valueOf(r.value2()).description(), r.value4(), r.value3())),
                db.select(EMAIL_TOKENS.PURPOSE, EMAIL_TOKENS.EMAIL, EMAIL_TOKENS.EXPIRES_AT, EMAIL_TOKENS.USED_AT).from(EMAIL_TOKENS)
                        .where(EMAIL_TOKENS.MEMBER_ID.eq(memberId)).orderBy(EMAIL_TOKENS.EXPIRES_AT)
                        .fetch(r -> new EmailLink(lower(r.value1()), r.value2(), at(r.value3()), at(r.value4()))),
                verifiedAddresses(memberId).stream().flatMap(address -> outbox.addressedTo(address).stream())
                        .map(m -> new Mail(m.recipient(), m.subject(), at(m.createdAt()), at(m.sentAt()))).toList());
    }

    @Override
    public void erase(String memberId) {
        Optional<String> found = db.select(MEMBERS.HANDLE).from(MEMBERS).where(MEMBERS.ID.eq(memberId)).fetchOptional(MEMBERS.HANDLE);
        if (found.isEmpty()) {
            return;
        }
        String handle = found.get();
        // Sessions and passkeys know the member by handle; rows that point at others go first.
        db.deleteFrom(SPRING_SESSION_ATTRIBUTES).where(SPRING_SESSION_ATTRIBUTES.SESSION_PRIMARY_ID.in(
                select(SPRING_SESSION.PRIMARY_ID).from(SPRING_SESSION).where(SPRING_SESSION.PRINCIPAL_NAME.eq(handle)))).execute();
        db.deleteFrom(SPRING_SESSION).where(SPRING_SESSION.PRINCIPAL_NAME.eq(handle)).execute();
        db.deleteFrom(USER_CREDENTIALS).where(USER_CREDENTIALS.USER_ENTITY_USER_ID.in(
                select(USER_ENTITIES.ID).from(USER_ENTITIES).where(USER_ENTITIES.NAME.eq(handle)))).execute();
        db.deleteFrom(USER_ENTITIES).where(USER_ENTITIES.NAME.eq(handle)).execute();
        outbox.forgetAccount(memberId);
        submissions.forgetMember(memberId);
        addresses(memberId).forEach(outbox::forget); // mail queued before the outbox knew its account
        db.deleteFrom(SECURITY_EVENTS).where(SECURITY_EVENTS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(EMAIL_TOKENS).where(EMAIL_TOKENS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(RECOVERY_CODES).where(RECOVERY_CODES.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(SECOND_FACTORS).where(SECOND_FACTORS.MEMBER_ID.eq(memberId)).execute();
        db.update(MEMBERS).set(MEMBERS.HANDLE, FORMER_MEMBER).set(MEMBERS.HANDLE_KEY, Members.DELETED_KEY_PREFIX + memberId).set(MEMBERS.HANDLE_SKELETON, Members.DELETED_KEY_PREFIX + memberId)
                .setNull(MEMBERS.PASSWORD_HASH).setNull(MEMBERS.EMAIL).setNull(MEMBERS.EMAIL_VERIFIED_AT)
                .setNull(MEMBERS.ABOUT).setNull(MEMBERS.TIME_ZONE).set(MEMBERS.SITE_ADMIN, false)
                .where(MEMBERS.ID.eq(memberId)).execute();
    }

    /**
     * Every address mail to this member may have gone to: the one on file and the ones e-mailed
     * links were sent to, which include addresses they have since replaced. Erasing forgets mail
     * to all of them, even one that turns out to be shared: a message waiting to be sent is less
     * than an address left behind.
     */
    private Set<String> addresses(String memberId) {
        Set<String> addresses = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        db.select(MEMBERS.EMAIL).from(MEMBERS).where(MEMBERS.ID.eq(memberId), MEMBERS.EMAIL.isNotNull())
                .fetch(MEMBERS.EMAIL).forEach(addresses::add);
        db.selectDistinct(EMAIL_TOKENS.EMAIL).from(EMAIL_TOKENS).where(EMAIL_TOKENS.MEMBER_ID.eq(memberId), EMAIL_TOKENS.EMAIL.isNotNull())
                .fetch(EMAIL_TOKENS.EMAIL).forEach(addresses::add);
        return addresses;
    }

    /**
     * The addresses the member proved are theirs. Only mail to these goes into their download:
     * an address typed but never verified may be someone else's, and so may its mail.
     */
    private Set<String> verifiedAddresses(String memberId) {
        Set<String> addresses = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        db.select(MEMBERS.EMAIL).from(MEMBERS).where(MEMBERS.ID.eq(memberId), MEMBERS.EMAIL_VERIFIED_AT.isNotNull())
                .fetch(MEMBERS.EMAIL).forEach(addresses::add);
        db.selectDistinct(EMAIL_TOKENS.EMAIL).from(EMAIL_TOKENS)
                .where(EMAIL_TOKENS.MEMBER_ID.eq(memberId), EMAIL_TOKENS.PURPOSE.eq(EmailLinks.Purpose.VERIFY_EMAIL.name()),
                        EMAIL_TOKENS.USED_AT.isNotNull(), EMAIL_TOKENS.EMAIL.isNotNull())
                .fetch(EMAIL_TOKENS.EMAIL).forEach(addresses::add);
        return addresses;
    }

    private static Instant at(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
