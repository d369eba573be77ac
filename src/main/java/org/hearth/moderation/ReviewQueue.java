package org.hearth.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.CommunityNames.Named;
import org.hearth.community.Rules;
import org.hearth.privacy.StaffAccess;
import org.hearth.conversation.HiddenPosts;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * A community's review queue as its moderators read it: each flagged post once, with every
 * reason, comment and the score, self-harm first. For moderators signed in with a second
 * factor only; everyone else gets nothing, and the page answers them as if it did not exist.
 */
@Service
public class ReviewQueue {

    private final Flags flags;
    private final MemberFlags memberFlags;
    private final HiddenPosts posts;
    private final Members members;
    private final Communities communities;
    private final Appeals appeals;
    private final SiteStaffReach reach;
    private final Rules rules;
    private final StaffAccess staffAccess;

    ReviewQueue(Flags flags, MemberFlags memberFlags, HiddenPosts posts, Members members, Communities communities, Appeals appeals,
            SiteStaffReach reach, Rules rules, StaffAccess staffAccess) {
        this.memberFlags = memberFlags;
        this.staffAccess = staffAccess;
        this.rules = rules;
        this.appeals = appeals;
        this.reach = reach;
        this.flags = flags;
        this.posts = posts;
        this.members = members;
        this.communities = communities;
    }

    /** One flag as moderators see it; who flagged is for moderators only. */
    public record FlagLine(FlagReason reason, String comment, String flagger, long flaggedAt) {
    }

    /**
     * One flagged post. {@code author} names an anonymous author as moderators may see it;
     * {@code claimedBy} is the handle of the moderator holding it, or null.
     */
    public record Item(HiddenPosts.Post post, String author, List<FlagLine> flags, double score, boolean urgent,
            String claimedBy, boolean claimedByMe, long openedAt) {

        public boolean askedAgain() {
            return post.askedAgainAt() != null;
        }

        /** The score as moderators read it: "4" or "3.5". */
        public String scoreText() {
            return scoreText(score);
        }

        static String scoreText(double score) {
            return score == Math.rint(score) ? Long.toString((long) score) : String.format(java.util.Locale.ROOT, "%.1f", score);
        }
    }

    /**
     * An appeal waiting for a decision. {@code actedBy}: the moderator who acted, by handle;
     * {@code actedByMe}: the reader did, so someone else decides; {@code post}: the post it
     * concerns, or null when the action was about none or the post is gone.
     */
    public record AppealItem(String appealId, ModerationAction action, Integer ruleNumber, String actionReason, long actedAt,
            Long until, String actedBy, boolean actedByMe, String member, String words, long appealedAt, HiddenPosts.Post post) {
    }

    /**
     * {@code flagsShown}: false for site staff in a community whose moderators are active (the
     * flagged posts are theirs); {@code appeals}: for site staff, only those left to the site.
     */
    public record Queue(Access access, List<Item> items, List<AppealItem> appeals, int joinRequests, boolean flagsShown,
            List<Rules.Rule> rules, List<Named> moveTargets, List<HeldItem> held, List<MemberItem> members) {
    }

    /**
     * A member flagged as a person, as the queue lists them: the reasons, how many and the score,
     * but not who it is nor what was written, which a moderator reads by opening it (and the
     * member then finds that in their record of what staff saw). {@code aboutYou}: the reader is
     * the member flagged, so another moderator decides and the reader cannot open it.
     */
    public record MemberItem(String memberId, List<FlagReason> reasons, int flagCount, double score, boolean urgent, String claimedBy,
            boolean claimedByMe, boolean aboutYou, long openedAt) {

        public String scoreText() {
            return Item.scoreText(score);
        }
    }

    /** One flag about a member as the moderator who opened it reads it; {@code post}: where the flagger started from, or null. */
    public record MemberFlagLine(FlagReason reason, String comment, String flagger, long flaggedAt, HiddenPosts.Post post) {
    }

    /**
     * A flagged member opened by a moderator. {@code handle}: who they are; {@code member}: whether
     * they still belong to the community (a former member can still be banned).
     */
    public record MemberReview(Access access, String memberId, String handle, boolean member, List<MemberFlagLine> flags, double score,
            boolean urgent, String claimedBy, boolean claimedByMe, List<Rules.Rule> rules) {

        public String scoreText() {
            return Item.scoreText(score);
        }
    }

