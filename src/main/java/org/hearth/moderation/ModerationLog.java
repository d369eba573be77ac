package org.hearth.moderation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.community.Access;
import org.hearth.community.StaffNames;
import org.hearth.conversation.HiddenPosts;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * A community's moderation log, which everyone who may read the community reads: what was
 * done, under which rule, why and when, and by which moderator under their staff name
 * ("Moderator 3"), so members can see whether decisions are consistent without anyone being
 * able to pursue a volunteer by handle. Fellow moderators see handles. The member an action was
 * about is named only to moderators and to that member; no post's text is shown, and the
 * written reason of an action on a post flagged for a privacy breach or a risk of self-harm is
 * kept from everyone but moderators and the member concerned. Kept for the life of the community.
 */
@Service
public class ModerationLog {

    public static final int PER_PAGE = 50;

    private final Flags flags;
    private final StaffNames staffNames;
    private final Members members;
    private final HiddenPosts posts;

    ModerationLog(Flags flags, StaffNames staffNames, Members members, HiddenPosts posts) {
        this.posts = posts;
        this.flags = flags;
        this.staffNames = staffNames;
        this.members = members;
    }

    /**
     * One entry as this reader may see it. {@code member}: the member it was about, by handle, only
     * for moderators (null otherwise); {@code aboutYou}: the reader is that member;
     * {@code reason}: null when it is withheld from this reader.
     */
    public record Entry(ModerationAction action, Integer ruleNumber, String reason, boolean withheld, String moderator,
            String member, boolean aboutYou, String postId, Long until, long actedAt, boolean undone) {
    }

    public record Page(Access access, List<Entry> entries, int page, int pageCount) {
    }

    /** A page of the log, newest first; empty when the reader may not read the community. */
    public Optional<Page> page(Access access, Viewer viewer, int page) {
        if (!access.canRead()) {
            return Optional.empty();
        }
        String communityId = access.community().id();
        int pageCount = Math.max(1, (flags.logSize(communityId) + PER_PAGE - 1) / PER_PAGE);
        int shown = Math.min(Math.max(1, page), pageCount);
        List<Flags.Logged> rows = flags.log(communityId, (shown - 1) * PER_PAGE, PER_PAGE);
        boolean moderator = access.canModerate();
        Set<String> moderators = new HashSet<>();
        Set<String> concerned = new HashSet<>();
        rows.forEach(r -> {
            if (r.moderatorId() != null && !r.bySiteStaff() && (!r.byAdvisor() || moderator)) {
                moderators.add(r.moderatorId());
            }
            if (moderator && r.memberId() != null) {
                concerned.add(r.memberId());
            }
        });
        Map<String, String> names = moderator ? members.handles(moderators) : staffNames.of(communityId, moderators);
        Map<String, String> handles = members.handles(concerned);
        // who wrote an anonymous post is not named by the log, even to moderators: the topic page reveals it, on the record
        Set<String> anonymous = new HashSet<>();
        if (moderator) {
            posts.forModerators(access, rows.stream().map(Flags.Logged::postId).filter(java.util.Objects::nonNull).toList())
                    .values().stream().filter(HiddenPosts.Post::anonymous).forEach(post -> anonymous.add(post.id()));
        }
        String reader = viewer == null ? null : viewer.memberId();
        List<Entry> entries = rows.stream().map(r -> {
            boolean aboutYou = reader != null && reader.equals(r.memberId());
            boolean withheld = r.sensitive() && !moderator && !aboutYou;
            String by = r.bySiteStaff() ? "A site administrator"
                    : r.byAdvisor() ? (moderator && names.containsKey(r.moderatorId()) ? "A clinical advisor, " + names.get(r.moderatorId()) : "A clinical advisor")
                    : r.moderatorId() == null ? "a former moderator" : names.getOrDefault(r.moderatorId(), "a former moderator");
            return new Entry(r.action(), r.ruleNumber(), withheld ? null : r.reason(), withheld, by,
                    moderator && !anonymous.contains(r.postId()) ? handles.get(r.memberId()) : null, aboutYou, moderator || aboutYou ? r.postId() : null,
                    r.until(), r.actedAt(), r.undoneAt() != null);
        }).toList();
        return Optional.of(new Page(access, entries, shown, pageCount));
    }
}
