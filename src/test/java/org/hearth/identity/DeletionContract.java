package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/** Deleting an account erases what the member wrote and what is known about them, for real. */
abstract class DeletionContract extends HearthTest {

    @Test
    void deletingAnAccountErasesItsPostsAndEndsEverySession() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String handle = unique("leaver");
        Visitor leaver = member(handle);
        Visitor otherDevice = visitor();
        otherDevice.signIn(handle, PASSWORD);
        leaver.submit("/c/" + slug + "/join", Map.of());
        var topic = leaver.submit("/c/" + slug + "/topics", Map.of("kind", "STORY", "title", "my-secret-title",
                "body", "my-secret-story", "contentWarning", ""));
        String topicPath = topic.document().selectFirst("form.composer").attr("action").replace("/replies", "");
        Visitor peer = signedIn(owner);
        peer.submit(topicPath + "/replies", Map.of("body", "thank you for sharing", "contentWarning", ""));

        var refused = leaver.post("/me/delete", Map.of("password", "not the password 9"));
        assertThat(refused.document().select("#delete-error").text()).contains("Nothing was deleted");
        assertThat(visitor().get(topicPath).text()).contains("my-secret-story");

        var deleted = leaver.post("/me/delete", Map.of("password", PASSWORD));
        assertThat(deleted.document().select("h1").text()).isEqualTo("Your account is deleted");
        assertThat(leaver.get("/me/profile").status()).isEqualTo(302);
        assertThat(otherDevice.get("/me/profile").status()).isEqualTo(302);

        var after = visitor().get(topicPath);
        assertThat(after.body()).doesNotContain("my-secret-story").doesNotContain("my-secret-title").doesNotContain(handle);
        assertThat(after.text()).contains("deleted by its author").contains("thank you for sharing");
        assertThat(visitor().signIn(handle, PASSWORD).status()).isEqualTo(401);
        assertThat(members.handleExists(handle)).isFalse();
        var memberList = moderating(owner).get("/c/" + slug + "/members");
        assertThat(memberList.status()).isEqualTo(200);
        assertThat(memberList.text()).contains(owner.handle()).doesNotContain(handle);
    }

    @Test
    void theOnlyOwnerOfACommunityHandsItOverFirst() {
        Viewer owner = account(unique("sole"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Visitor browser = moderating(owner);
        var refused = browser.post("/me/delete", Map.of("password", PASSWORD));
        assertThat(refused.document().select("#delete-error").text()).contains("only owner of Community " + slug);
        assertThat(browser.get("/c/" + slug + "/members").status()).isEqualTo(200);
        assertThat(members.handleExists(owner.handle())).isTrue();
    }
}
