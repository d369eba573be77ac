package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** After an account is deleted, nothing on any page ties what it left behind to one person. */
abstract class FormerMembersContract extends HearthTest {

    @Test
    void theMarkersOfADeletedAccountNameNoOneAndLinkNowhere() {
        Viewer owner = account(unique("keeper"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor first = member(unique("first"));
        Visitor second = member(unique("second"));
        first.submit("/c/" + slug + "/join", AGREEING);
        second.submit("/c/" + slug + "/join", AGREEING);
        var topic = first.submit("/c/" + slug + "/topics", Map.of("kind", "STORY", "title", "My year",
                "body", "what happened", "contentWarning", ""));
        String topicPath = topic.document().selectFirst("form.composer").attr("action").replace("/replies", "");
        String firstProfile = topic.document().selectFirst("article.post a.author").attr("href");
        first.submit(topicPath + "/replies", Map.of("body", "and then more", "contentWarning", ""));
        var page = second.submit(topicPath + "/replies", Map.of("body", "thank you", "contentWarning", ""));
        String secondProfile = page.document().select("article.post a.author").last().attr("href");
        assertThat(visitor().get(firstProfile).status()).isEqualTo(200);

        assertThat(first.post("/me/delete", Map.of("password", PASSWORD)).document().select("h1").text()).isEqualTo("Your account is deleted");
        assertThat(second.post("/me/delete", Map.of("password", PASSWORD)).document().select("h1").text()).isEqualTo("Your account is deleted");

        var after = visitor().get(topicPath);
        var posts = after.document().select("article.post");
        assertThat(posts).hasSize(3);
        assertThat(after.document().select("a.author")).as("no link to a former member").isEmpty();
        for (Element post : posts) {
            assertThat(post.selectFirst(".author").text()).isEqualTo("a former member");
        }
        assertThat(posts.get(0).selectFirst(".author").outerHtml()).as("their posts look the same as anyone's")
                .isEqualTo(posts.get(1).selectFirst(".author").outerHtml()).isEqualTo(posts.get(2).selectFirst(".author").outerHtml());
        String firstId = firstProfile.substring("/m/".length());
        String secondId = secondProfile.substring("/m/".length());
        assertThat(after.body()).doesNotContain(firstId).doesNotContain(secondId);
        var list = visitor().get("/c/" + slug);
        assertThat(list.text()).contains("by a former member");
        assertThat(list.body()).doesNotContain(firstId);

        var gone = visitor().get(firstProfile);
        var unknown = visitor().get("/m/" + RandomId.next());
        assertThat(gone.status()).isEqualTo(404).isEqualTo(unknown.status());
        assertThat(gone.document().select("main").text()).isEqualTo(unknown.document().select("main").text());
    }
}
