package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.community.JoinCommunity;
import org.hearth.community.Rules;
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
        asker.submit("/c/" + slug + "/join", AGREEING);
        var posted = asker.submit("/c/" + slug + "/topics", Map.of("kind", "QUESTION",
                "title", "How did you cope with the first infusion?", "body", "I start **next week**.",
                "contentWarning", ""));
        assertThat(posted.document().select(".error").eachText()).isEmpty();
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.document().select("h1").text()).isEqualTo("How did you cope with the first infusion?");
        assertThat(posted.document().select(".post.opening .body strong").text()).isEqualTo("next week");

        String topicPath = posted.document().selectFirst("form.composer").attr("action").replace("/replies", "");
        Visitor peer = member(unique("peer"));
        peer.submit("/c/" + slug + "/join", AGREEING);
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

        author.get(edit); // the form open in one tab, while the post is deleted in another
        author.submit("/c/" + slug + "/p/" + postId + "/delete", Map.of());
        var deleted = author.post(edit, Map.of("title", "Sleep", "body", "typed after deleting", "contentWarning", ""));
        assertThat(deleted.document().select(".error-summary").text()).contains("deleted meanwhile");
        assertThat(deleted.document().select("textarea[name=body]").text()).isEqualTo("typed after deleting");
    }

    @Test
    void someoneWhoLeftAMembersOnlyCommunityChangesAndDeletesTheirOwnPostsAndSeesNoOneElses() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Visitor others = joined(slug);
        String topic = start(others, slug, Map.of("kind", "QUESTION", "title", "Night sweats",
                "body", "Something only members read", "contentWarning", ""));
        String othersPost = others.get(topic).document().selectFirst(".post.opening").id().substring(2);
        Visitor author = joined(slug);
        author.submit(topic + "/replies", Map.of("body", "What I told them", "contentWarning", ""));
        author.submit(topic + "/replies", Map.of("body", "Something I regret", "contentWarning", ""));
        var mine = author.get(topic).document().select(".post:not(.opening)").eachAttr("id");
        String kept = mine.get(0).substring(2);
        String regretted = mine.get(1).substring(2);
        author.submit("/c/" + slug + "/leave", Map.of("confirmed", "true"));
        assertThat(author.get(topic).status()).as("no longer a reader").isEqualTo(404);

        var form = author.get("/c/" + slug + "/p/" + kept + "/edit");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("textarea[name=body]").text()).isEqualTo("What I told them");
        assertThat(form.text()).contains("no longer a member").doesNotContain("Something only members read")
                .doesNotContain("Night sweats");
        var saved = author.submit("/c/" + slug + "/p/" + kept + "/edit",
                Map.of("body", "What I told them, said more carefully", "contentWarning", ""));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.document().select(".notice").text()).contains("Your changes are saved");
        assertThat(saved.document().select("textarea[name=body]").text()).isEqualTo("What I told them, said more carefully");
        assertThat(saved.text()).doesNotContain("Something only members read").doesNotContain("Night sweats");
        assertThat(others.get(topic).text()).contains("What I told them, said more carefully");

        var yourPosts = author.get("/me/posts");
        assertThat(yourPosts.status()).isEqualTo(200);
        assertThat(yourPosts.document().select(".own-posts .excerpt").eachText())
                .containsExactly("Something I regret", "What I told them, said more carefully");
        assertThat(yourPosts.document().select("#own-" + regretted + " a[href$=/delete]")).hasSize(1);
        assertThat(yourPosts.document().select("#own-" + kept + " a[href$=/edit]")).hasSize(1);
        assertThat(yourPosts.document().select(".own-posts a[href*=/t/]")).as("no way into topics they cannot read").isEmpty();
        assertThat(yourPosts.text()).doesNotContain("Night sweats").doesNotContain("Something only members read");
        assertThat(others.get("/me/posts").text()).contains("Night sweats").doesNotContain("What I told them");

        var confirm = author.get("/c/" + slug + "/p/" + regretted + "/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text()).contains("Something I regret").doesNotContain("Something only members read")
                .doesNotContain("Night sweats");
        var deleted = author.submit(confirm.document().selectFirst("form.confirm").attr("action"),
                Map.of("_csrf", confirm.document().selectFirst("form.confirm input[name=_csrf]").val()));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text()).doesNotContain("Something only members read");
        assertThat(others.get(topic).text()).doesNotContain("Something I regret").contains("deleted by its author");

        // the posts of others stay as unknown to them as to anyone outside
        for (String path : new String[] {"/edit", "/delete"}) {
            assertThat(author.get("/c/" + slug + "/p/" + othersPost + path).status()).isEqualTo(404);
        }
        var refused = author.post("/c/" + slug + "/p/" + othersPost + "/edit",
                Map.of("title", "Taken over", "body", "Taken over", "contentWarning", ""));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(author.post("/c/" + slug + "/p/" + othersPost + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(others.get(topic).text()).contains("Something only members read").doesNotContain("Taken over");
    }

    @Test
    void aHiddenCommunityLeftIsNoLongerNamedAmongYourPosts() {
        Viewer owner = account(unique("own"));
        String hidden = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Viewer author = account(unique("m"));
        admit(owner, hidden, author);
        String topicId = started(access(hidden, author), author, new Draft(TopicKind.QUESTION, "Hidden words", "Said in secret", null, false));
        Visitor browser = signedIn(author);
        assertThat(browser.get("/me/posts").text()).contains("Hidden words").contains("Said in secret");

        browser.submit("/c/" + hidden + "/leave", Map.of("confirmed", "true"));
        var yourPosts = browser.get("/me/posts");
        assertThat(yourPosts.text()).doesNotContain("Hidden words").doesNotContain("Said in secret");
        assertThat(yourPosts.body()).doesNotContain(hidden).doesNotContain(topicId);
    }

    @Test
    void deletingAPostAsksFirstAndSaysWhatIsLost() {
        String slug = slugWithMembers(account(unique("own")), false);
        Visitor author = joined(slug);
        String topic = start(author, slug, Map.of("kind", "STORY", "title", "My first year",
                "body", "It was *hard*.", "contentWarning", ""));
        Visitor peer = joined(slug);
        peer.submit(topic + "/replies", Map.of("body", "Thank you for telling it.", "contentWarning", ""));
        var page = author.get(topic).document();
        String postId = page.selectFirst(".post.opening").id().substring(2);

        var link = page.selectFirst(".post.opening footer a[href$=/delete]");
        assertThat(link).as("a link beside Edit, not a button that deletes").isNotNull();
        assertThat(page.select(".post.opening footer form[action$=/delete]")).isEmpty();
        assertThat(peer.get(topic).document().select(".post.opening a[href$=/delete]")).as("only on one's own posts").isEmpty();

        var confirm = author.get(link.attr("href"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.document().select("h1").text()).isEqualTo("Delete your post?");
        assertThat(confirm.text()).contains("It was *hard*.").contains("My first year")
                .contains("erased for good").contains("Replies from others stay")
                .contains("deleted by its author").contains("Topic removed by its author");
        assertThat(author.get(topic).text()).as("asking deleted nothing").contains("It was hard.");
        assertThat(confirm.document().select("form.confirm a").attr("href")).contains(topic.substring(topic.indexOf("/t/")));

        var form = confirm.document().selectFirst("form.confirm");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(author.postRaw(form.attr("action"), Map.of()).status()).as("no form token, no deletion").isEqualTo(403);
        var deleted = author.submit(form.attr("action"), Map.of("_csrf", form.selectFirst("input[name=_csrf]").val()));
        assertThat(deleted.document().select(".notice").text()).contains("Your post is deleted");
        assertThat(visitor().get(topic).text()).contains("Topic removed by its author").contains("Thank you for telling it.")
                .doesNotContain("It was hard");
        assertThat(author.get("/c/" + slug + "/p/" + postId + "/delete").status()).as("nothing left to delete").isEqualTo(404);
    }

    @Test
    void tablesAreShownAndAnImageIsNamedNotLoadedAndItsWriterToldWhy() {
        String slug = slugWithMembers(account(unique("own")), false);
        Visitor author = joined(slug);
        var posted = author.submit("/c/" + slug + "/topics", Map.of("kind", "DISCUSSION", "title", "Doses",
                "body", "| Week | Dose |\n| --- | ---: |\n| 1 | 10 mg |\n| 2 | <b onclick=x>5</b> mg |\n\n"
                        + "![my swollen knee](https://photos.example/knee.jpg)",
                "contentWarning", ""));
        assertThat(posted.document().select(".notice").text()).contains("Images are not shown")
                .contains("loads nothing from other websites").contains("identify");
        String topic = posted.document().selectFirst("form.composer").attr("action").replace("/replies", "");

        var body = visitor().get(topic).document().selectFirst(".post.opening .body");
        assertThat(body.select("table thead th").eachText()).containsExactly("Week", "Dose");
        assertThat(body.select("table tbody tr")).hasSize(2);
        assertThat(body.select("table tbody td").eachText()).containsExactly("1", "10 mg", "2", "<b onclick=x>5</b> mg");
        assertThat(body.select("img, b, [onclick], [align], [style]")).isEmpty();
        assertThat(body.text()).contains("[image not shown: my swollen knee]").doesNotContain("|");
        assertThat(body.html()).doesNotContain("photos.example");

        String postId = body.parent().id().substring(2);
        var edit = author.get("/c/" + slug + "/p/" + postId + "/edit");
        assertThat(edit.document().select(".images-left-out").text()).contains("Images are not shown");
        var withoutImage = author.submit("/c/" + slug + "/p/" + postId + "/edit",
                Map.of("title", "Doses", "body", "Only words now.", "contentWarning", ""));
        assertThat(withoutImage.document().select(".notice").text()).isEqualTo("Your changes are saved.");
        var replied = author.submit(topic + "/replies", Map.of("body", "![](https://photos.example/x.jpg)", "contentWarning", ""));
        assertThat(replied.document().select(".notice").text()).startsWith("Your reply is posted. Images are not shown");
        assertThat(replied.document().select(".post:not(.opening) .body").text()).isEqualTo("[image not shown]");
    }

    private String start(Visitor author, String slug, Map<String, String> fields) {
        var page = author.submit("/c/" + slug + "/topics", fields);
        return page.document().selectFirst("form.composer").attr("action").replace("/replies", "");
    }

    private Visitor joined(String slug) {
        Visitor visitor = member(unique("m"));
        visitor.submit("/c/" + slug + "/join", AGREEING);
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
        // the summary says what selecting it does, closed and open (hearth.css shows one of the two)
        assertThat(post.select("details.cw summary .open-hint").text()).isEqualTo("Open to read.");
        assertThat(post.select("details.cw summary .close-hint").text()).isEqualTo("Select to fold it away.");
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

        // the form says what the page showed, so the same form sent twice gives the reaction once
        String had = reader.get(topic).document().selectFirst("#p-" + postId + " form.reactions input[name=had]").val();
        for (int i = 0; i < 2; i++) {
            reader.submit("/c/" + slug + "/p/" + postId + "/reactions", Map.of("kind", "HUG", "had", had));
        }
        var sentTwice = reader.get(topic).document().selectFirst("#p-" + postId + " button[value=HUG]");
        assertThat(sentTwice.attr("aria-pressed")).as("given, not given and taken back").isEqualTo("true");
        assertThat(sentTwice.select(".count").text()).isEqualTo("1");
        String given = reader.get(topic).document().selectFirst("#p-" + postId + " form.reactions input[name=had]").val();
        assertThat(given).isEqualTo("HUG");
        for (int i = 0; i < 2; i++) {
            reader.submit("/c/" + slug + "/p/" + postId + "/reactions", Map.of("kind", "HUG", "had", given));
        }
        assertThat(reader.get(topic).document().selectFirst("#p-" + postId + " button[value=HUG]").attr("aria-pressed"))
                .as("taken back once, not given again").isEqualTo("false");

        var writer = members.create(unique("w"), PASSWORD, null, false);
        assertThat(joinCommunity.run(new JoinCommunity.Input(slug, writer, Rules.FIRST_VERSION))).isInstanceOf(JoinCommunity.Outcome.Joined.class);
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

    @Test
    void aPostWrittenForMembersComesBackWithItsTextWhenTheCommunityBecamePublicMeanwhile() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, false);
        String topic = "/c/" + slug + "/t/" + started(access(slug, owner), owner,
                new Draft(TopicKind.QUESTION, "Only the owner wrote", "so far", null, false));
        Viewer memberViewer = account(unique("m"));
        admit(owner, slug, memberViewer);
        Visitor member = signedIn(memberViewer);
        var replyForm = member.get(topic).document();
        var topicForm = member.get("/c/" + slug + "/new").document();
        assertThat(replyForm.select("form.composer input[type=hidden][name=audience]").val()).isEqualTo("MEMBERS_ONLY.INVITATION");
        assertThat(topicForm.select("form.composer input[type=hidden][name=audience]").val()).isEqualTo("MEMBERS_ONLY.INVITATION");

        var opened = moderating(owner).submit("/c/" + slug + "/settings", Map.of("name", "Open doors", "conditionServed", "Lupus",
                "description", "For everyone", "visibility", "PUBLIC", "joinPolicy", "INVITATION", "flagHideScore", "8", "confirmed", "true"));
        assertThat(opened.document().select("h1").text()).isEqualTo("Open doors");

        String message = "This community became public while you were writing: anyone on the web can now read what you post here.";
        var refused = member.post(topic + "/replies", Map.of("body", "My scan results, for members", "contentWarning", "",
                "audience", replyForm.select("input[name=audience]").val()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select(".error-summary").text()).contains(message).contains("Your text is below");
        assertThat(refused.document().select("textarea[name=body]").text()).isEqualTo("My scan results, for members");
        assertThat(refused.document().select("input[name=audience]").val()).as("the form now shows who reads it")
                .isEqualTo("PUBLIC.INVITATION");
        assertThat(refused.document().select("#audience").text()).contains("Anyone on the web can read posts here");
        var refusedTopic = member.post("/c/" + slug + "/topics", Map.of("kind", "STORY", "title", "My scan",
                "body", "Results, for members", "contentWarning", "", "audience", topicForm.select("input[name=audience]").val()));
        assertThat(refusedTopic.document().select(".error-summary").text()).contains(message);
        assertThat(refusedTopic.document().select("input[name=title]").val()).isEqualTo("My scan");
        assertThat(refusedTopic.document().select("textarea[name=body]").text()).isEqualTo("Results, for members");
        assertThat(visitor().get("/c/" + slug).text()).doesNotContain("My scan");
        assertThat(visitor().get(topic).text()).doesNotContain("for members");

        // posting again from the form as it came back is a choice made knowing the audience
        var again = member.post(topic + "/replies", Map.of("body", "My scan results, for members", "contentWarning", "",
                "audience", refused.document().select("input[name=audience]").val()));
        assertThat(again.status()).isEqualTo(302);
        assertThat(visitor().get(topic).text()).contains("My scan results, for members");
    }
}