    /** A post held for review: a new member's, where the community holds them; {@code author} by handle, as moderators see it. */
    public record HeldItem(HiddenPosts.Post post, String author) {
    }

    public Optional<Queue> of(Access access, Viewer moderator) {
        if (!access.canModerate()) {
            return Optional.empty();
        }
        boolean flagsShown = reach.mayWorkFlags(access);
        List<AppealItem> appealItems = appeals(access, moderator);
        if (!flagsShown) {
            return Optional.of(new Queue(access, List.of(), appealItems, 0, false, List.of(), List.of(), List.of(), List.of()));
        }
        String communityId = access.community().id();
        List<Flags.Review> reviews = flags.openReviews(communityId);
        List<String> postIds = reviews.stream().map(Flags.Review::itemId).toList();
        Map<String, HiddenPosts.Post> byId = posts.forModerators(access, postIds);
        Map<String, List<Flags.PendingFlag>> pending = new LinkedHashMap<>();
        if (!postIds.isEmpty()) {
            flags.pending(postIds).forEach(f -> pending.computeIfAbsent(f.postId(), k -> new ArrayList<>()).add(f));
        }
        Set<String> people = new HashSet<>();
        byId.values().forEach(p -> people.add(p.authorId()));
        pending.values().forEach(list -> list.forEach(f -> people.add(f.flaggerId())));
        reviews.forEach(r -> {
            if (r.claimedBy() != null) {
                people.add(r.claimedBy());
            }
        });
        Map<String, String> handles = members.handles(people);
        long now = flags.now();
        List<Item> items = new ArrayList<>();
        for (Flags.Review review : reviews) {
            HiddenPosts.Post post = byId.get(review.itemId());
            if (post == null) {
                continue;
            }
            List<Flags.PendingFlag> theirs = pending.getOrDefault(review.itemId(), List.of());
            String author = handles.getOrDefault(post.authorId(), "a former member");
            // the author of a post does not learn who flagged it, even as a moderator (another decides about it)
            boolean own = moderator.memberId().equals(post.authorId());
            boolean claimHolds = review.claimedBy() != null && review.claimedAt() != null
                    && review.claimedAt() > now - Flags.CLAIM_HOLDS.toMillis();
            items.add(new Item(post, post.anonymous() ? "anonymous member (" + author + ")" : author,
                    theirs.stream().map(f -> new FlagLine(f.reason(), f.comment(),
                            own ? "a member" : handles.getOrDefault(f.flaggerId(), "a former member"), f.flaggedAt())).toList(),
                    theirs.stream().mapToInt(Flags.PendingFlag::weight).sum() / 100.0,
                    review.urgent() || theirs.stream().anyMatch(f -> f.reason().urgent()),
                    claimHolds ? handles.get(review.claimedBy()) : null,
                    claimHolds && review.claimedBy().equals(moderator.memberId()), review.openedAt()));
        }
        items.sort(Comparator.comparing((Item i) -> !i.urgent()).thenComparing(i -> -i.score()).thenComparingLong(Item::openedAt));
        int requests = communities.waitingToJoin(access);
        List<HeldItem> heldItems = held(access);
        revealed(access, moderator, items.stream().map(Item::post).toList(), heldItems.stream().map(HeldItem::post).toList());
        List<Rules.Rule> rulesHere = items.isEmpty() ? List.of() : rules.current(access).rules();
        return Optional.of(new Queue(access, items, appealItems, requests, true, rulesHere,
                items.isEmpty() ? List.of() : moveTargets(access, moderator), heldItems, flaggedMembers(access, moderator)));
    }

