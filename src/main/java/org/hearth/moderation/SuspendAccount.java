package org.hearth.moderation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.hearth.identity.MemberSessions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A site administrator suspends an account everywhere, for a wave of spam or abuse that crosses
 * communities, or lifts such a suspension early; always with a written reason. A suspended
 * account cannot sign in by any means, and its sessions end as soon as the suspension is saved
 * (after its transaction: the session store has its own, and on SQLite it would wait for ours). Logged in the site's own
 * log, told to the member by e-mail when they have a verified address (they cannot sign in to
 * read it). Administrators cannot suspend each other or themselves.
 */
@Service
public class SuspendAccount {

    public static final int DAYS_MAX = 3650;
    public static final int REASON_MAX = 1000;

    /** @param days how long, 1 to {@link #DAYS_MAX}; null with {@code lift} */
    public record Input(Viewer admin, String handle, Integer days, String reason, boolean lift) {
        public Input {
            Objects.requireNonNull(admin, "only a signed-in administrator suspends");
        }
    }

    public sealed interface Outcome {
        record Suspended(String handle, long until) implements Outcome {
        }

        record Lifted(String handle) implements Outcome {
        }

        /** Not a site administrator: as if the page did not exist. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record NoSuchAccount() implements Outcome {
        }

        record OwnAccount() implements Outcome {
        }

        record AnAdministrator() implements Outcome {
        }

        record NotSuspended(String handle) implements Outcome {
        }

        record DaysNeeded(int max) implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }

        record ReasonTooLong(int max) implements Outcome {
        }
    }

    private final Members members;
    private final SiteActions actions;
    private final MemberSessions sessions;
    private final TransactionTemplate transactions;
    private final DecisionNotices notices;
    private final ApplicationEventPublisher events;

    SuspendAccount(Members members, SiteActions actions, DecisionNotices notices, ApplicationEventPublisher events,
            MemberSessions sessions, PlatformTransactionManager transactionManager) {
        this.sessions = sessions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.members = members;
        this.actions = actions;
        this.notices = notices;
        this.events = events;
    }

    public Outcome run(Input input) {
        Outcome outcome = transactions.execute(status -> decide(input));
        if (outcome instanceof Outcome.Suspended) {
            members.idOfHandle(input.handle().strip()).flatMap(members::viewer).ifPresent(member -> sessions.endAllBut(member, null));
        }
        return outcome;
    }

    private Outcome decide(Input input) {
        Viewer admin = input.admin();
        if (!admin.siteAdmin()) {
            return new Outcome.NotFound();
        }
        if (!admin.secondFactor()) {
            return new Outcome.SecondFactorNeeded();
        }
        Optional<Viewer> found = Optional.ofNullable(input.handle()).map(String::strip).flatMap(members::idOfHandle)
                .flatMap(members::viewer);
        if (found.isEmpty()) {
            return new Outcome.NoSuchAccount();
        }
        Viewer member = found.get();
        String reason = input.reason() == null ? "" : input.reason().strip();
        return notThemselves(admin, member)
                .or(() -> member.siteAdmin() ? Optional.of(new Outcome.AnAdministrator()) : Optional.empty())
                .or(() -> timed(input))
                .or(() -> reasoned(reason))
                .orElseGet(() -> input.lift() ? lift(admin, member, reason) : suspend(admin, member, input.days(), reason));
    }

    private static Optional<Outcome> notThemselves(Viewer admin, Viewer member) {
        return admin.memberId().equals(member.memberId()) ? Optional.of(new Outcome.OwnAccount()) : Optional.empty();
    }

    private static Optional<Outcome> timed(Input input) {
        boolean valid = input.lift() || input.days() != null && input.days() >= 1 && input.days() <= DAYS_MAX;
        return valid ? Optional.empty() : Optional.of(new Outcome.DaysNeeded(DAYS_MAX));
    }

    private static Optional<Outcome> reasoned(String reason) {
        if (reason.isEmpty()) {
            return Optional.of(new Outcome.ReasonMissing());
        }
        return reason.length() > REASON_MAX ? Optional.of(new Outcome.ReasonTooLong(REASON_MAX)) : Optional.empty();
    }

    private Outcome suspend(Viewer admin, Viewer member, int days, String reason) {
        long until = actions.now() + Duration.ofDays(days).toMillis();
        members.suspend(member.memberId(), until);
        actions.record(SiteActions.SUSPEND, member.memberId(), reason, admin.memberId(), until);
        notices.tellSuspended(member.memberId(), until, reason);
        events.publishEvent(new AccountSuspended(member.memberId(), until, admin.memberId()));
        return new Outcome.Suspended(member.handle(), until);
    }

    private Outcome lift(Viewer admin, Viewer member, String reason) {
        if (members.suspendedUntil(member.memberId()).isEmpty()) {
            return new Outcome.NotSuspended(member.handle());
        }
        members.suspend(member.memberId(), null);
        actions.record(SiteActions.LIFT, member.memberId(), reason, admin.memberId(), null);
        notices.tellSuspended(member.memberId(), null, reason);
        events.publishEvent(new AccountSuspended(member.memberId(), null, admin.memberId()));
        return new Outcome.Lifted(member.handle());
    }
}
