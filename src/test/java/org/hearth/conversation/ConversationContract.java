package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.community.JoinCommunity;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Asking, answering and reading a topic, on whichever engine the subclass picks. */
abstract class ConversationContract extends HearthTest {

    @Test
    void aNewMemberJoinsAsksAndSeesAPeersReply() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);

        Visitor asker = member(unique("asker"));
        asker.submit("/c/" + slug + "/join", Map.of());
        var posted = asker.submit("/c/" + slug + "/topics", Map.of("kind", "QUESTION",
                "title", "How did you cope with the first infusion?", "body", "I start **next week**.",
                "contentWarning", ""));
        assertThat(posted.document().select(".error").eachText()).isEmpty();
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.document().select("h1").text()).isEqualTo("How did you cope with the first infusion?");
        assertThat(posted.document().select(".post.opening .body strong").text()).isEqualTo("next week");

        String topicPath = posted.document().selectFirst("form.composer").attr("action").replace("/replies", "");
        Visitor peer = member(unique("peer"));
        peer.submit("/c/" + slug + "/join", Map.of());
        var replied = peer.submit(topicPath + "/replies", Map.of("body", "Bring a book, it takes a while.", "contentWarning", ""));
        assertThat(replied.text()).contains("Bring a book, it takes a while.");

        var seen = asker.get(topicPath);
        assertThat(seen.document().select(".post:not(.opening) .body").text()).isEqualTo("Bring a book, it takes a while.");
        assertThat(seen.document().select(".post:not(.opening)").hasClass("unread")).isTrue();
        assertThat(asker.get(topicPath).document().select(".post.unread")).isEmpty();
    }

    @Autowired
    JoinCommunity joinCommunity;


    private String slugWithMembers(Viewer owner, boolean anonymous) {
        return community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, anonymous);
    }

    @Test
    void anEditRefusedForAReasonSaysItAndKeepsWhatWasTyped() {
        String slug = slugWithMembers(account(unique("own")), false);
        Visitor author = joined(slug);
        String topic = start(author, slug, Map.of("kind", "QUESTION", "title", "Sleep", "body", "first", "contentWarning", ""));
        String postId = author.get(topic).document().selectFirst(".post.opening").id().substring(2);
        String edit = "/c/" + slug + "/p/" + postId + "/edit";

        author.get(edit); // the form open in one tab, while the member leaves in another
        author.submit("/c/" + slug + "/leave", Map.of("confirmed", "true"));
        var left = author.post(edit, Map.of("title", "Sleep, again", "body", "typed after leaving", "contentWarning", ""));
        assertThat(left.document().select(".error-summary").text()).contains("no longer a member");
        assertThat(left.document().select("textarea[name=body]").text()).isEqualTo("typed after leaving");
        assertThat(left.document().select("input[name=title]").val()).isEqualTo("Sleep, again");

        author.submit("/c/" + slug + "/p/" + postId + "/delete", Map.of());
        var deleted = author.post(edit, Map.of("title", "Sleep", "body", "typed after deleting", "contentWarning", ""));
        assertThat(deleted.document().select(".error-summary").text()).contains("deleted meanwhile");
        assertThat(deleted.document().select("textarea[name=body]").text()).isEqualTo("typed after deleting");
    }

    private String start(Visitor author, String slug, Map<String, String> fields) {
        var page = author.submit("/c/" + slug + "/topics", fields);
        return page.document().selectFirst("form.composer").attr("action").replace("/replies", "");
    }

    private Visitor joined(String slug) {
        Visitor visitor = member(unique("m"));
        visitor.submit("/c/" + slug + "/join", Map.of());
        return visitor;
    }

    @Test
    void markdownIsMadeSafeAndNeverLoadsAnythingFromElsewhere() {
        String slug = slugWithMembers(account(unique("own")), false);
        Visitor author = joined(slug);
        String topic = start(author, slug, Map.of("kind", "DISCUSSION", "title", "Links",
                "body", "See [the guideline](https://example.org/g) ![tracker](https://tracker.example/p.gif)"
                        + " <script>alert(1)</script> <img src=x onerror=alert(1)> [bad](javascript:alert(1))",
                "contentWarning", ""));
        var body = visitor().get(topic).document().selectFirst(".post.opening .body");
        assertThat(body.select("script, img, iframe, [onerror], [style]")).isEmpty();
        assertThat(body.select("a[href^=javascript]")).isEmpty();
        var link = body.selectFirst("a[href=https://example.org/g]");
        assertThat(link).isNotNull();
        assertThat(link.attr("rel")).contains("noreferrer").contains("nofollow").contains("ugc");
        assertThat(body.html()).doesNotContain("tracker.example/p.gif\"");
    }

    @Test
    void contentWarningsFoldThePostAndBadInputKeepsWhatWasTyped() {
        String slug = slugWithMembers(account(unique("own")), false);
        Visitor author = joined(slug);
        var refused = author.post("/c/" + slug + "/topics", Map.of("kind", "STORY", "title", "",
                "body", "Something hard to tell", "contentWarning", "x".repeat(121)));
        assertThat(refused.status()).isEqualTo(200);
        var form = refused.document();
        assertThat(form.select("#title-error").text()).contains("Give your topic a title");
        assertThat(form.select("#contentWarning-error").text()).contains("under 120");
        assertThat(form.select("#body").text()).isEqualTo("Something hard to tell");
        assertThat(form.select("input[name=kind][checked]").val()).isEqualTo("STORY");
        assertThat(form.select(".audience").text()).contains("Anyone on the web can read posts here, without an account");

        String topic = start(author, slug, Map.of("kind", "STORY", "title", "My relapse",
                "body", "Something hard to tell", "contentWarning", "hospital stay"));
        var post = visitor().get(topic).document().selectFirst(".post.opening");
        assertThat(post.select("details.cw summary").text()).contains("hospital stay");
        assertThat(post.select("details.cw[open]")).isEmpty();
        assertThat(post.select("details.cw .body").text()).isEqualTo("Something hard to tell");

        var tooLong = author.post(topic + "/replies", Map.of("body", "y".repeat(20_001), "contentWarning", ""));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.document().select("#body-error").text()).contains("up to 20,000 characters; yours has 20,001");
        assertThat(tooLong.document().select("#body").text()).hasSize(20_001);
    }

    @Test
    void editsKeepEarlierVersionsForModeratorsAndDeletionErasesThem() {
        Viewer owner = account(unique("own"));
        String slug = slugWithMembers(owner, false);
        Visitor author = joined(slug);
        String topic = start(author, slug, Map.of("kind", "QUESTION", "title", "First title",
                "body", "first words", "contentWarning", ""));
        String postId = author.get(topic).document().selectFirst(".post.opening").id().substring(2);

        var edited = author.submit("/c/" + slug + "/p/" + postId + "/edit",
                Map.of("title", "Better title", "body", "second words", "contentWarning", ""));
        assertThat(edited.document().select("h1").text()).isEqualTo("Better title");
        assertThat(edited.text()).contains("second words").contains("edited").doesNotContain("first words");

        Visitor moderator = moderating(owner);
        var history = moderator.get("/c/" + slug + "/p/" + postId + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.text()).contains("first words").contains("First title");
        assertThat(author.get("/c/" + slug + "/p/" + postId + "/history").status())
                .as("earlier versions are for moderators, not even the author").isEqualTo(404);
        assertThat(joined(slug).get("/c/" + slug + "/p/" + postId + "/edit").status())
                .as("no one edits another's post").isEqualTo(404);

        author.submit("/c/" + slug + "/p/" + postId + "/delete", Map.of());
        var after = visitor().get(topic);
        assertThat(after.text()).contains("deleted by its author").doesNotContain("second words").doesNotContain("Better title");
        assertThat(moderator.get("/c/" + slug + "/p/" + postId + "/history").text()).doesNotContain("first words");
    }

    @Test
    void reactionsToggleAndLongTopicsArePaged() {
        String slug = slugWithMembers(account(unique("own")), false);
        Visitor author = joined(slug);
        String topic = start(author, slug, Map.of("kind", "DECISION", "title", "Pump or pen?",
                "body", "Deciding", "contentWarning", ""));
        String postId = author.get(topic).document().selectFirst(".post.opening").id().substring(2);
        Visitor reader = joined(slug);
        reader.submit("/c/" + slug + "/p/" + postId + "/reactions", Map.of("kind", "HUG"));
        var hugged = reader.get(topic).document().selectFirst("#p-" + postId + " button[value=HUG]");
        assertThat(hugged.attr("aria-pressed")).isEqualTo("true");
        assertThat(hugged.select(".count").text()).isEqualTo("1");
        reader.submit("/c/" + slug + "/p/" + postId + "/reactions", Map.of("kind", "HUG"));
        assertThat(reader.get(topic).document().selectFirst("#p-" + postId + " button[value=HUG]").attr("aria-pressed"))
                .isEqualTo("false");

        var writer = members.create(unique("w"), PASSWORD, null, false);
        assertThat(joinCommunity.run(new JoinCommunity.Input(slug, writer))).isInstanceOf(JoinCommunity.Outcome.Joined.class);
        var writerAccess = communities.visibleTo(slug, writer).orElseThrow();
        String topicId = topic.substring(topic.lastIndexOf('/') + 1);
        Conversations.Location last = null;
        for (int i = 1; i <= TopicPage.POSTS_PER_PAGE + 2; i++) {
            last = replied(writerAccess, writer, topicId, new Draft(null, null, "reply " + i, null, false));
        }
        assertThat(last.page()).isEqualTo(2);
        var first = visitor().get(topic);
        assertThat(first.document().select("article.post")).hasSize(TopicPage.POSTS_PER_PAGE);
        assertThat(first.document().select("nav.pages").text()).contains("Page 1 of 2");
        var second = visitor().get(topic + "?page=2");
        assertThat(second.document().select("article.post .body").eachText())
                .containsExactly("reply 25", "reply 26", "reply 27");
        assertThat(visitor().get(topic + "?page=99").document().select("nav.pages").text()).contains("Page 2 of 2");
    }

    @Test
    void theTopicListShowsWhatIsNewToEachMember() {
        String slug = slugWithMembers(account(unique("own")), false);
        Visitor author = joined(slug);
        Visitor reader = joined(slug);
        String quiet = start(author, slug, Map.of("kind", "QUESTION", "title", "Quiet topic", "body", "a", "contentWarning", ""));
        String busy = start(author, slug, Map.of("kind", "QUESTION", "title", "Busy topic", "body", "b", "contentWarning", ""));
        reader.get(quiet);
        reader.get(busy);
        author.submit(busy + "/replies", Map.of("body", "news", "contentWarning", ""));

        var list = reader.get("/c/" + slug).document();
        assertThat(list.select("ul.topics li a").eachText()).containsExactly("Busy topic", "Quiet topic");
        assertThat(list.select("ul.topics li.unread a").eachText()).containsExactly("Busy topic");
        assertThat(visitor().get("/c/" + slug).document().select("ul.topics li.unread")).isEmpty();
    }
}
