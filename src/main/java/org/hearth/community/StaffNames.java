package org.hearth.community;

import static org.hearth.community.schema.Tables.STAFF_NUMBERS;
import static org.jooq.impl.DSL.max;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The name members know a community's staff by: "Moderator 3", never their handle, so members
 * can see that decisions are consistent without anyone being able to pursue the moderator who
 * made them. Each community numbers its staff in the order it first needs to name them; a
 * number is kept for ever and never given to anyone else, even after its holder leaves or
 * deletes their account.
 */
@Service
public class StaffNames {

    private final DSLContext db;
    private final Clock clock;

    StaffNames(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** This member's staff name in this community, given now if they have none yet. */
    @Transactional
    public String of(String communityId, String memberId) {
        return name(number(communityId, memberId));
    }

    /**
     * The staff names of several members in one community, for a page that lists many of their
     * actions: one query for those who have a number; any who have none yet are given one.
     */
    @Transactional
    public Map<String, String> of(String communityId, Collection<String> memberIds) {
        Map<String, String> names = new HashMap<>();
        if (memberIds.isEmpty()) {
            return names;
        }
        db.select(STAFF_NUMBERS.MEMBER_ID, STAFF_NUMBERS.NUMBER).from(STAFF_NUMBERS)
                .where(STAFF_NUMBERS.COMMUNITY_ID.eq(communityId), STAFF_NUMBERS.MEMBER_ID.in(memberIds))
                .forEach(r -> names.put(r.value1(), name(r.value2())));
        for (String memberId : memberIds) {
            if (!names.containsKey(memberId)) {
                names.put(memberId, of(communityId, memberId));
            }
        }
        return names;
    }

    static String name(int number) {
        return "Moderator " + number;
    }

    /**
     * The member's number, given now if they have none. Taking the next number and saving it is
     * checked by the table's keys: of two staff numbered at the same moment, one finds the
     * number taken and takes the one after.
     */
    int number(String communityId, String memberId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<Integer> held = held(communityId, memberId);
            if (held.isPresent()) {
                return held.get();
            }
            Integer last = db.select(max(STAFF_NUMBERS.NUMBER)).from(STAFF_NUMBERS)
                    .where(STAFF_NUMBERS.COMMUNITY_ID.eq(communityId)).fetchOne(0, Integer.class);
            db.insertInto(STAFF_NUMBERS).set(STAFF_NUMBERS.COMMUNITY_ID, communityId)
                    .set(STAFF_NUMBERS.NUMBER, last == null ? 1 : last + 1).set(STAFF_NUMBERS.MEMBER_ID, memberId)
                    .set(STAFF_NUMBERS.ASSIGNED_AT, clock.millis())
                    .onConflictDoNothing()
                    .execute();
        }
        throw new IllegalStateException("no staff number could be given");
    }

    private Optional<Integer> held(String communityId, String memberId) {
        return db.select(STAFF_NUMBERS.NUMBER).from(STAFF_NUMBERS)
                .where(STAFF_NUMBERS.COMMUNITY_ID.eq(communityId), STAFF_NUMBERS.MEMBER_ID.eq(memberId))
                .fetchOptional(STAFF_NUMBERS.NUMBER);
    }
}
