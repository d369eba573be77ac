package org.hearth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.PostView;
import org.hearth.conversation.TopicPage;
import org.hearth.conversation.TopicSummary;
import org.hearth.demo.DemoScript.Place;
import org.hearth.demo.DemoScript.Post;
import org.hearth.demo.DemoScript.Topic;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A site started with {@code hearth.demo.enabled=true}, on whichever engine the subclass picks. */
@TestPropertySource(properties = "hearth.demo.enabled=true")
abstract class DemoSiteContract extends HearthTest {

    @Autowired
    DemoSite demoSite;

    @Autowired
    Conversations conversations;

    @Test
    void theDirectoryListsTheDemoCommunities() {
        Document directory = visitor().get("/").document();

        assertThat(directory.select(".card h3 a").eachText())
                .contains(DemoScript.PLACES.stream().map(p -> p.community().name()).toArray(String[]::new));
    }

    @Test
    void aPublicTopicShowsItsRepliesInOrderWithTheirReactions() {
        Topic decision = topicTitled(DemoScript.TYPE_1_DIABETES, "Pump or staying on pens? Deciding before my next clinic");
        Document page = visitor().get(topicPath(DemoScript.TYPE_1_DIABETES, decision)).document();

        assertThat(page.select("h1").text()).isEqualTo(decision.title());
        assertThat(page.select(".meta .kind").text()).isEqualTo("Decision");
        assertThat(page.select(".post.opening .author").text()).isEqualTo(decision.opening().author());
        assertThat(page.select(".post.opening .body strong").eachText()).contains("Stay on pens");
        assertThat(page.select(".post:not(.opening) .author").eachText())
                .containsExactlyElementsOf(decision.replies().stream().map(Post::author).toList());
        assertThat(page.select(".post.opening .reaction-count").text()).startsWith("Me too: ");
        assertThat(page.select(".post:not(.opening) .reaction-count")).isNotEmpty();
    }

    @Test
    void aLongTopicRunsOverTwoPages() {
        Topic smallWins = topicTitled(DemoScript.LONG_COVID, "Small wins thread: one thing that went okay this week");
        assertThat(smallWins.replies()).hasSizeGreaterThan(TopicPage.POSTS_PER_PAGE);
        String path = topicPath(DemoScript.LONG_COVID, smallWins);
        Visitor reader = visitor();

        Document first = reader.get(path).document();
        assertThat(first.select("nav.pages").first().text()).contains("Page 1 of 2");
        assertThat(first.select(".post")).hasSize(TopicPage.POSTS_PER_PAGE);
        Document second = reader.get(first.select("nav.pages a[rel=next]").attr("href")).document();
        assertThat(second.select(".post")).hasSize(smallWins.replies().size() + 1 - TopicPage.POSTS_PER_PAGE);
        assertThat(second.select(".post .body").last().text()).isEqualTo(smallWins.replies().getLast().body());
    }

    @Test
    void aPostWithAContentWarningStaysFoldedUntilOpened() {
        Topic ambulance = topicTitled(DemoScript.TYPE_1_DIABETES, "The night I needed an ambulance, and what changed after");
        Document page = visitor().get(topicPath(DemoScript.TYPE_1_DIABETES, ambulance)).document();

        assertThat(page.select(".post.opening details.cw summary").text())
                .startsWith("Content warning: " + ambulance.opening().contentWarning());
        assertThat(page.select(".post.opening details.cw .body").text()).contains("called an ambulance");
    }

