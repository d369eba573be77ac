package org.hearth.identity;

import static org.hearth.identity.schema.Tables.SECURITY_EVENTS;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.SignedInMember;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security log of each account: sign-ins, failed attempts, changed passwords and
 * addresses, added and removed sign-in methods. Only the member reads their own log. Events
 * that matter are announced so a mail can go to the member's verified address.
 */
@Service
public class SecurityLog {

    public static final int SHOWN = 100;

    private final DSLContext db;
    private final Members members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecurityLog(DSLContext db, Members members, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One line of the log.
     *
     * @param detail what the event was about, or null: the passkey by its name, how a sign-in was made
     */
    public record Entry(SecurityEvent event, String device, long at, String detail) {

        /** The event in words, with its detail: "Signed in with a passkey". */
        public String what() {
            if (detail == null) {
                return event.description();
            }
            return event.description() + (event == SecurityEvent.SIGNED_IN ? " " : ": ") + detail;
        }
    }

    /** Published for events worth an e-mail; the mail is sent by whoever knows the address. */
    public record Recorded(String memberId, SecurityEvent event, long at) {
    }

    /** Records an event that happens during the current request, naming the device it came from. */
    public void record(String memberId, SecurityEvent event) {
        record(memberId, event, currentDevice(), null);
    }

    /** Records an event of the current request with what it was about ("passkey “Phone”"). */
    public void recordAbout(String memberId, SecurityEvent event, String detail) {
        record(memberId, event, currentDevice(), detail);
    }

    private static String currentDevice() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return SignIn.deviceOf(attributes.getRequest().getHeader("User-Agent"));
        }
        return null;
    }

    private void record(String memberId, SecurityEvent event, String device, String detail) {
        long now = clock.millis();
        db.insertInto(SECURITY_EVENTS).set(SECURITY_EVENTS.ID, RandomId.next()).set(SECURITY_EVENTS.MEMBER_ID, memberId).set(SECURITY_EVENTS.KIND, event.name())
                .set(SECURITY_EVENTS.DEVICE, device).set(SECURITY_EVENTS.AT, now)
                .set(SECURITY_EVENTS.DETAIL, detail == null || detail.length() <= 120 ? detail : detail.substring(0, 119) + "…").execute();
        if (event.worthAnEmail()) {
            events.publishEvent(new Recorded(memberId, event, now));
        }
    }

    /** The member's latest events, newest first. */
    public List<Entry> of(String memberId) {
        return db.select(SECURITY_EVENTS.KIND, SECURITY_EVENTS.DEVICE, SECURITY_EVENTS.AT, SECURITY_EVENTS.DETAIL).from(SECURITY_EVENTS).where(SECURITY_EVENTS.MEMBER_ID.eq(memberId)).orderBy(SECURITY_EVENTS.AT.desc(), SECURITY_EVENTS.ID)
                .limit(SHOWN)
                .fetch(r -> new Entry(SecurityEvent.valueOf(r.get(SECURITY_EVENTS.KIND)), r.get(SECURITY_EVENTS.DEVICE),
                        r.get(SECURITY_EVENTS.AT), r.get(SECURITY_EVENTS.DETAIL)));
    }

    /** Failed attempts since the member last signed in: shown at the top of the log. */
    public int failedSinceLastSignIn(String memberId) {
        Long lastSignIn = db.select(org.jooq.impl.DSL.max(SECURITY_EVENTS.AT)).from(SECURITY_EVENTS)
                .where(SECURITY_EVENTS.MEMBER_ID.eq(memberId), SECURITY_EVENTS.KIND.eq(SecurityEvent.SIGNED_IN.name())).fetchOne().value1();
        return db.fetchCount(SECURITY_EVENTS, SECURITY_EVENTS.MEMBER_ID.eq(memberId), SECURITY_EVENTS.KIND.eq(SecurityEvent.SIGN_IN_FAILED.name()),
                SECURITY_EVENTS.AT.gt(lastSignIn == null ? 0L : lastSignIn));
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getPrincipal() instanceof SignedInMember member) {
            recordAbout(member.viewer().memberId(), SecurityEvent.SIGNED_IN, how(success.getAuthentication()));
        }
    }

    /**
     * How a sign-in was made, read from the factor Spring Security grants for it. Published
     * before the new sign-in replaces the current one, so a passkey used by a member already
     * signed in is their passkey check.
     */
    private static String how(Authentication signedIn) {
        Set<String> factors = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (factors.contains(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)) {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            boolean alreadyIn = current != null && current.getPrincipal() instanceof SignedInMember member
                    && signedIn.getPrincipal() instanceof SignedInMember same
                    && member.viewer().memberId().equals(same.viewer().memberId());
            return alreadyIn ? "with a passkey, to confirm it was you" : "with a passkey";
        }
        if (factors.contains(FactorGrantedAuthority.OTT_AUTHORITY)) {
            return "with an e-mailed link";
        }
        if (factors.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
            return "with a password";
        }
        return null;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent failure) {
        Object name = failure.getAuthentication().getPrincipal();
        if (name instanceof String handle) {
            members.idOfHandle(handle).ifPresent(id -> record(id, SecurityEvent.SIGN_IN_FAILED));
        }
    }
}
