package org.hearth.conversation;

import java.util.Set;

/**
 * A post named these members with {@code @handle} for the first time (a new post, or an edit that
 * added them): each may read the post. {@code anonymous}: the community shows no author;
 * listeners must not either. Published inside the transaction that saved the post.
 */
public record MembersMentioned(String communityId, String topicId, String postId, String authorId, boolean anonymous,
        Set<String> memberIds) {
}
