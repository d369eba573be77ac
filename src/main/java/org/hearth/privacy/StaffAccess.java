package org.hearth.privacy;

import static org.hearth.privacy.schema.Tables.STAFF_ACCESS;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The record of what staff saw about members. Features call {@link #record} where they show
 * staff something private about a member, before showing it: if the entry cannot be written,
 * the page fails and nothing is shown. Entries are read only by the member they are about.
 */
@Service
public class StaffAccess {

    /** The staff member's role when they saw it; the only thing the member learns about who it was. */
    public enum StaffRole {
        MODERATOR("a moderator"),
        OWNER("an owner"),
        SITE_ADMINISTRATOR("a site administrator"),
        /** Appointed by a site administrator to review clinicians' credentials. */
        SITE_REVIEWER("a site reviewer");

        private final String words;

        StaffRole(String words) {
            this.words = words;
        }

        /** "a moderator", as the member reads it. */
        public String words() {
            return words;
        }
    }

    /** What was seen. Stored by name: new kinds may be added, none renamed. */
    public enum Seen {
        REVEALED_ANONYMOUS_AUTHOR("that you wrote a post you posted anonymously"),
        READ_EARLIER_VERSIONS("the earlier versions of a post you edited"),
        READ_MEMBER_LIST("the community's member list, with you on it"),
        OPENED_FLAG_ABOUT_MEMBER("a flag about you"),
        READ_TRUST_STANDING("your trust level there and what counts towards it (days visited, topics read, replies)"),
        OPENED_CREDENTIAL_DOCUMENT("the document you sent with your application as a clinician");

        private final String words;

        Seen(String words) {
            this.words = words;
        }

        /** What was seen, as the member reads it after "… saw". */
        public String words() {
            return words;
        }
    }

    /**
     * Where it was seen: the community's id, and its name at the time (it is shown as it was
     * then, even if the community is renamed or gone). Null for what site staff see outside
     * any community.
     */
    public record Where(String communityId, String communityName) {
    }

    /** One entry as the member reads it. */
    public record Entry(StaffRole role, String communityName, Seen seen, long at) {
    }

    private final DSLContext db;
    private final Clock clock;

    StaffAccess(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records that staff in this role saw this about one member. */
    public void record(String memberId, StaffRole role, Where where, Seen seen) {
        record(List.of(memberId), role, where, seen);
    }

    /**
     * Records that staff in this role saw this about each of these members, one entry per
     * element (a member twice in the list, say as the author of two anonymous posts, gets two),
     * in one batch: a member list of hundreds is one round trip.
     */
    public void record(Collection<String> memberIds, StaffRole role, Where where, Seen seen) {
        Objects.requireNonNull(role);
        Objects.requireNonNull(seen);
        List<String> concerned = memberIds.stream().filter(Objects::nonNull).toList();
        if (concerned.isEmpty()) {
            return;
        }
        long now = clock.millis();
        var insert = db.insertInto(STAFF_ACCESS, STAFF_ACCESS.ID, STAFF_ACCESS.MEMBER_ID, STAFF_ACCESS.STAFF_ROLE,
                STAFF_ACCESS.COMMUNITY_ID, STAFF_ACCESS.COMMUNITY_NAME, STAFF_ACCESS.SEEN, STAFF_ACCESS.SEEN_AT);
        for (String memberId : concerned) {
            insert = insert.values(RandomId.next(), memberId, role.name(), where == null ? null : where.communityId(),
                    where == null ? null : where.communityName(), seen.name(), now);
        }
        insert.execute();
    }

    /** The entries about the signed-in member, newest first: theirs alone to read. */
    public List<Entry> aboutMe(Viewer viewer, int limit) {
        return entries(viewer.memberId(), limit);
    }

    List<Entry> entries(String memberId, int limit) {
        return db.select(STAFF_ACCESS.STAFF_ROLE, STAFF_ACCESS.COMMUNITY_NAME, STAFF_ACCESS.SEEN, STAFF_ACCESS.SEEN_AT)
                .from(STAFF_ACCESS).where(STAFF_ACCESS.MEMBER_ID.eq(memberId))
                .orderBy(STAFF_ACCESS.SEEN_AT.desc(), STAFF_ACCESS.ID).limit(limit)
                .fetch(r -> new Entry(StaffRole.valueOf(r.value1()), r.value2(), Seen.valueOf(r.value3()), r.value4()));
    }

    int count(String memberId) {
        return db.fetchCount(STAFF_ACCESS, STAFF_ACCESS.MEMBER_ID.eq(memberId));
    }

    void erase(String memberId) {
        db.deleteFrom(STAFF_ACCESS).where(STAFF_ACCESS.MEMBER_ID.eq(memberId)).execute();
    }
}