    /** The members flagged as people and waiting here, urgent first, then by score, then oldest first; no names. */
    private List<MemberItem> flaggedMembers(Access access, Viewer moderator) {
        String communityId = access.community().id();
        List<Flags.Review> reviews = memberFlags.openReviews(communityId);
        if (reviews.isEmpty()) {
            return List.of();
        }
        Map<String, List<MemberFlags.PendingFlag>> pending = new LinkedHashMap<>();
        memberFlags.pending(communityId, reviews.stream().map(Flags.Review::itemId).toList())
                .forEach(f -> pending.computeIfAbsent(f.memberId(), k -> new ArrayList<>()).add(f));
        Map<String, String> claimers = members.handles(new HashSet<>(reviews.stream().map(Flags.Review::claimedBy)
                .filter(java.util.Objects::nonNull).toList()));
        long now = flags.now();
        List<MemberItem> items = new ArrayList<>();
        for (Flags.Review review : reviews) {
            List<MemberFlags.PendingFlag> theirs = pending.getOrDefault(review.itemId(), List.of());
            boolean claimHolds = review.claimedBy() != null && review.claimedAt() != null
                    && review.claimedAt() > now - Flags.CLAIM_HOLDS.toMillis();
            items.add(new MemberItem(review.itemId(), theirs.stream().map(MemberFlags.PendingFlag::reason).distinct().toList(), theirs.size(),
                    theirs.stream().mapToInt(MemberFlags.PendingFlag::weight).sum() / 100.0,
                    review.urgent() || theirs.stream().anyMatch(f -> f.reason().urgent()),
                    claimHolds ? claimers.get(review.claimedBy()) : null, claimHolds && review.claimedBy().equals(moderator.memberId()),
                    review.itemId().equals(moderator.memberId()), review.openedAt()));
        }
        items.sort(Comparator.comparing((MemberItem i) -> !i.urgent()).thenComparing(i -> -i.score()).thenComparingLong(MemberItem::openedAt));
        return items;
    }

