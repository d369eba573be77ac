package org.hearth.moderation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.MemberBans;
import org.hearth.community.MemberRestrictions;
import org.hearth.community.Rules;
import org.hearth.community.StaffNames;
import org.hearth.identity.Members;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A moderator decides about a member flagged as a person, with a written reason: turn the flags
 * down, warn them, mute or suspend them for some days, or ban them. As with posts, of two
 * moderators deciding at once one wins and the other is told; no one decides about themselves;
 * the decision goes in the log (naming the member to moderators only) and the member is told on
 * their decisions page and by a discreet e-mail, and may appeal it.
 */
@Service
public class DecideMemberReview {

    public record Input(String slug, Viewer moderator, String memberId, ModerationAction action, String reason, Integer ruleNumber,
            Integer days) {
        public Input {
            Objects.requireNonNull(moderator, "only a signed-in moderator decides");
        }
    }

    public sealed interface Outcome {
        record Decided(Access access, ModerationAction action) implements Outcome {
        }

        /** No such community, or they do not moderate it. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        /** No action, or one that is not for a member (hiding a post, say). */
        record ActionMissing(Access access) implements Outcome {
        }

        record ReasonMissing(Access access) implements Outcome {
        }

        record ReasonTooLong(Access access, int max) implements Outcome {
        }

        record DaysNeeded(Access access, int max) implements Outcome {
        }

        record NoSuchRule(Access access) implements Outcome {
        }

        /** The flags are about the moderator: another moderator decides. */
        record AboutYourself(Access access) implements Outcome {
        }

        /** Not waiting: another moderator decided first, or the member was never flagged here. */
        record NotWaiting(Access access) implements Outcome {
        }

        record ClaimedByAnother(Access access, String moderator) implements Outcome {
        }

        /** No longer a member here: there is no membership to mute or suspend (a ban still holds). */
        record NotAMemberHere(Access access) implements Outcome {
        }

        record OwnerNotBanned(Access access) implements Outcome {
        }
    }

    private final SiteStaffReach reach;
    private final Flags flags;
    private final MemberFlags memberFlags;
    private final MemberRestrictions restrictions;
    private final MemberBans bans;
    private final Members members;
    private final Rules rules;
    private final StaffNames staffNames;
    private final DecisionNotices notices;
    private final ApplicationEventPublisher events;

    DecideMemberReview(SiteStaffReach reach, Flags flags, MemberFlags memberFlags, MemberRestrictions restrictions, MemberBans bans,
            Members members, Rules rules, StaffNames staffNames, DecisionNotices notices, ApplicationEventPublisher events) {
        this.reach = reach;
        this.flags = flags;
        this.memberFlags = memberFlags;
        this.restrictions = restrictions;
        this.bans = bans;
        this.members = members;
        this.rules = rules;
        this.staffNames = staffNames;
        this.notices = notices;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = reach.workingPosts(input.slug(), input.moderator());
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        String reason = input.reason() == null ? "" : input.reason().strip();
        ModerationAction action = input.action();
        if (!access.canModerate()) {
            return new Outcome.SecondFactorNeeded();
        }
        if (action == null || !ModerationAction.aboutAMember().contains(action)) {
            return new Outcome.ActionMissing(access);
        }
        var problem = DecisionWords.check(rules, access, reason, action, input.days(), input.ruleNumber());
        if (problem.isPresent()) {
            return switch (problem.get()) {
                case REASON_MISSING -> new Outcome.ReasonMissing(access);
                case REASON_TOO_LONG -> new Outcome.ReasonTooLong(access, DecideReview.REASON_MAX);
                case DAYS_NEEDED -> new Outcome.DaysNeeded(access, DecideReview.DAYS_MAX);
                case NO_SUCH_RULE -> new Outcome.NoSuchRule(access);
            };
        }
        if (input.moderator().memberId().equals(input.memberId())) {
            return new Outcome.AboutYourself(access);
        }
        return decidedHere(access, input).orElseGet(() -> act(access, input, reason));
    }

    /** Marking it decided is the check: of two moderators deciding at once, one finds it decided. */
    private Optional<Outcome> decidedHere(Access access, Input input) {
        String me = input.moderator().memberId();
        String communityId = access.community().id();
        if (RandomId.looksValid(input.memberId()) && memberFlags.decide(communityId, input.memberId(), me)) {
            return Optional.empty();
        }
        Optional<Flags.Review> review = RandomId.looksValid(input.memberId()) ? memberFlags.review(communityId, input.memberId())
                : Optional.empty();
        return ClaimReview.heldByAnother(flags, members, access, review, me)
                .map(o -> (Outcome) new Outcome.ClaimedByAnother(access, o.moderator()))
                .or(() -> Optional.of(new Outcome.NotWaiting(access)));
    }

    private Outcome act(Access access, Input input, String reason) {
        String communityId = access.community().id();
        String memberId = input.memberId();
        ModerationAction action = input.action();
        Long until = action.timed() ? flags.now() + Duration.ofDays(input.days()).toMillis() : null;
        if (action == ModerationAction.BAN && !bans.ban(communityId, memberId)) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome.OwnerNotBanned(access);
        }
        if (action.timed()) {
            var kind = action == ModerationAction.MUTE ? Access.Restriction.Kind.MUTED : Access.Restriction.Kind.SUSPENDED;
            if (!restrictions.restrict(communityId, memberId, kind, until)) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return new Outcome.NotAMemberHere(access);
            }
        }
        String actionId = flags.record(communityId, action, null, memberId, input.ruleNumber(), reason, input.moderator().memberId(),
                until, memberFlags.sensitive(communityId, memberId), access.siteStaff());
        memberFlags.judge(communityId, memberId, action != ModerationAction.DISMISS, actionId);
        if (!access.siteStaff()) {
            staffNames.of(communityId, input.moderator().memberId()); // the log names them so from now on
        }
        notices.tell(memberId);
        events.publishEvent(new ModerationActionTaken(actionId, communityId, action, null, memberId, input.moderator().memberId()));
        return new Outcome.Decided(access, action);
    }
}
