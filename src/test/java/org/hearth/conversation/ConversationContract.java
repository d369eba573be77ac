package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

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
}
