package org.hearth.identity;

import java.time.ZoneId;
import java.util.Optional;
import org.hearth.platform.web.ReadersTimeZone;
import org.springframework.stereotype.Component;

/** Tells the pages which zone a member reads times in: the one they chose on their profile. */
@Component
class MemberTimeZones implements ReadersTimeZone {

    private final Members members;

    MemberTimeZones(Members members) {
        this.members = members;
    }

    @Override
    public Optional<ZoneId> of(String memberId) {
        return members.timeZone(memberId);
    }
}
