package org.hearth.conversation;

import java.util.Map;
import java.util.Set;

/**
 * A post as one viewer may see it. {@code authorId} is null when the post is anonymous and the
 * viewer is not a moderator, or when its author deleted their account, so no page can link to
 * the author. {@code position} is 0 for the
 * opening post and counts the replies after it. {@code folded}: the reader blocked its author,
 * so it is shown folded, one click to open (never for an anonymous post, see {@link ReadersChoices}).
 *
 * <p>{@code hidden} says why a post is hidden (null when it is not). When the viewer may not
 * see a hidden post ({@code concealed}: neither its author nor a moderator), its text, warning,
 * author and reactions are left out here, so no page or live rendering can show them.
 */
public record PostView(
        String id,
        int position,
        String authorId,
        String author,
        boolean anonymous,
        boolean opening,
        String bodyHtml,
        String contentWarning,
        long createdAt,
        boolean edited,
        boolean deleted,
        boolean mine,
        boolean unread,
        Map<ReactionKind, Integer> reactions,
        Set<ReactionKind> myReactions,
        boolean folded,
        Hidden hidden,
        boolean concealed) {

    public int count(ReactionKind kind) {
        return reactions.getOrDefault(kind, 0);
    }

    public boolean reacted(ReactionKind kind) {
        return myReactions.contains(kind);
    }

    /** The reactions the reader had given when the page was made, as the reaction form sends them back. */
    public String reactedNames() {
        return myReactions.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }
}
