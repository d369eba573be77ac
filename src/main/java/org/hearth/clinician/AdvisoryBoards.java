package org.hearth.clinician;

import static org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS;
import static org.hearth.clinician.schema.Tables.COMMUNITY_ADVISORS;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.CommunityNames;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Communities' clinical advisory boards: verified clinicians a community's owners invited and who
 * accepted. A board shows only advisors whose verification is in force: an advisor whose badge
 * ends leaves every board with it. Being an advisor gives no power over posts.
 */
@Service
public class AdvisoryBoards {

    private final DSLContext db;
    private final Clock clock;
    private final Members members;
    private final CredentialReview review;
    private final CommunityNames communities;

    AdvisoryBoards(DSLContext db, Clock clock, Members members, CredentialReview review, CommunityNames communities) {
        this.db = db;
        this.clock = clock;
        this.members = members;
        this.review = review;
        this.communities = communities;
    }

    /** One advisor as a board shows them: their badge's words and where it links. */
    public record Advisor(String memberId, String handle, CredentialReview.Verification verification) {
    }

    /** An advisorship as its community's owners manage it: waiting, serving, declined or ended. */
    public record Seat(String memberId, String handle, String state, boolean verified) {
    }

    /** An invitation waiting for this clinician's answer. */
    public record Invitation(String communitySlug, String communityName, long invitedAt) {
    }

    /**
     * The community's board as anyone who may see the community sees it: one query when it has no
     * advisor, three when it has (the seats, their verifications, their handles).
     */
    public List<Advisor> board(Access access) {
        if (!access.canSee()) {
            return List.of();
        }
        var serving = db.select(COMMUNITY_ADVISORS.MEMBER_ID).from(COMMUNITY_ADVISORS)
                .where(COMMUNITY_ADVISORS.COMMUNITY_ID.eq(access.community().id()), COMMUNITY_ADVISORS.ACCEPTED.isTrue(),
                        COMMUNITY_ADVISORS.ENDED_AT.isNull())
                .orderBy(COMMUNITY_ADVISORS.ANSWERED_AT).fetch(COMMUNITY_ADVISORS.MEMBER_ID);
        if (serving.isEmpty()) {
            return List.of();
        }
        Map<String, CredentialReview.Verification> verified = review.verifiedAmong(serving);
        Map<String, String> handles = members.handles(serving);
        List<Advisor> board = new ArrayList<>();
        for (String memberId : serving) {
            if (verified.containsKey(memberId)) {
                board.add(new Advisor(memberId, handles.getOrDefault(memberId, "a former member"), verified.get(memberId)));
            }
        }
        return board;
    }

    /** Every advisorship of the community, for its owners; empty for anyone else. */
    public Optional<List<Seat>> seats(Access access) {
        if (!access.owns() || !access.canModerate()) {
            return Optional.empty();
        }
        var rows = db.selectFrom(COMMUNITY_ADVISORS).where(COMMUNITY_ADVISORS.COMMUNITY_ID.eq(access.community().id()))
                .orderBy(COMMUNITY_ADVISORS.INVITED_AT).fetch();
        List<String> ids = rows.getValues(COMMUNITY_ADVISORS.MEMBER_ID);
        Map<String, String> handles = members.handles(ids);
        Map<String, CredentialReview.Verification> verified = review.verifiedAmong(ids);
        return Optional.of(rows.map(r -> new Seat(r.getMemberId(), handles.getOrDefault(r.getMemberId(), "a former member"),
                r.getEndedAt() != null ? "ended" : r.getAccepted() == null ? "invited, no answer yet"
                        : r.getAccepted() ? "on the board" : "declined",
                verified.containsKey(r.getMemberId()))));
    }

    /** The invitations waiting for this member's answer. */
    public List<Invitation> invitations(Viewer viewer) {
        var rows = db.select(COMMUNITY_ADVISORS.COMMUNITY_ID, COMMUNITY_ADVISORS.INVITED_AT).from(COMMUNITY_ADVISORS)
                .where(COMMUNITY_ADVISORS.MEMBER_ID.eq(viewer.memberId()), COMMUNITY_ADVISORS.ACCEPTED.isNull(),
                        COMMUNITY_ADVISORS.ENDED_AT.isNull())
                .orderBy(COMMUNITY_ADVISORS.INVITED_AT).fetch();
        Map<String, CommunityNames.Named> named = communities.byId(rows.getValues(COMMUNITY_ADVISORS.COMMUNITY_ID));
        return rows.stream().filter(r -> named.containsKey(r.value1()))
                .map(r -> new Invitation(named.get(r.value1()).slug(), named.get(r.value1()).name(), r.value2())).toList();
    }

