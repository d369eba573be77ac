package org.hearth.conversation;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every feature's {@link PostCheck}, asked before a post is stored; the first that does not say
 * "store" decides. For every page that stores a post's text, conversation's own and those of
 * features whose posts are written on their own forms (a decision, an experience).
 */
@Component
public class PostChecks {

    private final List<PostCheck> checks;

    PostChecks(ObjectProvider<PostCheck> checks) {
        this.checks = checks.orderedStream().toList();
    }

    public PostCheck.Verdict check(PostCheck.Post post) {
        for (PostCheck check : checks) {
            PostCheck.Verdict verdict = check.check(post);
            if (!(verdict instanceof PostCheck.Verdict.Store)) {
                return verdict;
            }
        }
        return new PostCheck.Verdict.Store();
    }

    /** Tells every check the post was stored; what they say to the writer, as one text (empty when nothing). */
    public String stored(PostCheck.Post post, String postId) {
        return checks.stream().map(check -> check.stored(post, postId)).flatMap(java.util.Optional::stream)
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