    @Test
    void membersOnlyCommunitiesAreListedButKeepTheirPostsFromVisitors() {
        Place ms = DemoScript.MULTIPLE_SCLEROSIS;
        Visitor.Response page = visitor().get("/c/" + ms.community().slug());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select(".locked h2").text()).isEqualTo("Posts here are for members");
        assertThat(page.text()).doesNotContain(ms.topics().getFirst().title());
    }

    @Test
    void anAnonymousPostHidesItsAuthorFromMembersButNotFromModerators() {
        Place place = DemoScript.AFTER_BREAST_CANCER;
        Topic anonymous = place.topics().stream().filter(t -> t.opening().anonymous()).findFirst().orElseThrow();
        String handle = unique("reader");
        Visitor reader = member(handle);
        admit(demoMember(place.owner()), place.community().slug(), demoMember(handle));

        Document page = reader.get(topicPath(place, anonymous)).document();
        assertThat(page.select(".post.opening .author").text()).isEqualTo("anonymous member");
        assertThat(page.select(".post.opening a.author")).isEmpty();
        assertThat(page.text()).doesNotContain(anonymous.opening().author());

        Viewer moderator = demoMember(place.moderator());
        String topicId = topicId(place, anonymous);
        Access withPasswordOnly = communities.visibleTo(place.community().slug(), moderator).orElseThrow();
        assertThat(conversations.topic(withPasswordOnly, topicId, moderator, 1).orElseThrow().posts().getFirst().author())
                .as("a stolen password alone unmasks no one").isEqualTo("anonymous member");
        // the moderator as signed in with a second factor: only then is an anonymous author shown
        Access moderation = communities.visibleTo(place.community().slug(), withSecondFactor(moderator)).orElseThrow();
        PostView opening = conversations.topic(moderation, topicId, moderator, 1).orElseThrow().posts().getFirst();
        assertThat(opening.author()).isEqualTo("anonymous member (" + anonymous.opening().author() + ")");
    }

    @Test
    void fictionalMembersSayTheyAreFictionalAndNoOneCanSignInAsThem() {
        String handle = DemoScript.TYPE_1_DIABETES.owner();
        Visitor stranger = visitor();

        assertThat(stranger.get("/m/" + members.idOfHandle(handle).orElseThrow()).document().select(".about").text())
                .isEqualTo(DemoScript.ABOUT);
        for (String guess : List.of(handle, PASSWORD, "password", "demo")) {
            stranger.signIn(handle, guess);
            assertThat(stranger.get("/me/profile").status()).isEqualTo(302);
        }
    }

    @Test
    void seedingAgainWritesNothing() {
        List<String> before = census();

        assertThat(demoSite.seed()).isFalse();

        assertThat(census()).isEqualTo(before);
    }

    /** Per demo community: its members, and each topic with its reply count, as the owner sees them. */
    private List<String> census() {
        List<String> lines = new ArrayList<>();
        for (Place place : DemoScript.PLACES) {
            Viewer owner = demoMember(place.owner());
            Access access = communities.visibleTo(place.community().slug(), owner).orElseThrow();
            lines.add(place.community().slug() + " members " + communities.memberCount(access.community().id())
                    + " topics " + conversations.topicCount(access));
            for (TopicSummary topic : conversations.topics(access, owner, 1)) {
                lines.add(topic.title() + " replies " + topic.replyCount());
            }
        }
        lines.add("listed " + communities.directory(null).size());
        return lines;
    }

    private Viewer demoMember(String handle) {
        return new Viewer(members.idOfHandle(handle).orElseThrow(), handle, false);
    }

    private String topicId(Place place, Topic topic) {
        Viewer owner = demoMember(place.owner());
        Access access = communities.visibleTo(place.community().slug(), owner).orElseThrow();
        return conversations.topics(access, owner, 1).stream()
                .filter(t -> t.title().equals(topic.title()))
                .map(TopicSummary::id)
                .reduce((a, b) -> {
                    throw new AssertionError("the demonstration topic was written twice: " + topic.title());
                })
                .orElseThrow();
    }

    private String topicPath(Place place, Topic topic) {
        return "/c/" + place.community().slug() + "/t/" + topicId(place, topic);
    }

    private static Topic topicTitled(Place place, String title) {
        return place.topics().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }
}
