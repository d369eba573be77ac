package org.hearth.notification;

import java.time.Clock;
import java.util.Set;
import org.hearth.platform.live.LiveBus;
import org.hearth.platform.live.LiveSignal;
import org.hearth.platform.web.UnreadNotifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many notifications a member has not read, for the header of every page: counted up to
 * 100 (the header says "99+"), from the unread rows alone (the partial index that keeps one
 * unread row per key holds exactly those). When counts change, every node hears it on the live
 * bus, identifiers only.
 */
@Component
public class UnreadCounts implements UnreadNotifications {

    /** Subject on the live bus, followed by a member's id: their count changed; the position is when. */
    public static final String CHANGED = "unread:";

    private final JdbcClient jdbc;
    private final LiveBus bus;
    private final Clock clock;

    UnreadCounts(JdbcClient jdbc, LiveBus bus, Clock clock) {
        this.jdbc = jdbc;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public int of(String memberId) {
        // SQL text over JDBC: this runs on every page of a member (see Placeholders)
        return jdbc.sql("select count(*) from (select 1 from notifications where member_id = ? and read_at is null limit 100) unread")
                .param(memberId).query(Integer.class).single();
    }

    /**
     * The counts of many members at once (members with none are left out), for the live streams:
     * one query on the unread rows' index instead of one per member.
     */
    public java.util.Map<String, Integer> of(java.util.Collection<String> memberIds) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        if (memberIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select member_id, count(*) from notifications where read_at is null and member_id in (:members) group by member_id")
                .param("members", memberIds).query((row, n) -> counts.put(row.getString(1), Math.min(100, row.getInt(2)))).list();
        return counts;
    }

    /** These members' counts changed (after the commit): every node hears it, one signal per member. */
    void changed(Set<String> memberIds) {
        long now = clock.millis();
        bus.publishAll(memberIds.stream().map(id -> new LiveSignal(CHANGED + id, now)).toList());
    }
}
