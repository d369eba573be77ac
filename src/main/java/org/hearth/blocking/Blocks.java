package org.hearth.blocking;

import static org.hearth.blocking.schema.Tables.BLOCKS;
import static org.hearth.blocking.schema.Tables.TOPIC_MUTES;
import static org.jooq.impl.DSL.select;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.conversation.ReadersChoices;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who blocked whom and which topics members muted. Answers conversation's
 * {@link ReadersChoices} in one query per page, and {@link #eitherBlocked} for the features to
 * come: a mention or a private message between two members goes through only when neither
 * blocked the other.
 */
@Service
public class Blocks implements ReadersChoices {

    private static final int BLOCKED = 1;
    private static final int MUTED = 2;

    private final DSLContext db;
    private final JdbcClient jdbc;
    private final Members members;

    Blocks(DSLContext db, JdbcClient jdbc, Members members) {
        this.db = db;
        this.jdbc = jdbc;
        this.members = members;
    }

    /**
     * Whether either member blocked the other. For mentions and private messages, once they
     * exist: neither may reach the other, whichever of them blocked. The answer must never be
     * shown to the one who was blocked as a reason ("they blocked you"): say only that it did not
     * go through.
     */
    public boolean eitherBlocked(String a, String b) {
        return db.fetchExists(BLOCKS, BLOCKS.BLOCKER_ID.eq(a).and(BLOCKS.BLOCKED_ID.eq(b))
                .or(BLOCKS.BLOCKER_ID.eq(b).and(BLOCKS.BLOCKED_ID.eq(a))));
    }

    /**
     * Those of these members who blocked this one, or (with {@code eitherWay}) whom this one
     * blocked too: for telling members about what someone did, leaving out those who chose not
     * to hear from them. In batches of 500, one query each.
     */
    public Set<String> blockedAmong(String memberId, java.util.Collection<String> memberIds, boolean eitherWay) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(memberIds));
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
            found.addAll(db.select(BLOCKS.BLOCKER_ID).from(BLOCKS).where(BLOCKS.BLOCKED_ID.eq(memberId), BLOCKS.BLOCKER_ID.in(batch))
                    .fetch(BLOCKS.BLOCKER_ID));
            if (eitherWay) {
                found.addAll(db.select(BLOCKS.BLOCKED_ID).from(BLOCKS).where(BLOCKS.BLOCKER_ID.eq(memberId), BLOCKS.BLOCKED_ID.in(batch))
                        .fetch(BLOCKS.BLOCKED_ID));
            }
        }
        return found;
    }

    /** Those of these members who muted this topic. */
    public Set<String> mutedAmong(String topicId, java.util.Collection<String> memberIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(memberIds));
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            found.addAll(db.select(TOPIC_MUTES.MEMBER_ID).from(TOPIC_MUTES)
                    .where(TOPIC_MUTES.TOPIC_ID.eq(topicId), TOPIC_MUTES.MEMBER_ID.in(ids.subList(from, Math.min(ids.size(), from + 500))))
                    .fetch(TOPIC_MUTES.MEMBER_ID));
        }
        return found;
    }

    /** Whether this member blocked that one (the other way round is never asked for a page). */
    public boolean blocked(String blockerId, String blockedId) {
        return db.fetchExists(BLOCKS, BLOCKS.BLOCKER_ID.eq(blockerId), BLOCKS.BLOCKED_ID.eq(blockedId));
    }

    /** Both kinds of choice in one query: this runs on every topic page and topic list. */
    @Override
    public Choices of(String readerId) {
        Set<String> blocked = new HashSet<>();
        Set<String> muted = new HashSet<>();
        // SQL text over JDBC: this runs on every signed-in page (see Placeholders)
        jdbc.sql("select blocked_id, " + BLOCKED + " as kind from blocks where blocker_id = ?"
                + " union all select topic_id, " + MUTED + " from topic_mutes where member_id = ?")
                .params(readerId, readerId).query(rs -> {
                    (rs.getInt(2) == BLOCKED ? blocked : muted).add(rs.getString(1));
                });
        return blocked.isEmpty() && muted.isEmpty() ? Choices.NONE : new Choices(blocked, muted);
    }

    /** Someone this member blocked, as their list shows them. */
    public record Blocked(String memberId, String handle, long since) {
    }

    /** Whom the member blocked, most recent first; deleted accounts are gone with their rows. */
    public List<Blocked> blockedBy(Viewer viewer) {
        var rows = db.select(BLOCKS.BLOCKED_ID, BLOCKS.BLOCKED_AT).from(BLOCKS).where(BLOCKS.BLOCKER_ID.eq(viewer.memberId()))
                .orderBy(BLOCKS.BLOCKED_AT.desc(), BLOCKS.BLOCKED_ID).fetch();
        Map<String, String> handles = members.handles(new HashSet<>(rows.getValues(BLOCKS.BLOCKED_ID)));
        return rows.stream().filter(r -> handles.containsKey(r.value1()))
                .map(r -> new Blocked(r.value1(), handles.get(r.value1()), r.value2())).toList();
    }

    /** A topic the member muted, by id, most recent first. */
    public record Muted(String topicId, long since) {
    }

    public List<Muted> mutedBy(Viewer viewer) {
        return db.select(TOPIC_MUTES.TOPIC_ID, TOPIC_MUTES.MUTED_AT).from(TOPIC_MUTES).where(TOPIC_MUTES.MEMBER_ID.eq(viewer.memberId()))
                .orderBy(TOPIC_MUTES.MUTED_AT.desc(), TOPIC_MUTES.TOPIC_ID)
                .fetch(r -> new Muted(r.value1(), r.value2()));
    }

    // ---- changing: the steps of this package's use cases -----------------------------------

    /** False when it was already there (also when another request made it a moment ago). */
    boolean block(String blockerId, String blockedId, long at) {
        return db.insertInto(BLOCKS).set(BLOCKS.BLOCKER_ID, blockerId).set(BLOCKS.BLOCKED_ID, blockedId).set(BLOCKS.BLOCKED_AT, at)
                .onConflictDoNothing().execute() == 1;
    }

    boolean unblock(String blockerId, String blockedId) {
        return db.deleteFrom(BLOCKS).where(BLOCKS.BLOCKER_ID.eq(blockerId), BLOCKS.BLOCKED_ID.eq(blockedId)).execute() == 1;
    }

    boolean mute(String memberId, String topicId, long at) {
        return db.insertInto(TOPIC_MUTES).set(TOPIC_MUTES.MEMBER_ID, memberId).set(TOPIC_MUTES.TOPIC_ID, topicId).set(TOPIC_MUTES.MUTED_AT, at)
                .onConflictDoNothing().execute() == 1;
    }

    boolean unmute(String memberId, String topicId) {
        return db.deleteFrom(TOPIC_MUTES).where(TOPIC_MUTES.MEMBER_ID.eq(memberId), TOPIC_MUTES.TOPIC_ID.eq(topicId)).execute() == 1;
    }
}