    /** Whether the community has an advisor serving now, verified: where flags of possible misinformation go besides its moderators. */
    boolean anyServing(String communityId) {
        return db.fetchExists(db.selectOne().from(COMMUNITY_ADVISORS).join(CLINICIAN_APPLICATIONS)
                .on(CLINICIAN_APPLICATIONS.MEMBER_ID.eq(COMMUNITY_ADVISORS.MEMBER_ID))
                .where(COMMUNITY_ADVISORS.COMMUNITY_ID.eq(communityId), COMMUNITY_ADVISORS.ACCEPTED.isTrue(), COMMUNITY_ADVISORS.ENDED_AT.isNull(),
                        Applications.inForce(clock.millis())));
    }

    /** Whether this member serves on the community's board now, verified. */
    boolean serving(String communityId, String memberId) {
        return db.fetchExists(COMMUNITY_ADVISORS, COMMUNITY_ADVISORS.COMMUNITY_ID.eq(communityId), COMMUNITY_ADVISORS.MEMBER_ID.eq(memberId),
                COMMUNITY_ADVISORS.ACCEPTED.isTrue(), COMMUNITY_ADVISORS.ENDED_AT.isNull()) && review.verified(memberId).isPresent();
    }

    // ---- the steps of the use cases -----------------------------------------------------------

    /** Invites (or invites again after a decline or an end); false when an invitation waits or they serve. */
    boolean invite(String communityId, String memberId, String ownerId) {
        long now = clock.millis();
        int inserted = db.insertInto(COMMUNITY_ADVISORS).set(COMMUNITY_ADVISORS.COMMUNITY_ID, communityId)
                .set(COMMUNITY_ADVISORS.MEMBER_ID, memberId).set(COMMUNITY_ADVISORS.INVITED_BY, ownerId)
                .set(COMMUNITY_ADVISORS.INVITED_AT, now).onConflictDoNothing().execute();
        if (inserted == 1) {
            return true;
        }
        return db.update(COMMUNITY_ADVISORS).set(COMMUNITY_ADVISORS.INVITED_BY, ownerId).set(COMMUNITY_ADVISORS.INVITED_AT, now)
                .setNull(COMMUNITY_ADVISORS.ACCEPTED).setNull(COMMUNITY_ADVISORS.ANSWERED_AT).setNull(COMMUNITY_ADVISORS.ENDED_AT)
                .where(COMMUNITY_ADVISORS.COMMUNITY_ID.eq(communityId), COMMUNITY_ADVISORS.MEMBER_ID.eq(memberId),
                        COMMUNITY_ADVISORS.ACCEPTED.isFalse().or(COMMUNITY_ADVISORS.ENDED_AT.isNotNull()))
                .execute() == 1;
    }

    /** Whether an invitation to this member waits for their answer. */
    boolean invited(String communityId, String memberId) {
        return db.fetchExists(COMMUNITY_ADVISORS, COMMUNITY_ADVISORS.COMMUNITY_ID.eq(communityId), COMMUNITY_ADVISORS.MEMBER_ID.eq(memberId),
                COMMUNITY_ADVISORS.ACCEPTED.isNull(), COMMUNITY_ADVISORS.ENDED_AT.isNull());
    }

    /** Answers a waiting invitation; false when none waits. */
    boolean answer(String communityId, String memberId, boolean accept) {
        return db.update(COMMUNITY_ADVISORS).set(COMMUNITY_ADVISORS.ACCEPTED, accept).set(COMMUNITY_ADVISORS.ANSWERED_AT, clock.millis())
                .where(COMMUNITY_ADVISORS.COMMUNITY_ID.eq(communityId), COMMUNITY_ADVISORS.MEMBER_ID.eq(memberId),
                        COMMUNITY_ADVISORS.ACCEPTED.isNull(), COMMUNITY_ADVISORS.ENDED_AT.isNull())
                .execute() == 1;
    }

    /** Ends a waiting invitation or a seat on the board; false when there is neither. */
    boolean end(String communityId, String memberId) {
        return db.update(COMMUNITY_ADVISORS).set(COMMUNITY_ADVISORS.ENDED_AT, clock.millis())
                .where(COMMUNITY_ADVISORS.COMMUNITY_ID.eq(communityId), COMMUNITY_ADVISORS.MEMBER_ID.eq(memberId),
                        COMMUNITY_ADVISORS.ENDED_AT.isNull(), COMMUNITY_ADVISORS.ACCEPTED.isNull().or(COMMUNITY_ADVISORS.ACCEPTED.isTrue()))
                .execute() == 1;
    }
}
