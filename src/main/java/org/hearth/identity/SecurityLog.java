package org.hearth.identity;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.util.List;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.SignedInMember;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
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

    static final Table<Record> EVENTS = table(name("security_events"));
    static final Field<String> ID = field(name("security_events", "id"), String.class);
    static final Field<String> MEMBER = field(name("security_events", "member_id"), String.class);
    static final Field<String> KIND = field(name("security_events", "kind"), String.class);
    static final Field<String> DEVICE = field(name("security_events", "device"), String.class);
    static final Field<Long> AT = field(name("security_events", "at"), Long.class);

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
        db.insertInto(EVENTS).set(ID, RandomId.next()).set(MEMBER, memberId).set(KIND, event.name())
                .set(DEVICE, device).set(AT, now).execute();
        if (event.worthAnEmail()) {
            events.publishEvent(new Recorded(memberId, event, now));
        }
    }

    /** The member's latest events, newest first. */
    public List<Entry> of(String memberId) {
        return db.select(KIND, DEVICE, AT).from(EVENTS).where(MEMBER.eq(memberId)).orderBy(AT.desc(), ID)
                .limit(SHOWN)
                .fetch(r -> new Entry(SecurityEvent.valueOf(r.get(KIND)), r.get(DEVICE), r.get(AT)));
    }

    /** Failed attempts since the member last signed in: shown at the top of the log. */
    public int failedSinceLastSignIn(String memberId) {
        Long lastSignIn = db.select(org.jooq.impl.DSL.max(AT)).from(EVENTS)
                .where(MEMBER.eq(memberId), KIND.eq(SecurityEvent.SIGNED_IN.name())).fetchOne().value1();
        return db.fetchCount(EVENTS, MEMBER.eq(memberId), KIND.eq(SecurityEvent.SIGN_IN_FAILED.name()),
                AT.gt(lastSignIn == null ? 0L : lastSignIn));
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
