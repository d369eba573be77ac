package org.hearth.privacy;

import static org.hearth.privacy.schema.Tables.STAFF_ACCESS;

import java.time.Instant;
import java.util.List;
import org.hearth.identity.MemberData;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The entries about a member: all of them in their download (role, community, what, when;
 * never who), all erased with their account. Nothing points at these rows.
 */
@Component
@Order(300)
class StaffAccessOfAMember implements MemberData {

    /** More than a member could collect; the page shows fewer. */
    private static final int ALL = 100_000;

    private final StaffAccess staffAccess;

    StaffAccessOfAMember(StaffAccess staffAccess) {
        this.staffAccess = staffAccess;
    }

    @Override
    public String section() {
        return "staffAccess";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(STAFF_ACCESS);
    }

    /** One line of what staff saw about the member. */
    record SeenByStaff(String role, String community, String seen, Instant at) {
    }

    @Override
    public Object export(String memberId) {
        return staffAccess.entries(memberId, ALL).stream()
                .map(e -> new SeenByStaff(e.role().words(), e.communityName(), e.seen().name().toLowerCase(java.util.Locale.ROOT),
                        Instant.ofEpochMilli(e.at())))
                .toList();
    }

    @Override
    public void erase(String memberId) {
        staffAccess.erase(memberId);
    }
}
