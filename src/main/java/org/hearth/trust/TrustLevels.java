package org.hearth.trust;

import static org.hearth.trust.schema.Tables.TRUST_CHANGES;
import static org.hearth.trust.schema.Tables.TRUST_STANDINGS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.hearth.community.Communities;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Conversations.Participation;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** A member's level in a community, and how they stand towards the next one. */
@Service
public class TrustLevels {

    private final DSLContext db;
    private final Clock clock;
    private final TrustRules rules;
    private final Communities communities;
    private final Conversations conversations;
    private final ObjectProvider<UpheldFlags> upheld;

    TrustLevels(DSLContext db, Clock clock, TrustRules rules, Communities communities, Conversations conversations,
            ObjectProvider<UpheldFlags> upheld) {
        this.db = db;
        this.clock = clock;
        this.rules = rules;
        this.communities = communities;
        this.conversations = conversations;
        this.upheld = upheld;
    }

    /** The member's level in the community: the one a moderator set, else the one their participation reached. */
    public TrustLevel of(String communityId, String memberId) {
        return standing(communityId, memberId).level();
    }

    /**
     * Where a member stands in a community: their level, whether a moderator set it, what they
     * did, and what the next level asks. Not a member: new, with nothing done.
     */
    public record Standing(TrustLevel level, boolean setByModerator, TrustLevel reached, Progress progress,
            TrustLevel next, List<Step> toNext) {
    }

    /** What counts towards a level. */
    public record Progress(long daysMember, int daysVisited, int topicsEntered, int replies, int upheldFlags) {
    }

    /** One thing the next level asks for, how much of it is done, and in words; {@code yesOrNo}: it is met or not, with no count. */
    public record Step(String what, long done, long needed, boolean yesOrNo) {
        public boolean met() {
            return done >= needed;
        }
    }

    public Standing standing(String communityId, String memberId) {
        long now = clock.millis();
        var row = db.select(TRUST_STANDINGS.DAYS_VISITED, TRUST_STANDINGS.SET_LEVEL).from(TRUST_STANDINGS)
                .where(TRUST_STANDINGS.COMMUNITY_ID.eq(communityId), TRUST_STANDINGS.MEMBER_ID.eq(memberId)).fetchOne();
        OptionalLong joined = communities.joinedAt(communityId, memberId);
        Participation done = conversations.participation(communityId, memberId, now);
        int flags = upheld.getIfAvailable(() -> (community, member, since) -> 0)
                .against(communityId, memberId, now - rules.upheldFlagsWithin().toMillis());
        Progress progress = new Progress(joined.isPresent() ? Duration.ofMillis(now - joined.getAsLong()).toDays() : 0,
                row == null ? 0 : row.value1(), done.topicsEntered(), done.replies(), flags);
        TrustLevel reached = TrustLevel.NEW;
        while (reached != TrustLevel.TRUSTED && joined.isPresent() && steps(reached.next(), progress).stream().allMatch(Step::met)) {
            reached = reached.next();
        }
        Integer set = row == null ? null : row.value2();
        TrustLevel level = set == null ? reached : TrustLevel.ofNumber(set);
        TrustLevel next = level.next();
        return new Standing(level, set != null, reached, progress, next,
                level == TrustLevel.TRUSTED ? List.of() : steps(next, progress));
    }

    private List<Step> steps(TrustLevel level, Progress progress) {
        TrustRules.Requirement needs = rules.toReach(level);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Days since you joined", progress.daysMember(), needs.daysMember(), false));
        steps.add(new Step("Days you visited", progress.daysVisited(), needs.daysVisited(), false));
        steps.add(new Step("Topics you read", progress.topicsEntered(), needs.topicsEntered(), false));
        if (needs.replies() > 0) {
            steps.add(new Step("Replies you wrote", progress.replies(), needs.replies(), false));
        }
        // a flag upheld within the window holds every level back until it is old enough
        steps.add(new Step("No flag about your posts upheld in the last " + rules.upheldFlagsWithin().toDays() + " days",
                progress.upheldFlags() == 0 ? 1 : 0, 1, true));
        return steps;
    }

    /**
     * Whether any of these members visited the community on or after this time (to the day): for
     * telling a community whose moderators have all been away. One indexed query.
     */
    public boolean anyVisitedSince(String communityId, java.util.Collection<String> memberIds, long since) {
        if (memberIds.isEmpty()) {
            return false;
        }
        int day = (int) Math.floorDiv(since, 86_400_000L);
        return db.fetchExists(TRUST_STANDINGS, TRUST_STANDINGS.COMMUNITY_ID.eq(communityId), TRUST_STANDINGS.MEMBER_ID.in(memberIds),
                TRUST_STANDINGS.LAST_VISIT_DAY.ge(day));
    }

