package org.hearth.identity;

import static org.hearth.identity.schema.Tables.SECURITY_EVENTS;

import java.time.Clock;
import java.util.List;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.SignedInMember;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
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

    /** One line of the log. */
    public record Entry(SecurityEvent event, String device, long at) {
    }

    /** Published for events worth an e-mail; the mail is sent by whoever knows the address. */
    public record Recorded(String memberId, SecurityEvent event, long at) {
    }

    /** Records an event that happens during the current request, naming the device it came from. */
    public void record(String memberId, SecurityEvent event) {
        record(memberId, event, currentDevice());
    }

    private static String currentDevice() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return SignIn.deviceOf(attributes.getRequest().getHeader("User-Agent"));
        }
        return null;
    }

    public void record(String memberId, SecurityEvent event, String device) {
        long now = clock.millis();
        db.insertInto(SECURITY_EVENTS).set(SECURITY_EVENTS.ID, RandomId.next()).set(SECURITY_EVENTS.MEMBER_ID, memberId).set(SECURITY_EVENTS.KIND, event.name())
                .set(SECURITY_EVENTS.DEVICE, device).set(SECURITY_EVENTS.AT, now).execute();
        if (event.worthAnEmail()) {
            events.publishEvent(new Recorded(memberId, event, now));
        }
    }

    /** The member's latest events, newest first. */
    public List<Entry> of(String memberId) {
        return db.select(SECURITY_EVENTS.KIND, SECURITY_EVENTS.DEVICE, SECURITY_EVENTS.AT).from(SECURITY_EVENTS).where(SECURITY_EVENTS.MEMBER_ID.eq(memberId)).orderBy(SECURITY_EVENTS.AT.desc(), SECURITY_EVENTS.ID)
                .limit(SHOWN)
                .fetch(r -> new Entry(SecurityEvent.valueOf(r.get(SECURITY_EVENTS.KIND)), r.get(SECURITY_EVENTS.DEVICE), r.get(SECURITY_EVENTS.AT)));
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
            record(member.viewer().memberId(), SecurityEvent.SIGNED_IN);
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent failure) {
        Object name = failure.getAuthentication().getPrincipal();
        if (name instanceof String handle) {
            members.idOfHandle(handle).ifPresent(id -> record(id, SecurityEvent.SIGN_IN_FAILED));
        }
    }
}
