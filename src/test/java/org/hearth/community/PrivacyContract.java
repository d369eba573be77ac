package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/**
 * What must never reach someone who may not read it: members-only and hidden content, member
 * lists, and who wrote an anonymous post. Each case checks the page, the direct URL and the
 * write endpoints, for anonymous visitors and for signed-in non-members.
 */
abstract class PrivacyContract extends HearthTest {

    private static final String SECRET = "my-private-infusion-story";

    /** Starts a topic through the owner's browser and returns its path. */
    private String topicBy(Visitor author, String slug, String title, Map<String, String> extra) {
        var fields = new java.util.HashMap<>(Map.of("kind", "STORY", "title", title, "body", SECRET + " text",
                "contentWarning", ""));
        fields.putAll(extra);
        var page = author.submit("/c/" + slug + "/topics", fields);
        assertThat(page.status()).isEqualTo(200);
        return page.document().selectFirst("form.composer").attr("action").replace("/replies", "");
    }

    @Test
    void membersOnlyContentIsForMembersOnly() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Visitor ownerBrowser = moderating(owner);
        String topic = topicBy(ownerBrowser, slug, SECRET + " title", Map.of());
        String postId = ownerBrowser.get(topic).document().selectFirst("article.post").id().substring(2);

        Visitor anonymous = visitor();
        Visitor outsider = member(unique("out"));
        for (Visitor stranger : new Visitor[] {anonymous, outsider}) {
            var listed = stranger.get("/");
            assertThat(listed.body()).contains("/c/" + slug);
            var landing = stranger.get("/c/" + slug);
            assertThat(landing.status()).isEqualTo(200);
            assertThat(landing.body()).doesNotContain(SECRET).contains("Posts here are for members");
            assertThat(landing.document().select("meta[name=robots]").attr("content")).contains("noindex");
            assertThat(stranger.get(topic).status()).isEqualTo(404);
            assertThat(stranger.get(topic).body()).doesNotContain(SECRET);
            assertThat(stranger.get("/c/" + slug + "/p/" + postId + "/history").status()).isEqualTo(404);
            assertThat(stranger.get("/c/" + slug + "/members").status()).isEqualTo(404);
        }
        assertThat(outsider.post(topic + "/replies", Map.of("body", "let me in")).status()).isEqualTo(404);
        assertThat(outsider.post("/c/" + slug + "/p/" + postId + "/reactions", Map.of("kind", "HUG")).status()).isEqualTo(404);
        assertThat(outsider.post("/c/" + slug + "/p/" + postId + "/edit", Map.of("body", "defaced")).status()).isEqualTo(404);
        assertThat(anonymous.post(topic + "/replies", Map.of("body", "let me in")).status())
                .as("anonymous visitors are sent to sign in").isEqualTo(302);
        assertThat(anonymous.get(topic).status()).isEqualTo(404);
        assertThat(ownerBrowser.get(topic).body()).doesNotContain("let me in").doesNotContain("defaced");
    }

    @Test
    void aHiddenCommunityDoesNotExistForThoseNotInIt() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Visitor ownerBrowser = moderating(owner);
        String topic = topicBy(ownerBrowser, slug, "hidden topic", Map.of());

        Visitor outsider = member(unique("out"));
        for (Visitor stranger : new Visitor[] {visitor(), outsider}) {
            assertThat(stranger.get("/").body()).doesNotContain(slug);
            var page = stranger.get("/c/" + slug);
            var missing = stranger.get("/c/no-such-" + slug);
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.document().select("main").html()).as("same answer as for a community that does not exist")
                    .isEqualTo(missing.document().select("main").html());
            assertThat(stranger.get(topic).status()).isEqualTo(404);
        }
        assertThat(outsider.post("/c/" + slug + "/join", Map.of()).status()).isEqualTo(404);
        assertThat(outsider.get("/me/communities").body()).doesNotContain(slug);

        // once invited, they may see it and accept
        ownerBrowser.submit("/c/" + slug + "/invitations", Map.of("handle", handleOf(outsider)));
        assertThat(outsider.get("/me/communities").body()).contains("/c/" + slug);
        assertThat(outsider.get("/c/" + slug).body()).contains("Accept the invitation").doesNotContain("hidden topic");
        outsider.submit("/c/" + slug + "/join", AGREEING);
        assertThat(outsider.get(topic).status()).isEqualTo(200);
        assertThat(outsider.get("/").body()).contains("/c/" + slug);
    }

    @Test
    void invitingAnUnknownHandleSaysTheSameAsAKnownOne() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Visitor ownerBrowser = moderating(owner);
        Viewer known = account(unique("known"));
        String answerKnown = ownerBrowser.submit("/c/" + slug + "/invitations", Map.of("handle", known.handle()))
                .document().select(".notice").text().replace(known.handle(), "X");
        String answerUnknown = ownerBrowser.submit("/c/" + slug + "/invitations", Map.of("handle", "nobody-here-9"))
                .document().select(".notice").text().replace("nobody-here-9", "X");
        assertThat(answerKnown).isNotBlank().isEqualTo(answerUnknown);
    }

    @Test
    void theMemberListIsForModeratorsOnly() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String memberHandle = unique("plain");
        Visitor member = member(memberHandle);
        member.submit("/c/" + slug + "/join", AGREEING);

        assertThat(member.get("/c/" + slug + "/members").status()).isEqualTo(404);
        assertThat(visitor().get("/c/" + slug + "/members").status()).isEqualTo(404);
        var list = moderating(owner).get("/c/" + slug + "/members");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains(memberHandle).contains(owner.handle());
        // the public community page itself does not list members
        assertThat(visitor().get("/c/" + slug).body()).doesNotContain(memberHandle);
    }

    @Test
    void anAnonymousPostHidesItsAuthorFromMembersButNotFromModerators() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, true);
        String authorHandle = unique("shy");
        Visitor author = member(authorHandle);
        author.submit("/c/" + slug + "/join", AGREEING);
        String topic = topicBy(author, slug, "A question I cannot ask openly", Map.of("anonymous", "true"));
        assertThat(author.get(topic).text()).contains("you, posting anonymously");

        Visitor reader = member(unique("reader"));
        reader.submit("/c/" + slug + "/join", AGREEING);
        var seen = reader.get(topic);
        assertThat(seen.text()).contains("anonymous member");
        assertThat(seen.body()).doesNotContain(authorHandle);
        var authorId = members.idOfHandle(authorHandle).orElseThrow();
        assertThat(seen.body()).doesNotContain(authorId);
        assertThat(reader.get("/c/" + slug).body()).doesNotContain(authorHandle).contains("anonymous member");

        assertThat(signedIn(owner).get(topic).text())
                .as("a moderator signed in with the password alone does not unmask anyone")
                .contains("anonymous member").doesNotContain(authorHandle);
        var moderatorView = moderating(owner).get(topic);
        assertThat(moderatorView.text()).contains("anonymous member (" + authorHandle + ")");
    }

    @Test
    void anonymousPostingIsRefusedWhereTheCommunityDoesNotAllowIt() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String handle = unique("open");
        Visitor author = member(handle);
        author.submit("/c/" + slug + "/join", AGREEING);
        String topic = topicBy(author, slug, "Signed topic", Map.of("anonymous", "true"));
        assertThat(visitor().get(topic).text()).contains(handle).doesNotContain("anonymous member");
    }

    @Test
    void publicCommunitiesAreReadableAndIndexableButOnlyMembersWrite() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topic = topicBy(signedIn(owner), slug, "Open topic", Map.of());
        var page = visitor().get(topic);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(SECRET);
        assertThat(page.document().select("meta[name=robots]")).isEmpty();
        assertThat(page.header("X-Robots-Tag")).isNull();
        assertThat(page.document().select("form.composer")).isEmpty();

        Visitor outsider = member(unique("out"));
        var refused = outsider.submit(topic + "/replies", Map.of("body", "not a member yet", "contentWarning", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("Join this community to reply.");
        assertThat(visitor().get(topic).body()).doesNotContain("not a member yet");
    }

    private String handleOf(Visitor visitor) {
        return visitor.get("/me/profile").document().select("h1 + p strong").text();
    }
}
