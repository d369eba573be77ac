package org.hearth.community;

import static org.hearth.community.schema.Tables.COMMUNITIES;

import java.util.Collection;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The address and name of communities by id, for features that keep community ids. Hidden
 * communities are named too: callers show a name only to someone who was there, such as a
 * member reading their own download.
 */
@Service
public class CommunityNames {

    /** How a community is named in a member's download. */
    public record Named(String slug, String name) {
    }

    private final DSLContext db;

    CommunityNames(DSLContext db) {
        this.db = db;
    }

    /** The communities with these ids, in one query; unknown ids are simply absent. */
    public Map<String, Named> byId(Collection<String> communityIds) {
        if (communityIds.isEmpty()) {
            return Map.of();
        }
        return db.select(COMMUNITIES.ID, COMMUNITIES.SLUG, COMMUNITIES.NAME).from(COMMUNITIES).where(COMMUNITIES.ID.in(communityIds))
                .fetchMap(COMMUNITIES.ID, r -> new Named(r.get(COMMUNITIES.SLUG), r.get(COMMUNITIES.NAME)));
    }
}