    /** Counts a day on which the member visited the community, once a day however often they come. */
    void visited(String communityId, String memberId, int day) {
        db.insertInto(TRUST_STANDINGS).set(TRUST_STANDINGS.COMMUNITY_ID, communityId).set(TRUST_STANDINGS.MEMBER_ID, memberId)
                .set(TRUST_STANDINGS.DAYS_VISITED, 1).set(TRUST_STANDINGS.LAST_VISIT_DAY, day)
                .onConflict(TRUST_STANDINGS.COMMUNITY_ID, TRUST_STANDINGS.MEMBER_ID).doUpdate()
                .set(TRUST_STANDINGS.DAYS_VISITED, TRUST_STANDINGS.DAYS_VISITED.plus(1))
                .set(TRUST_STANDINGS.LAST_VISIT_DAY, day)
                .where(TRUST_STANDINGS.LAST_VISIT_DAY.lt(day))
                .execute();
    }

    /** Sets (or, with null, unsets) the level a moderator chose, and records it; inside the caller's transaction. */
    void set(String communityId, String memberId, TrustLevel from, TrustLevel to, String changedBy, String reason, String changeId) {
        Integer number = to == null ? null : to.number();
        db.insertInto(TRUST_STANDINGS).set(TRUST_STANDINGS.COMMUNITY_ID, communityId).set(TRUST_STANDINGS.MEMBER_ID, memberId)
                .set(TRUST_STANDINGS.SET_LEVEL, number)
                .onConflict(TRUST_STANDINGS.COMMUNITY_ID, TRUST_STANDINGS.MEMBER_ID).doUpdate()
                .set(TRUST_STANDINGS.SET_LEVEL, number)
                .execute();
        db.insertInto(TRUST_CHANGES).set(TRUST_CHANGES.ID, changeId).set(TRUST_CHANGES.COMMUNITY_ID, communityId)
                .set(TRUST_CHANGES.MEMBER_ID, memberId).set(TRUST_CHANGES.CHANGED_BY, changedBy)
                .set(TRUST_CHANGES.FROM_LEVEL, from.number()).set(TRUST_CHANGES.TO_LEVEL, number)
                .set(TRUST_CHANGES.REASON, reason).set(TRUST_CHANGES.CHANGED_AT, clock.millis())
                .execute();
    }

    /** Locks the member's standing row (making it if missing), so two moderators setting a level take turns. */
    void lock(String communityId, String memberId) {
        db.insertInto(TRUST_STANDINGS).set(TRUST_STANDINGS.COMMUNITY_ID, communityId).set(TRUST_STANDINGS.MEMBER_ID, memberId)
                .onConflictDoNothing().execute();
        var row = db.select(TRUST_STANDINGS.SET_LEVEL).from(TRUST_STANDINGS)
                .where(TRUST_STANDINGS.COMMUNITY_ID.eq(communityId), TRUST_STANDINGS.MEMBER_ID.eq(memberId));
        if (db.dialect().family() != org.jooq.SQLDialect.SQLITE) {
            row.forUpdate().fetch();
        }
    }

    /** A level a moderator set, as a member and fellow moderators read it. */
    public record Change(TrustLevel from, TrustLevel to, String reason, Instant at, String changedBy) {
    }

    /** The levels moderators set for this member here, newest first ({@code changedBy} is a member id, or null once erased). */
    public List<Change> changes(String communityId, String memberId) {
        return db.select(TRUST_CHANGES.FROM_LEVEL, TRUST_CHANGES.TO_LEVEL, TRUST_CHANGES.REASON, TRUST_CHANGES.CHANGED_AT,
                        TRUST_CHANGES.CHANGED_BY)
                .from(TRUST_CHANGES)
                .where(TRUST_CHANGES.COMMUNITY_ID.eq(communityId), TRUST_CHANGES.MEMBER_ID.eq(memberId))
                .orderBy(TRUST_CHANGES.CHANGED_AT.desc())
                .fetch(r -> new Change(TrustLevel.ofNumber(r.value1()), r.value2() == null ? null : TrustLevel.ofNumber(r.value2()),
                        r.value3(), Instant.ofEpochMilli(r.value4()), r.value5()));
    }
}
