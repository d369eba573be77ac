package org.hearth.conversation;

/**
 * What another feature shows with the posts of a topic page: a clinician's badge beside the
 * author, evidence notes below the body, a "hidden pending review" notice above it, a member's
 * decision experience. The feature implements this interface as a Spring bean; the topic page
 * asks every such bean (in {@link org.springframework.core.annotation.Order @Order}) and shows
 * what they answer. Conversation knows none of them, so the dependency points from the
 * extending feature to conversation, never back.
 *
 * <p>Why an extension point rather than composing the topic page in a web package above all
 * features: the additions sit inside each post's own markup, which is conversation's, and the
 * same post markup is rendered for live readers, where no page is composed at all.
 *
 * <p>How to implement it:
 * <ul>
 * <li>It is called <em>once per page</em>, with every post on it, never once per post: load
 * what the page needs here, in one query (or a few) for all the posts. The topic page's number
 * of queries is bounded by a test, extensions included.</li>
 * <li>Answer with {@link gg.jte.Content} that renders what was loaded with the extending
 * feature's <em>own</em> templates, e.g.
 * {@code output -> templates.render("org/hearth/clinician/web/badge.jte", Map.of("badge", badge), output)}
 * with the application's {@link gg.jte.TemplateEngine}. Conversation's templates only output
 * that content; no template calls another feature's template.</li>
 * <li>Use only what {@link PostsOnPage} gives, not the signed-in member of the current thread:
 * the rendering for live readers is made once for everyone, on whichever thread asked.</li>
 * <li>What is answered for a page {@link PostsOnPage#forEveryone() for everyone} reaches every
 * live reader of the topic: add there only what anyone who may read the topic may see. What
 * only some readers see (moderators, the author) appears when they load the page.</li>
 * </ul>
 */
public interface PostExtension {

    /** What to show with these posts, by post and place; {@link PostAdditions#NONE} when nothing. */
    PostAdditions additions(PostsOnPage page);
}
