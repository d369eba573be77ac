package org.hearth.moderation;

import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Rules;

/**
 * What every moderator's decision needs, about a post or about a member, checked in one place
 * and in this order: a written reason within {@link DecideReview#REASON_MAX}, a number of days
 * (1 to {@link DecideReview#DAYS_MAX}) for a mute or suspension, and a rule number, if any, that
 * is one of the community's rules now. Each use case turns the problem into its own refusal.
 */
final class DecisionWords {

    enum Problem {
        REASON_MISSING, REASON_TOO_LONG, DAYS_NEEDED, NO_SUCH_RULE
    }

    private DecisionWords() {
    }

    /** The first problem with these words, or empty; {@code reason} already stripped. */
    static Optional<Problem> check(Rules rules, Access access, String reason, ModerationAction action, Integer days, Integer ruleNumber) {
        if (reason.isEmpty()) {
            return Optional.of(Problem.REASON_MISSING);
        }
        if (reason.length() > DecideReview.REASON_MAX) {
            return Optional.of(Problem.REASON_TOO_LONG);
        }
        if (action.timed() && (days == null || days < 1 || days > DecideReview.DAYS_MAX)) {
            return Optional.of(Problem.DAYS_NEEDED);
        }
        boolean known = ruleNumber == null || rules.current(access).rules().stream().anyMatch(rule -> rule.number() == ruleNumber);
        return known ? Optional.empty() : Optional.of(Problem.NO_SUCH_RULE);
    }
}
