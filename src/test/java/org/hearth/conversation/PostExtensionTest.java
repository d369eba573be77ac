package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hearth.community.Access;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.PostsOnPage.PostOnPage;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.EventStream;
import org.hearth.testing.HearthTest;
import org.hearth.testing.SqliteDatabase;
import org.hearth.testing.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Other features add to the posts of a topic page through {@link PostExtension}: what they add
 * shows in its place beside each post, they are asked once per page, on the page and for live
 * readers alike, and they never learn who wrote an anonymous post unless the reader may.
 * Shares its application with {@link TopicPageQueriesTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SqliteDatabase.class)
@Import({TopicPageQueriesTest.CountingQueries.class, MarkingPosts.class})
class PostExtensionTest extends HearthTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    Conversations conversations;

    @Autowired
    MarkingPosts.Marks marks;

    private record Topic(String slug, String id, Access access, Viewer owner) {

        String path() {
            return "/c/" + slug + "/t/" + id;
        }
    }

    private Topic topic(Viewer owner, boolean anonymousAllowed, int replies) {
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, anonymousAllowed);
        var access = communities.visibleTo(slug, owner).orElseThrow();
        String id = started(access, owner, new Draft(TopicKind.QUESTION, "Marked", "opening", null, false));
        for (int i = 1; i <= replies; i++) {
            // one with a content warning: its additions stay outside the fold
            replied(access, owner, id, new Draft(null, null, "reply " + i, i == 2 ? "hospital" : null, false));
        }
        return new Topic(slug, id, access, owner);
    }

    private Viewer memberOf(Topic topic) {
        Viewer member = account(unique("m"));
        admit(topic.owner(), topic.slug(), member);
        return member;
    }

    @Test
    void eachPostShowsWhatWasAddedToItInItsPlaces() {
        Topic topic = topic(account(unique("own")), false, 3);

        Document page = visitor().get(topic.path()).document();

        var posts = page.select("article.post");
        assertThat(posts).hasSize(4);
        for (Element post : posts) {
            String id = post.id().substring(2);
            assertThat(post.select(".mark").eachAttr("data-post")).as("its own marks, one per place")
                    .containsExactly(id, id, id);
            Element beside = post.selectFirst("header > .mark.beside-author");
            assertThat(beside.previousElementSibling().hasClass("author")).as("right after the author").isTrue();
            Element above = post.selectFirst("> .mark.above-body");
            assertThat(above.previousElementSibling().tagName()).isEqualTo("header");
            assertThat(above.nextElementSibling().is(".body, details.cw")).as("right before the text").isTrue();
            Element below = post.selectFirst("> .mark.below-body");
            assertThat(below.previousElementSibling().is(".body, details.cw")).as("right after the text").isTrue();
            assertThat(below.nextElementSibling().tagName()).isEqualTo("footer");
        }
        assertThat(page.select("details.cw .mark")).as("never folded away with the text").isEmpty();
    }

    @Test
    void extensionsAreAskedOncePerPageWithAllItsPosts() {
        Topic topic = topic(account(unique("own")), false, 5);
        Visitor reader = signedIn(memberOf(topic));
        int before = marks.asked.size();

        Document page = reader.get(topic.path()).document();

        assertThat(marks.asked.size() - before).as("one call for six posts").isEqualTo(1);
        PostsOnPage asked = marks.lastAsked();
        assertThat(asked.topicId()).isEqualTo(topic.id());
        assertThat(asked.postIds()).as("every post, in the order shown")
                .containsExactlyElementsOf(page.select("article.post").eachAttr("id").stream().map(id -> id.substring(2)).toList());
        assertThat(asked.forEveryone()).isFalse();
        assertThat(asked.viewer()).isNotNull();
    }

    @Test
    void anExtensionLearnsWhoWroteAnAnonymousPostOnlyWhenTheReaderMay() {
        Viewer owner = account(unique("own"));
        Topic topic = topic(owner, true, 0);
        Viewer shy = memberOf(topic);
        var shyAccess = communities.visibleTo(topic.slug(), shy).orElseThrow();
        String anonymousPost = replied(shyAccess, shy, topic.id(), new Draft(null, null, "not me", null, true)).postId();

        for (Visitor reader : List.of(visitor(), signedIn(memberOf(topic)), signedIn(owner))) {
            assertThat(reader.get(topic.path()).status()).isEqualTo(200);
            PostOnPage post = shownTo(marks.lastAsked(), anonymousPost);
            assertThat(post.anonymous()).isTrue();
            assertThat(post.authorId()).as("hidden from visitors, members, and a moderator signed in with a password alone").isNull();
            assertThat(marks.lastAsked().authorIds()).doesNotContain(shy.memberId()).contains(owner.memberId());
        }

        assertThat(moderating(owner).get(topic.path()).status()).isEqualTo(200);
        assertThat(shownTo(marks.lastAsked(), anonymousPost).authorId())
                .as("a moderator with a second factor may know, so the extension may too").isEqualTo(shy.memberId());
    }

    @Test
    void liveReadersGetTheAdditionsForEveryone() {
        Viewer owner = account(unique("own"));
        Topic topic = topic(owner, true, 0);
        Viewer shy = memberOf(topic);
        var shyAccess = communities.visibleTo(topic.slug(), shy).orElseThrow();

        try (EventStream live = moderating(owner).events(topic.path() + "/live")) {
            assertThat(live.awaitComment("ok", WAIT)).as("connected").isTrue();
            String postId = replied(shyAccess, shy, topic.id(), new Draft(null, null, "not me", null, true)).postId();

            var event = live.next(WAIT);
            assertThat(event).as("the reply arrives").isNotNull();
            Element post = Jsoup.parseBodyFragment(event.data()).selectFirst("article.post");
            assertThat(post.select(".mark").eachAttr("data-post")).containsExactly(postId, postId, postId);

            PostsOnPage asked = marks.asked.stream().filter(PostsOnPage::forEveryone).toList().getLast();
            assertThat(asked.postIds()).containsExactly(postId);
            assertThat(asked.viewer()).as("no one's sign-in, though a moderator follows").isNull();
            assertThat(asked.access().member()).isFalse();
            assertThat(asked.access().moderates()).isFalse();
            assertThat(shownTo(asked, postId).authorId()).as("every live reader gets it: the author stays hidden").isNull();
        }
    }

    private static PostOnPage shownTo(PostsOnPage page, String postId) {
        return page.posts().stream().filter(p -> p.id().equals(postId)).findFirst().orElseThrow();
    }
}
