package org.hearth.moderation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.MemberRestrictions;
import org.hearth.community.StaffNames;
import org.hearth.conversation.HiddenPosts;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone other than the moderator who acted decides a member's appeal, with a written reason:
 * one of the community's other moderators, or a site administrator when the community has no
 * other. Upheld, the action is undone (the post shown again, the topic opened, the mute or
 * suspension lifted) and the flags behind it count as rejected. Either way the decision goes in
 * the moderation log and the member is told.
 */
@Service
public class DecideAppeal {

    public static final int REASON_MAX = 1000;

    /** @param uphold true to uphold the appeal, false to keep the action, null when not chosen */
    public record Input(String slug, Viewer decider, String appealId, Boolean uphold, String reason) {
        public Input {
            Objects.requireNonNull(decider, "only a signed-in moderator or administrator decides");
        }
    }

    public sealed interface Outcome {
        record Decided(Access access, boolean upheld) implements Outcome {
        }

        /** No such community or appeal there, or they neither moderate it nor administer the site. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        /** They took the action appealed: someone else decides. */
        record OwnAction(Access access) implements Outcome {
        }

        /** A site administrator, where the community has a moderator of its own who may decide. */
        record LeftToModerators(Access access) implements Outcome {
        }

        record ChoiceMissing(Access access) implements Outcome {
        }

        record ReasonMissing(Access access) implements Outcome {
        }

        record ReasonTooLong(Access access, int max) implements Outcome {
        }

        /** Someone else decided it first; their decision stands. */
        record AlreadyDecided(Access access) implements Outcome {
        }
    }

    private final SiteStaffReach reach;
    private final Appeals appeals;
    private final Flags flags;
    private final MemberFlags memberFlags;
    private final HiddenPosts posts;
    private final MemberRestrictions restrictions;
    private final org.hearth.community.MemberBans bans;
    private final StaffNames staffNames;
    private final DecisionNotices notices;
    private final ApplicationEventPublisher events;

    DecideAppeal(SiteStaffReach reach, Appeals appeals, Flags flags, MemberFlags memberFlags, HiddenPosts posts, MemberRestrictions restrictions,
            StaffNames staffNames, DecisionNotices notices, ApplicationEventPublisher events, org.hearth.community.MemberBans bans) {
        this.bans = bans;
        this.reach = reach;
        this.appeals = appeals;
        this.flags = flags;
        this.memberFlags = memberFlags;
        this.posts = posts;
        this.restrictions = restrictions;
        this.staffNames = staffNames;
        this.notices = notices;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> access = reach.working(input.slug(), input.decider());
        Optional<Appeals.Appeal> appeal = appeals.appeal(input.appealId())
                .filter(a -> access.isPresent() && a.communityId().equals(access.get().community().id()));
        if (appeal.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access here = access.get();
        if (!here.canModerate()) {
            return new Outcome.SecondFactorNeeded();
        }
        Appeals.Action action = appeals.action(appeal.get().actionId()).orElseThrow();
        String reason = input.reason() == null ? "" : input.reason().strip();
        return notTheirOwn(here, action, input.decider())
                .or(() -> siteStaffOnlyWhenNoOther(here, action))
                .or(() -> input.uphold() == null ? Optional.of(new Outcome.ChoiceMissing(here)) : Optional.empty())
                .or(() -> reasoned(here, reason))
                .or(() -> appeals.decide(appeal.get().id(), input.decider().memberId(), input.uphold())
                        ? Optional.empty() : Optional.of(new Outcome.AlreadyDecided(here)))
                .orElseGet(() -> decide(here, appeal.get(), action, input.decider(), input.uphold(), reason));
    }

    private static Optional<Outcome> notTheirOwn(Access access, Appeals.Action action, Viewer decider) {
        return decider.memberId().equals(action.moderatorId()) ? Optional.of(new Outcome.OwnAction(access)) : Optional.empty();
    }

    private Optional<Outcome> siteStaffOnlyWhenNoOther(Access access, Appeals.Action action) {
        return access.siteStaff() && !reach.leftToTheSite(action) ? Optional.of(new Outcome.LeftToModerators(access)) : Optional.empty();
    }

    private static Optional<Outcome> reasoned(Access access, String reason) {
        if (reason.isEmpty()) {
            return Optional.of(new Outcome.ReasonMissing(access));
        }
        return reason.length() > REASON_MAX ? Optional.of(new Outcome.ReasonTooLong(access, REASON_MAX)) : Optional.empty();
    }

    private Outcome decide(Access access, Appeals.Appeal appeal, Appeals.Action action, Viewer decider, boolean upheld, String reason) {
        if (upheld) {
            undo(access, action);
        }
        String deciderId = decider.memberId();
        String decisionId = flags.record(action.communityId(), upheld ? ModerationAction.APPEAL_UPHELD : ModerationAction.APPEAL_DENIED,
                action.postId(), action.memberId(), action.ruleNumber(), reason, deciderId, null, action.sensitive(), access.siteStaff());
        appeals.decidedBy(appeal.id(), decisionId);
        if (!access.siteStaff()) {
            staffNames.of(action.communityId(), deciderId); // the log names them so from now on
        }
        if (action.memberId() != null) {
            notices.tell(action.memberId());
        }
        events.publishEvent(new AppealDecided(appeal.id(), action.id(), decisionId, action.communityId(), action.memberId(), upheld,
                access.siteStaff()));
        return new Outcome.Decided(access, upheld);
    }

    /** Puts back what the action took away. A later decision's mute or suspension, if longer, stays. */
    private void undo(Access access, Appeals.Action action) {
        appeals.undone(action.id());
        memberFlags.unjudge(action.id()); // flags about the member as a person that this decision upheld
        String postId = action.postId();
        switch (action.action()) {
            case LOCK_TOPIC -> {
                if (postId != null) {
                    HiddenPosts.Post post = posts.forModerators(access, List.of(postId)).get(postId);
                    if (post != null) {
                        posts.unlockTopic(post.location().topicId());
                    }
                }
            }
            case EDIT_TITLE -> {
                HiddenPosts.Post post = postId == null ? null : posts.forModerators(access, List.of(postId)).get(postId);
                if (post != null && action.detail() != null) {
                    posts.retitle(action.communityId(), post.location().topicId(), action.detail());
                }
            }
            case MOVE_TOPIC -> moveBack(action);
            case BAN -> {
                if (action.memberId() != null) {
                    bans.lift(action.communityId(), action.memberId());
                }
                shown(postId);
            }
            case MUTE, SUSPEND -> {
                var kind = action.action() == ModerationAction.MUTE ? Access.Restriction.Kind.MUTED : Access.Restriction.Kind.SUSPENDED;
                if (action.memberId() != null && action.until() != null) {
                    restrictions.lift(action.communityId(), action.memberId(), kind, action.until());
                }
                shown(postId);
            }
            default -> shown(postId);
        }
    }

    /**
     * The topic goes back to the community it was moved from, if it is still where it was moved
     * to (the moderator who decides the appeal may not moderate that one, so it is looked up by the
     * post, not through their access).
     */
    private void moveBack(Appeals.Action action) {
        if (action.postId() != null && action.detail() != null) {
            posts.topicOf(action.postId()).ifPresent(topic -> posts.moveTopic(topic.topicId(), topic.communityId(), action.detail()));
        }
    }

    private void shown(String postId) {
        if (postId != null) {
            posts.show(postId);
            flags.unjudge(postId);
        }
    }
}