    /**
     * A flagged member, opened by one of the community's moderators (or site staff working its
     * queue): who they are, every waiting flag with its words, who cast it and the post it came
     * from. Opening it is written in the member's record of what staff saw, before anything is
     * shown. Empty when the reader may not work this queue, when nothing about that member waits,
     * and when the flags are about the reader: another moderator reads those.
     */
    public Optional<MemberReview> member(Access access, Viewer moderator, String memberId) {
        if (!access.canModerate() || !reach.mayWorkFlags(access) || moderator.memberId().equals(memberId)
                || !org.hearth.platform.RandomId.looksValid(memberId)) {
            return Optional.empty();
        }
        String communityId = access.community().id();
        Optional<Flags.Review> found = memberFlags.review(communityId, memberId).filter(r -> r.decidedAt() == null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Flags.Review review = found.get();
        List<MemberFlags.PendingFlag> pending = memberFlags.pending(communityId, List.of(memberId));
        Set<String> people = new HashSet<>(List.of(memberId));
        pending.forEach(f -> people.add(f.flaggerId()));
        if (review.claimedBy() != null) {
            people.add(review.claimedBy());
        }
        Map<String, String> handles = members.handles(people);
        Map<String, HiddenPosts.Post> from = posts.forModerators(access,
                pending.stream().map(MemberFlags.PendingFlag::postId).filter(java.util.Objects::nonNull).distinct().toList());
        staffAccess.record(memberId, access.staffRole(), new StaffAccess.Where(communityId, access.community().name()),
                StaffAccess.Seen.OPENED_FLAG_ABOUT_MEMBER);
        boolean claimHolds = review.claimedBy() != null && review.claimedAt() != null
                && review.claimedAt() > flags.now() - Flags.CLAIM_HOLDS.toMillis();
        return Optional.of(new MemberReview(access, memberId, handles.getOrDefault(memberId, "a former member"),
                communities.member(access, memberId).isPresent(),
                pending.stream().map(f -> new MemberFlagLine(f.reason(), f.comment(), handles.getOrDefault(f.flaggerId(), "a former member"),
                        f.flaggedAt(), f.postId() == null ? null : from.get(f.postId()))).toList(),
                pending.stream().mapToInt(MemberFlags.PendingFlag::weight).sum() / 100.0,
                review.urgent() || pending.stream().anyMatch(f -> f.reason().urgent()),
                claimHolds ? handles.get(review.claimedBy()) : null, claimHolds && review.claimedBy().equals(moderator.memberId()),
                rules.current(access).rules()));
    }

    /** The other communities this moderator moderates (a second factor included), where a public community's topic may move. */
    private List<Named> moveTargets(Access access, Viewer moderator) {
        if (access.siteStaff() || access.community().visibility() != org.hearth.community.Visibility.PUBLIC) {
            return List.of();
        }
        return communities.mine(moderator).stream().filter(Access::canModerate)
                .filter(other -> !other.community().id().equals(access.community().id()))
                .map(other -> new Named(other.community().slug(), other.community().name())).toList();
    }

    /**
     * The queue names who wrote each anonymous post it shows, as the topic page does for
     * moderators: each such author gets an entry in their record of what staff saw, in one batch.
     */
    private void revealed(Access access, Viewer moderator, List<HiddenPosts.Post> flagged, List<HiddenPosts.Post> held) {
        List<String> authors = new ArrayList<>();
        for (List<HiddenPosts.Post> shown : List.of(flagged, held)) {
            shown.stream().filter(HiddenPosts.Post::anonymous).map(HiddenPosts.Post::authorId)
                    .filter(id -> id != null && !id.equals(moderator.memberId())).forEach(authors::add);
        }
        if (!authors.isEmpty()) {
            staffAccess.record(authors, access.staffRole(), new StaffAccess.Where(access.community().id(), access.community().name()),
                    StaffAccess.Seen.REVEALED_ANONYMOUS_AUTHOR);
        }
    }

    private List<HeldItem> held(Access access) {
        List<HiddenPosts.Post> held = posts.held(access);
        Map<String, String> handles = members.handles(new HashSet<>(held.stream().map(HiddenPosts.Post::authorId).toList()));
        return held.stream().map(post -> {
            String author = handles.getOrDefault(post.authorId(), "a former member");
            return new HeldItem(post, post.anonymous() ? "anonymous member (" + author + ")" : author);
        }).toList();
    }

    private List<AppealItem> appeals(Access access, Viewer reader) {
        List<Appeals.Appeal> waiting = appeals.waiting(access.community().id());
        if (waiting.isEmpty()) {
            return List.of();
        }
        Map<String, Appeals.Action> actions = appeals.actions(waiting.stream().map(Appeals.Appeal::actionId).toList());
        List<String> staff = access.siteStaff() ? communities.staffIds(access.community().id()) : List.of();
        List<Appeals.Appeal> shown = waiting.stream().filter(a -> actions.containsKey(a.actionId()))
                .filter(a -> !access.siteStaff() || SiteStaffReach.leftToTheSite(actions.get(a.actionId()), staff)).toList();
        Set<String> people = new HashSet<>();
        Set<String> postIds = new HashSet<>();
        for (Appeals.Appeal appeal : shown) {
            Appeals.Action action = actions.get(appeal.actionId());
            if (action.moderatorId() != null) {
                people.add(action.moderatorId());
            }
            if (appeal.memberId() != null) {
                people.add(appeal.memberId());
            }
            if (action.postId() != null) {
                postIds.add(action.postId());
            }
        }
        Map<String, String> handles = members.handles(people);
        Map<String, HiddenPosts.Post> byId = posts.forModerators(access, postIds);
        return shown.stream().map(appeal -> {
            Appeals.Action action = actions.get(appeal.actionId());
            String actedBy = action.moderatorId() == null ? "a former moderator" : handles.getOrDefault(action.moderatorId(), "a former moderator");
            HiddenPosts.Post post = action.postId() == null ? null : byId.get(action.postId());
            // an appeal about an anonymous post does not unmask its author
            String member = post != null && post.anonymous() ? "the post's anonymous author"
                    : handles.getOrDefault(appeal.memberId(), "a former member");
            return new AppealItem(appeal.id(), action.action(), action.ruleNumber(), action.reason(), action.actedAt(), action.until(),
                    actedBy, reader.memberId().equals(action.moderatorId()), member, appeal.words(), appeal.appealedAt(), post);
        }).toList();
    }

    /**
     * How many of this member's posts in the community had flags upheld since a time (distinct
     * posts), plus the decisions upholding flags about them as a person; self-harm flags never
     * count against anyone. The trust feature's question of whether flags were upheld against a member.
     */
    public int upheldAgainst(String communityId, String memberId, long since) {
        return flags.upheldAgainst(communityId, memberId, since) + memberFlags.upheldAgainst(communityId, memberId, since);
    }

    /** How many items (posts, members, appeals, held posts) wait in the queue, for a moderator's link to it; 0 for anyone else. */
    public int waiting(Access access) {
        return access.canModerate()
                ? flags.waiting(access.community().id()) + memberFlags.waiting(access.community().id())
                        + appeals.waitingCount(access.community().id()) + posts.heldCount(access) : 0;
    }
}
