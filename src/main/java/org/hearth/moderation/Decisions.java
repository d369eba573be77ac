package org.hearth.moderation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.CommunityNames;
import org.hearth.community.CommunityNames.Named;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * The decisions moderators took about a member, for their own page: what happened, in which
 * community, under which rule, why, when, until when, and where each stands on appeal. Never who
 * flagged, nor which moderator by handle (the stable per-community staff names come with the
 * moderation log).
 */
@Service
public class Decisions {

    private final Flags flags;
    private final Appeals appeals;
    private final FileAppeal fileAppeal;
    private final CommunityNames communities;

    Decisions(Flags flags, Appeals appeals, FileAppeal fileAppeal, CommunityNames communities) {
        this.flags = flags;
        this.appeals = appeals;
        this.fileAppeal = fileAppeal;
        this.communities = communities;
    }

    /**
     * Where an appealable decision stands on appeal: {@code openUntil} is when the time to appeal
     * ends (null once appealed); {@code appealed} when they appealed, {@code words} what they wrote,
     * {@code decidedAt} and {@code upheld} once someone decided it.
     */
    public record AppealState(Long openUntil, boolean closed, Long appealed, String words, Long decidedAt, Boolean upheld) {

        public boolean mayAppeal() {
            return appealed == null && !closed;
        }

        public boolean waiting() {
            return appealed != null && decidedAt == null;
        }
    }

    /** {@code appeal} is null for what cannot be appealed (a keep, a trust level, an appeal's own decision). */
    public record Decision(String id, Named community, ModerationAction action, String postId, Integer ruleNumber, String reason,
            Long until, long actedAt, boolean undone, AppealState appeal) {
    }

    public List<Decision> about(Viewer viewer) {
        List<Flags.Decision> rows = flags.about(viewer.memberId());
        Map<String, Named> named = communities.byId(new HashSet<>(rows.stream().map(Flags.Decision::communityId).toList()));
        Map<String, Appeals.Appeal> appealed = appeals.ofActions(rows.stream().map(Flags.Decision::id).toList());
        long now = appeals.now();
        return rows.stream().map(d -> new Decision(d.id(), named.get(d.communityId()), d.action(), d.postId(), d.ruleNumber(), d.reason(),
                d.until(), d.actedAt(), d.undoneAt() != null, state(d, appealed.get(d.id()), now))).toList();
    }

    /**
     * A flag this member raised on a post, as they read it on their page of flags: where, why,
     * when and what became of it; never whose post, nor what it said (they may no longer read it).
     *
     * @param outcome what became of it, in words
     * @param answer for a flag of possible misinformation settled by the clinical review, what the
     *        advisor or moderator said (null otherwise)
     */
    public record FlagRaised(Named community, FlagReason reason, long flaggedAt, String outcome, Long settledAt, String answer) {
    }

    public List<FlagRaised> flagsRaised(Viewer viewer) {
        List<Flags.Raised> rows = flags.raisedBy(viewer.memberId());
        Map<String, Named> named = communities.byId(new HashSet<>(rows.stream().map(Flags.Raised::communityId).toList()));
        return rows.stream().map(r -> new FlagRaised(named.get(r.communityId()), r.reason(), r.flaggedAt(), outcome(r), r.judgedAt(),
                r.answer())).toList();
    }

    private static String outcome(Flags.Raised flag) {
        if (flag.judged() == null) {
            return "Waiting for a look.";
        }
        return switch (flag.judged()) {
            case Flags.ANSWERED -> "Answered with an evidence note beside the post. The post is unchanged.";
            case Flags.REJECTED -> flag.reason() == FlagReason.MISINFORMATION && flag.answer() != null
                    ? "Turned down: what the post says was not found to be misinformation."
                    : "Looked at: the moderators found nothing to act on.";
            default -> "Looked at: the moderators acted on the post.";
        };
    }

    /** One decision about this member, for the appeal form; empty when there is none such about them. */
    public Optional<Decision> one(Viewer viewer, String actionId) {
        return about(viewer).stream().filter(d -> d.id().equals(actionId)).findFirst();
    }

    private AppealState state(Flags.Decision d, Appeals.Appeal appeal, long now) {
        if (!d.action().appealable()) {
            return null;
        }
        if (appeal != null) {
            return new AppealState(null, true, appeal.appealedAt(), appeal.words(), appeal.decidedAt(), appeal.upheld());
        }
        long closes = fileAppeal.closesAt(d.actedAt());
        return new AppealState(closes, now > closes || d.undoneAt() != null, null, null, null, null);
    }
}
