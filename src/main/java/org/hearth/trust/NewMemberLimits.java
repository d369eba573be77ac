package org.hearth.trust;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.WritingLimits;
import org.springframework.stereotype.Component;

/**
 * What a member new to a community may post while they find their feet: few links in a post
 * (spam arrives as links from new accounts), and a few new topics and replies a day. Moderators
 * are not held back; a member reaches the next level, or a moderator raises them, and the limits
 * end. Days are the last 24 hours, so no time zone makes a day longer. Where a community chooses
 * it, their posts also wait for a moderator before others see them.
 */
@Component
class NewMemberLimits implements WritingLimits {

    private static final Pattern LINK = Pattern.compile("(?i)(?<![\\w@])(?:https?://|www\\.)");
    private static final Duration DAY = Duration.ofHours(24);

    private final TrustLevels levels;
    private final TrustRules rules;
    private final Conversations conversations;
    private final Clock clock;

    NewMemberLimits(TrustLevels levels, TrustRules rules, Conversations conversations, Clock clock) {
        this.levels = levels;
        this.rules = rules;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public Optional<String> refusal(Writing writing) {
        if (writing.access().moderates()) {
            return Optional.empty();
        }
        String communityId = writing.access().community().id();
        if (levels.of(communityId, writing.memberId()) != TrustLevel.NEW) {
            return Optional.empty();
        }
        String standing = " This limit ends when you reach the next level: your standing page in this community says what that takes.";
        TrustRules.NewMembers limits = rules.newMembers();
        long links = links(writing.draft().body());
        if (links > limits.linksPerPost()) {
            return Optional.of("While you are new here, a post may hold at most " + inWords(limits.linksPerPost(), "link")
                    + ", and this one has " + links + ". Remove some and send it again; what you wrote is below." + standing);
        }
        if (writing.edit()) {
            return Optional.empty();
        }
        var done = conversations.participation(communityId, writing.memberId(), clock.millis() - DAY.toMillis());
        if (writing.newTopic() && done.topicsStartedSince() >= limits.topicsPerDay()) {
            return Optional.of("While you are new here, you can start " + inWords(limits.topicsPerDay(), "topic")
                    + " a day, and you have started " + done.topicsStartedSince() + " in the last 24 hours. Keep what you "
                    + "wrote (it is below) and post it later, or add it as a reply to a topic." + standing);
        }
        if (!writing.newTopic() && done.repliesSince() >= limits.repliesPerDay()) {
            return Optional.of("While you are new here, you can write " + inWords(limits.repliesPerDay(), "reply")
                    + " a day, and you have written " + done.repliesSince() + " in the last 24 hours. Keep what you wrote "
                    + "(it is below) and post it later." + standing);
        }
        return Optional.empty();
    }

    /** Where the community chose it, what a new member posts waits for a moderator (never an edit, never a moderator's post). */
    @Override
    public boolean holds(Writing writing) {
        return !writing.edit() && writing.access().community().holdNewMembersPosts() && !writing.access().moderates()
                && levels.of(writing.access().community().id(), writing.memberId()) == TrustLevel.NEW;
    }

    static long links(String text) {
        return text == null ? 0 : LINK.matcher(text).results().count();
    }

    private static String inWords(int count, String thing) {
        return count + " " + (count == 1 ? thing : thing.endsWith("y") ? thing.substring(0, thing.length() - 1) + "ies" : thing + "s");
    }
}
