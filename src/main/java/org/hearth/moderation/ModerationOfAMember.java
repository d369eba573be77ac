package org.hearth.moderation;

import static org.hearth.moderation.schema.Tables.APPEALS;
import static org.hearth.moderation.schema.Tables.FLAGS;
import static org.hearth.moderation.schema.Tables.MEMBER_FLAGS;
import static org.hearth.moderation.schema.Tables.MEMBER_REVIEWS;
import static org.hearth.moderation.schema.Tables.MODERATION_ACTIONS;
import static org.hearth.moderation.schema.Tables.REVIEWS;
import static org.hearth.moderation.schema.Tables.SITE_ACTIONS;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.community.CommunityNames;
import org.hearth.community.CommunityNames.Named;
import org.hearth.conversation.HiddenPosts;
import org.hearth.identity.MemberData;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What moderation holds about a member. Their download shows the flags they cast, on posts and
 * about members (reason, comment, when, how it was judged; never whom a flag about a member was
 * about, which is the other member's), the decisions moderators took about them, their appeals, and the actions
 * they took as a moderator; never who flagged their posts, nor which moderator decided.
 *
 * <p>Erasing: their own flags go (a pending review loses their weight); flags, reviews and
 * queue entries on their posts go with the posts' text, and flags about them as a person with
 * their queue entry (a flagged member's entry left with no flag goes too); the actions log keeps its rows, for
 * the community's record and for appeals, with every link to them removed (the member it was
 * about, the moderator who acted, the post). Their appeals go, words and all (one still waiting
 * with them); appeals they decided keep the decision without their name. Erased before
 * conversation's posts.
 */
@Component
@Order(50)
class ModerationOfAMember implements MemberData {

    private final DSLContext db;
    private final CommunityNames communities;
    private final HiddenPosts posts;

    ModerationOfAMember(DSLContext db, CommunityNames communities, HiddenPosts posts) {
        this.db = db;
        this.communities = communities;
        this.posts = posts;
    }

    @Override
    public String section() {
        return "moderation";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(FLAGS, REVIEWS, MODERATION_ACTIONS, APPEALS, SITE_ACTIONS, MEMBER_FLAGS, MEMBER_REVIEWS);
    }

    record Section(List<FlagCast> flagsCast, List<MemberFlagCast> flagsAboutMembersCast, List<DecisionAboutYou> decisionsAboutYou, List<AppealMade> appeals,
            List<SiteActionAboutYou> siteActionsAboutYou, List<ActionTaken> actionsTakenAsModerator) {
    }

    /** A site-wide suspension of their account, or its lifting, with the administrators' reason. */
    record SiteActionAboutYou(String action, String reason, Instant until, Instant at) {
    }

    /** An appeal they made: what they wrote, and whether it was upheld (null while it waits). */
    record AppealMade(Named community, String decisionAppealed, String words, Instant at, Boolean upheld, Instant decidedAt) {
    }

    /** A flag the member cast: judged is null while it waits, then "upheld" or "rejected". */
    record FlagCast(Named community, String postId, String reason, String comment, Instant flaggedAt, String judged) {
    }

    /** A flag the member cast about another member as a person: from which post, but not whom (that is the other member's). */
    record MemberFlagCast(Named community, String fromPostId, String reason, String comment, Instant flaggedAt, String judged) {
    }

    record DecisionAboutYou(Named community, String action, String postId, Integer ruleNumber, String reason, Instant until,
            Instant at) {
    }

    /** An action they took as a moderator; whom it was about stays out (that is the other member's). */
    record ActionTaken(Named community, String action, Integer ruleNumber, String reason, Instant at) {
    }

    @Override
    public Object export(String memberId) {
        var flags = db.select(FLAGS.COMMUNITY_ID, FLAGS.POST_ID, FLAGS.REASON, FLAGS.COMMENT, FLAGS.FLAGGED_AT, FLAGS.JUDGED).from(FLAGS)
                .where(FLAGS.FLAGGER_ID.eq(memberId)).orderBy(FLAGS.FLAGGED_AT, FLAGS.ID).fetch();
        var memberFlags = db.select(MEMBER_FLAGS.COMMUNITY_ID, MEMBER_FLAGS.POST_ID, MEMBER_FLAGS.REASON, MEMBER_FLAGS.COMMENT,
                        MEMBER_FLAGS.FLAGGED_AT, MEMBER_FLAGS.JUDGED)
                .from(MEMBER_FLAGS).where(MEMBER_FLAGS.FLAGGER_ID.eq(memberId)).orderBy(MEMBER_FLAGS.FLAGGED_AT, MEMBER_FLAGS.ID).fetch();
        var about = db.selectFrom(MODERATION_ACTIONS).where(MODERATION_ACTIONS.MEMBER_ID.eq(memberId))
                .orderBy(MODERATION_ACTIONS.ACTED_AT, MODERATION_ACTIONS.ID).fetch();
        var taken = db.selectFrom(MODERATION_ACTIONS).where(MODERATION_ACTIONS.MODERATOR_ID.eq(memberId))
                .orderBy(MODERATION_ACTIONS.ACTED_AT, MODERATION_ACTIONS.ID).fetch();
        var appealed = db.select(APPEALS.COMMUNITY_ID, MODERATION_ACTIONS.ACTION, APPEALS.WORDS, APPEALS.APPEALED_AT, APPEALS.UPHELD,
                        APPEALS.DECIDED_AT)
                .from(APPEALS).join(MODERATION_ACTIONS).on(MODERATION_ACTIONS.ID.eq(APPEALS.ACTION_ID))
                .where(APPEALS.MEMBER_ID.eq(memberId)).orderBy(APPEALS.APPEALED_AT, APPEALS.ID).fetch();
        var site = db.selectFrom(SITE_ACTIONS).where(SITE_ACTIONS.MEMBER_ID.eq(memberId)).orderBy(SITE_ACTIONS.ACTED_AT, SITE_ACTIONS.ID).fetch();
        var ids = new HashSet<String>(flags.getValues(FLAGS.COMMUNITY_ID));
        ids.addAll(memberFlags.getValues(MEMBER_FLAGS.COMMUNITY_ID));
        ids.addAll(appealed.getValues(APPEALS.COMMUNITY_ID));
        ids.addAll(about.getValues(MODERATION_ACTIONS.COMMUNITY_ID));
        ids.addAll(taken.getValues(MODERATION_ACTIONS.COMMUNITY_ID));
        Map<String, Named> named = communities.byId(ids);
        return new Section(
                flags.map(r -> new FlagCast(named.get(r.value1()), r.value2(), lower(r.value3()), r.value4(), at(r.value5()),
                        r.value6() == null ? null : lower(r.value6()))),
                memberFlags.map(r -> new MemberFlagCast(named.get(r.value1()), r.value2(), lower(r.value3()), r.value4(), at(r.value5()),
                        r.value6() == null ? null : lower(r.value6()))),
                about.map(r -> new DecisionAboutYou(named.get(r.getCommunityId()), lower(r.getAction()), r.getPostId(), r.getRuleNumber(),
                        r.getReason(), at(r.getUntilAt()), at(r.getActedAt()))),
                appealed.map(r -> new AppealMade(named.get(r.value1()), lower(r.value2()), r.value3(), at(r.value4()), r.value5(),
                        at(r.value6()))),
                site.map(r -> new SiteActionAboutYou(lower(r.getAction()), r.getReason(), at(r.getUntilAt()), at(r.getActedAt()))),
                taken.map(r -> new ActionTaken(named.get(r.getCommunityId()), lower(r.getAction()), r.getRuleNumber(), r.getReason(),
                        at(r.getActedAt()))));
    }

    @Override
    public void erase(String memberId) {
        List<String> theirPosts = posts.idsByAuthor(memberId);
        db.deleteFrom(FLAGS).where(FLAGS.FLAGGER_ID.eq(memberId).or(FLAGS.AUTHOR_ID.eq(memberId)).or(FLAGS.POST_ID.in(theirPosts))).execute();
        db.deleteFrom(REVIEWS).where(REVIEWS.POST_ID.in(theirPosts)).execute();
        db.deleteFrom(MEMBER_FLAGS).where(MEMBER_FLAGS.FLAGGER_ID.eq(memberId).or(MEMBER_FLAGS.MEMBER_ID.eq(memberId))).execute();
        db.update(MEMBER_FLAGS).setNull(MEMBER_FLAGS.POST_ID).where(MEMBER_FLAGS.POST_ID.in(theirPosts)).execute();
        db.deleteFrom(MEMBER_REVIEWS).where(MEMBER_REVIEWS.MEMBER_ID.eq(memberId)).execute();
        // a flagged member whose only flags were theirs no longer waits
        db.deleteFrom(MEMBER_REVIEWS).where(MEMBER_REVIEWS.DECIDED_AT.isNull(), org.jooq.impl.DSL.notExists(db.selectOne().from(MEMBER_FLAGS)
                .where(MEMBER_FLAGS.COMMUNITY_ID.eq(MEMBER_REVIEWS.COMMUNITY_ID), MEMBER_FLAGS.MEMBER_ID.eq(MEMBER_REVIEWS.MEMBER_ID),
                        MEMBER_FLAGS.JUDGED.isNull()))).execute();
        db.update(MEMBER_REVIEWS).setNull(MEMBER_REVIEWS.CLAIMED_BY).setNull(MEMBER_REVIEWS.CLAIMED_AT)
                .where(MEMBER_REVIEWS.CLAIMED_BY.eq(memberId)).execute();
        db.update(MEMBER_REVIEWS).setNull(MEMBER_REVIEWS.DECIDED_BY).where(MEMBER_REVIEWS.DECIDED_BY.eq(memberId)).execute();
        db.update(REVIEWS).setNull(REVIEWS.CLAIMED_BY).setNull(REVIEWS.CLAIMED_AT).where(REVIEWS.CLAIMED_BY.eq(memberId)).execute();
        db.update(REVIEWS).setNull(REVIEWS.DECIDED_BY).where(REVIEWS.DECIDED_BY.eq(memberId)).execute();
        db.deleteFrom(APPEALS).where(APPEALS.MEMBER_ID.eq(memberId)).execute();
        db.update(SITE_ACTIONS).setNull(SITE_ACTIONS.MEMBER_ID).where(SITE_ACTIONS.MEMBER_ID.eq(memberId)).execute();
        db.update(SITE_ACTIONS).setNull(SITE_ACTIONS.ADMIN_ID).where(SITE_ACTIONS.ADMIN_ID.eq(memberId)).execute();
        db.update(APPEALS).setNull(APPEALS.DECIDED_BY).where(APPEALS.DECIDED_BY.eq(memberId)).execute();
        db.update(MODERATION_ACTIONS).setNull(MODERATION_ACTIONS.POST_ID).where(MODERATION_ACTIONS.POST_ID.in(theirPosts)).execute();
        db.update(MODERATION_ACTIONS).setNull(MODERATION_ACTIONS.MEMBER_ID).where(MODERATION_ACTIONS.MEMBER_ID.eq(memberId)).execute();
        db.update(MODERATION_ACTIONS).setNull(MODERATION_ACTIONS.MODERATOR_ID).where(MODERATION_ACTIONS.MODERATOR_ID.eq(memberId)).execute();
    }

    private static Instant at(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
