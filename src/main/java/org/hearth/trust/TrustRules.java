package org.hearth.trust;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What each level asks for and what limits new members meet, as the site sets them
 * ({@code hearth.trust.*}). The defaults follow Discourse's levels, made smaller for communities
 * of dozens to thousands of patients; the README lists them.
 */
@ConfigurationProperties("hearth.trust")
record TrustRules(Requirement basic, Requirement member, Requirement trusted,
        @DefaultValue("180d") Duration upheldFlagsWithin, @DefaultValue NewMembers newMembers) {

    TrustRules {
        basic = basic == null ? new Requirement(1, 2, 5, 0) : basic;
        member = member == null ? new Requirement(14, 8, 15, 3) : member;
        trusted = trusted == null ? new Requirement(60, 30, 40, 10) : trusted;
    }

    /**
     * What reaching a level asks: days since joining, days on which they visited the community,
     * topics they opened, replies they wrote (not deleted); and, for every level, no flag about
     * their posts upheld within {@code upheld-flags-within}.
     */
    record Requirement(int daysMember, int daysVisited, int topicsEntered, int replies) {
    }

    /** What a new member may post: links in one post, new topics and replies in a day. */
    record NewMembers(@DefaultValue("2") int linksPerPost, @DefaultValue("3") int topicsPerDay,
            @DefaultValue("10") int repliesPerDay) {
    }

    Requirement toReach(TrustLevel level) {
        return switch (level) {
            case NEW -> new Requirement(0, 0, 0, 0);
            case BASIC -> basic;
            case MEMBER -> member;
            case TRUSTED -> trusted;
        };
    }
}
