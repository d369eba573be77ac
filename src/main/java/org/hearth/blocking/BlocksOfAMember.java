package org.hearth.blocking;

import static org.hearth.blocking.schema.Tables.BLOCKS;
import static org.hearth.blocking.schema.Tables.TOPIC_MUTES;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.hearth.identity.MemberData;
import org.hearth.identity.Members;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Whom a member blocked and which topics they muted: in their download, with handles. Who
 * blocked <em>them</em> is not: it is the other members' private choice. Erasing removes both
 * kinds of row, those where they blocked and those where they were blocked, and their mutes.
 * Erased before conversation's rows, which mutes point at.
 */
@Component
@Order(50)
class BlocksOfAMember implements MemberData {

    private final DSLContext db;
    private final Members members;

    BlocksOfAMember(DSLContext db, Members members) {
        this.db = db;
        this.members = members;
    }

    @Override
    public String section() {
        return "blocking";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(BLOCKS, TOPIC_MUTES);
    }

    record Section(List<BlockedMember> blocked, List<MutedTopic> mutedTopics) {
    }

    record BlockedMember(String memberId, String handle, Instant since) {
    }

    record MutedTopic(String topicId, Instant since) {
    }

    @Override
    public Object export(String memberId) {
        var rows = db.select(BLOCKS.BLOCKED_ID, BLOCKS.BLOCKED_AT).from(BLOCKS).where(BLOCKS.BLOCKER_ID.eq(memberId))
                .orderBy(BLOCKS.BLOCKED_AT, BLOCKS.BLOCKED_ID).fetch();
        Map<String, String> handles = members.handles(new HashSet<>(rows.getValues(BLOCKS.BLOCKED_ID)));
        return new Section(
                rows.map(r -> new BlockedMember(r.value1(), handles.get(r.value1()), Instant.ofEpochMilli(r.value2()))),
                db.select(TOPIC_MUTES.TOPIC_ID, TOPIC_MUTES.MUTED_AT).from(TOPIC_MUTES).where(TOPIC_MUTES.MEMBER_ID.eq(memberId))
                        .orderBy(TOPIC_MUTES.MUTED_AT, TOPIC_MUTES.TOPIC_ID)
                        .fetch(r -> new MutedTopic(r.value1(), Instant.ofEpochMilli(r.value2()))));
    }

    @Override
    public void erase(String memberId) {
        db.deleteFrom(BLOCKS).where(BLOCKS.BLOCKER_ID.eq(memberId).or(BLOCKS.BLOCKED_ID.eq(memberId))).execute();
        db.deleteFrom(TOPIC_MUTES).where(TOPIC_MUTES.MEMBER_ID.eq(memberId)).execute();
    }
}
