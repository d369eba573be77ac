package org.hearth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.hearth.community.Visibility;
import org.hearth.conversation.TopicKind;
import org.hearth.conversation.TopicPage;
import org.hearth.demo.DemoScript.Place;
import org.hearth.demo.DemoScript.Post;
import org.hearth.demo.DemoScript.Topic;
import org.junit.jupiter.api.Test;

/** The demonstration script is consistent before anything is written from it. */
class DemoScriptTest {

    private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{2,29}");

    @Test
    void everyAuthorBelongsToTheCommunityTheyWriteIn() {
        for (Place place : DemoScript.PLACES) {
            assertThat(place.everyone()).doesNotHaveDuplicates().contains(place.owner(), place.moderator());
            assertThat(place.owner()).isNotEqualTo(place.moderator());
            for (Topic topic : place.topics()) {
                assertThat(posts(topic)).allSatisfy(post -> assertThat(place.everyone()).contains(post.author()));
            }
        }
    }

    @Test
    void handlesArePseudonymsTheSignUpFormWouldAccept() {
        assertThat(DemoScript.handles()).hasSizeBetween(12, 20)
                .allMatch(handle -> HANDLE.matcher(handle).matches());
    }

    @Test
    void communitiesDifferInVisibilityAndPolicyAndOneAllowsAnonymousPosts() {
        assertThat(DemoScript.PLACES).hasSizeBetween(3, 4);
        assertThat(DemoScript.PLACES).extracting(p -> p.community().visibility())
                .contains(Visibility.PUBLIC, Visibility.MEMBERS_ONLY);
        assertThat(DemoScript.PLACES.stream().map(p -> p.community().joinPolicy()).distinct()).hasSizeGreaterThan(1);
        assertThat(DemoScript.PLACES).extracting(p -> p.community().slug()).doesNotHaveDuplicates();
        for (Place place : DemoScript.PLACES) {
            boolean anyAnonymous = place.topics().stream().flatMap(t -> posts(t).stream()).anyMatch(Post::anonymous);
            assertThat(anyAnonymous).as(place.community().slug())
                    .isEqualTo(place.community().allowAnonymous());
        }
    }

    @Test
    void topicsCoverEveryKindWithAFewRepliesAndOneLongThread() {
        List<Topic> topics = DemoScript.PLACES.stream().flatMap(p -> p.topics().stream()).toList();
        assertThat(topics).extracting(Topic::kind).contains(TopicKind.values());
        assertThat(DemoScript.PLACES).allSatisfy(place -> assertThat(place.topics()).hasSizeBetween(4, 6));
        assertThat(topics).filteredOn(t -> t.replies().size() > TopicPage.POSTS_PER_PAGE).hasSize(1);
        assertThat(topics).filteredOn(t -> t.replies().size() <= TopicPage.POSTS_PER_PAGE)
                .allSatisfy(t -> assertThat(t.replies()).hasSizeBetween(2, 8));
        assertThat(topics).flatExtracting(DemoScriptTest::posts).anyMatch(post -> post.contentWarning() != null);
        assertThat(topics).extracting(Topic::title).doesNotHaveDuplicates().allMatch(t -> t.length() <= 200);
    }

    /**
     * The fictional members are new when the demonstration is written, so what they post in a
     * community must fit what a new member may post in a day (3 topics, 10 replies, 2 links a
     * post, the defaults of {@code hearth.trust.new-members.*}); owners and moderators are not held back.
     */
    @Test
    void noMemberPostsMoreThanANewMemberMayInADay() {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("(?i)(?<![\\w@])(?:https?://|www\\.)");
        for (Place place : DemoScript.PLACES) {
            java.util.Map<String, Integer> topics = new java.util.HashMap<>();
            java.util.Map<String, Integer> replies = new java.util.HashMap<>();
            for (Topic topic : place.topics()) {
                topics.merge(topic.opening().author(), 1, Integer::sum);
                topic.replies().forEach(reply -> replies.merge(reply.author(), 1, Integer::sum));
                assertThat(posts(topic)).allSatisfy(post -> assertThat(link.matcher(post.body()).results().count())
                        .as("links in a post by %s", post.author()).isLessThanOrEqualTo(2));
            }
            for (String member : place.members()) {
                if (member.equals(place.owner()) || member.equals(place.moderator())) {
                    continue;
                }
                assertThat(topics.getOrDefault(member, 0)).as("topics by %s in %s", member, place.community().slug()).isLessThanOrEqualTo(3);
                assertThat(replies.getOrDefault(member, 0)).as("replies by %s in %s", member, place.community().slug()).isLessThanOrEqualTo(10);
            }
        }
    }

    private static List<Post> posts(Topic topic) {
        var all = new java.util.ArrayList<Post>();
        all.add(topic.opening());
        all.addAll(topic.replies());
        return all;
    }
}
