package org.hearth.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hearth.community.JoinPolicy;
import org.hearth.community.LeaveCommunity;
import org.hearth.community.MemberBans;
import org.hearth.community.Visibility;
import org.hearth.conversation.DeletePost;
import org.hearth.conversation.Draft;
import org.hearth.conversation.HiddenPosts;
import org.hearth.conversation.TopicKind;
import org.hearth.identity.AccountDeletion;
import org.hearth.identity.Reconfirmation;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search on either engine: first what it must never show (a private post to anyone who may not
 * read it, a hidden post to a member, a deleted or erased post, an anonymous post by its
 * writer's handle, a hidden community's existence), then that it finds what it should, the way
 * people search, and answers every kind of bad input in words.
 */
abstract class SearchContract extends HearthTest {

    @Autowired
    private SearchPosts search;

    @Autowired
    private SearchIndex index;

    @Autowired
    private LeaveCommunity leave;

    @Autowired
    private MemberBans bans;

    @Autowired
    private DeletePost deletePost;

    @Autowired
    private HiddenPosts hiddenPosts;

    @Autowired
    private AccountDeletion accountDeletion;

    @Autowired
    private RebuildSearchIndex rebuild;

    @Autowired
    private JdbcTemplate jdbc;

    /** A word no other test writes: letters only, so every engine takes it as one word. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private SearchPosts.Outcome searchAs(Viewer viewer, String text) {
        return search.run(new SearchPosts.Input(viewer, unique("address"), text, null, null, null, null, null, 1, null));
    }

    private List<SearchPosts.TopicFound> found(Viewer viewer, String text) {
        var outcome = searchAs(viewer, text);
        assertThat(outcome).isInstanceOf(SearchPosts.Outcome.Found.class);
        return ((SearchPosts.Outcome.Found) outcome).topics();
    }

    private List<String> postsFound(Viewer viewer, String text) {
        return found(viewer, text).stream().flatMap(t -> t.posts().stream()).map(SearchPosts.PostFound::postId).toList();
    }

    /** A members-only community with a topic whose reply holds the word; returns the reply's id. */
    private record Place(String slug, Viewer owner, Viewer writer, String topicId, String replyId) {
    }

    private Place privatePost(String word, Visibility visibility) {
        Viewer owner = account(unique("own"));
        String slug = community(owner, visibility, JoinPolicy.APPROVAL, true);
        Viewer writer = account(unique("w"));
        admit(owner, slug, writer);
        String topicId = started(access(slug, owner), owner, new Draft(TopicKind.QUESTION, "Pumps at night", "How do you sleep with one?", null, false));
        String replyId = replied(access(slug, writer), writer, topicId, new Draft(null, null, "I keep it under the " + word + " pillow.", null, false))
                .postId();
        return new Place(slug, owner, writer, topicId, replyId);
    }

    // ---- what must never be found -----------------------------------------------------------------

    @Test
    void aPrivatePostIsFoundByNoOneWhoMayNotReadIt() {
        String secret = word();
        Place place = privatePost(secret, Visibility.MEMBERS_ONLY);
        Viewer nonMember = account(unique("out"));
        Viewer former = account(unique("former"));
        admit(place.owner(), place.slug(), former);
        assertThat(leave.run(new LeaveCommunity.Input(place.slug(), former))).isInstanceOf(LeaveCommunity.Outcome.Left.class);
        Viewer elsewhere = account(unique("else"));
        String other = community(elsewhere, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        started(access(other, elsewhere), elsewhere, new Draft(TopicKind.QUESTION, "Elsewhere", "Nothing " + word(), null, false));
        Viewer banned = account(unique("banned"));
        admit(place.owner(), place.slug(), banned);
        assertThat(bans.ban(access(place.slug(), place.owner()).community().id(), banned.memberId())).isTrue();

        assertThat(postsFound(place.writer(), secret)).as("a member finds it").containsExactly(place.replyId());
        for (Viewer searcher : java.util.Arrays.asList(null, nonMember, former, elsewhere, banned)) {
            assertThat(found(searcher, secret)).as("searched by %s", searcher == null ? "a visitor" : searcher.handle()).isEmpty();
            assertThat(found(searcher, "pillow " + secret)).isEmpty();
        }
        // nor over the web: no title, no words, no count, no community named
        for (Visitor browser : List.of(visitor(), signedIn(nonMember), signedIn(former), signedIn(elsewhere), signedIn(banned))) {
            var page = browser.get("/search?q=" + secret);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("Nothing found").doesNotContain("Pumps at night").doesNotContain("pillow")
                    .doesNotContain("Community " + place.slug());
            assertThat(page.document().select(".results")).isEmpty();
        }
    }

    @Test
    void aHiddenCommunityIsNeverHintedAt() {
        String secret = word();
        Place place = privatePost(secret, Visibility.HIDDEN);
        Visitor stranger = signedIn(account(unique("s")));
        var inHidden = stranger.get("/search?c=" + place.slug() + "&q=" + secret);
        var nowhere = stranger.get("/search?c=no-such-" + place.slug() + "&q=" + secret);
        assertThat(inHidden.status()).isEqualTo(404).isEqualTo(nowhere.status());
        assertThat(inHidden.document().select("#search-problem").text()).isEqualTo(nowhere.document().select("#search-problem").text());
        assertThat(inHidden.text()).doesNotContain("Community " + place.slug());
        assertThat(stranger.get("/search?q=" + secret).document().select("#search-c option").eachAttr("value"))
                .as("the community list offers only communities the searcher may read").doesNotContain(place.slug());
        Visitor member = signedIn(place.writer());
        assertThat(member.get("/search?c=" + place.slug() + "&q=" + secret).document().select(".result")).hasSize(1);
    }

    @Test
    void aHiddenPostIsFoundOnlyByTheCommunitysModerators() {
        String secret = word();
        Place place = privatePost(secret, Visibility.PUBLIC);
        assertThat(hiddenPosts.hide(place.replyId(), org.hearth.conversation.Hidden.PENDING_REVIEW)).isTrue();
        assertThat(postsFound(place.writer(), secret)).as("not even its writer, while it waits").isEmpty();
        assertThat(postsFound(null, secret)).isEmpty();
        var moderator = found(withSecondFactor(place.owner()), secret);
        assertThat(moderator).hasSize(1);
        assertThat(moderator.getFirst().posts().getFirst().hidden()).isTrue();
        assertThat(postsFound(place.owner(), secret)).as("a moderator without a second factor sees what a member sees").isEmpty();
        assertThat(hiddenPosts.show(place.replyId())).isTrue();
        assertThat(postsFound(null, secret)).as("shown again, found again").containsExactly(place.replyId());
    }

    @Test
    void aDeletedPostLeavesTheIndexInTheSameTransaction() {
        String secret = word();
        Place place = privatePost(secret, Visibility.PUBLIC);
        assertThat(index.held(List.of(place.replyId()))).containsExactly(place.replyId());
        assertThat(deletePost.run(new DeletePost.Input(access(place.slug(), place.writer()), place.writer(), place.replyId())))
                .isInstanceOf(DeletePost.Outcome.Deleted.class);
        assertThat(index.held(List.of(place.replyId()))).isEmpty();
        assertThat(found(place.owner(), secret)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from search_posts where body like ?", Integer.class, "%" + secret + "%")).isZero();
    }

    @Test
    void anErasedAccountsPostsLeaveTheIndexAnonymousOnesToo() {
        String named = word();
        String anonymous = word();
        Place place = privatePost(named, Visibility.PUBLIC);
        String anonymousId = replied(access(place.slug(), place.writer()), place.writer(), place.topicId(),
                new Draft(null, null, "Quietly " + anonymous, null, true)).postId();
        assertThat(postsFound(null, anonymous)).containsExactly(anonymousId);
        assertThat(accountDeletion.delete(place.writer().memberId(), Reconfirmation.password(PASSWORD)))
                .isInstanceOf(AccountDeletion.Erased.class);
        assertThat(found(null, named)).isEmpty();
        assertThat(found(null, anonymous)).isEmpty();
        assertThat(index.held(List.of(place.replyId(), anonymousId))).isEmpty();
    }

    @Test
    void anAnonymousPostIsNeverFoundByItsWritersHandleNorNamesThem() {
        String secret = word();
        Place place = privatePost(word(), Visibility.PUBLIC);
        String anonymousId = replied(access(place.slug(), place.writer()), place.writer(), place.topicId(),
                new Draft(null, null, "Nobody knows it is me: " + secret, null, true)).postId();
        String namedId = replied(access(place.slug(), place.writer()), place.writer(), place.topicId(),
                new Draft(null, null, "Signed: " + secret, null, false)).postId();
        var byHandle = search.run(new SearchPosts.Input(place.owner(), null, secret, null, null, place.writer().handle(), null, null, 1, null));
        assertThat(((SearchPosts.Outcome.Found) byHandle).topics().stream().flatMap(t -> t.posts().stream()).map(SearchPosts.PostFound::postId))
                .containsExactly(namedId);
        var all = found(withSecondFactor(place.owner()), secret).getFirst().posts();
        assertThat(all).extracting(SearchPosts.PostFound::postId).containsExactlyInAnyOrder(anonymousId, namedId);
        assertThat(all).filteredOn(p -> p.postId().equals(anonymousId)).extracting(SearchPosts.PostFound::author).containsOnlyNulls();
        var page = signedIn(place.owner()).get("/search?q=" + secret);
        assertThat(page.document().select(".found").text()).contains("an anonymous member");
        assertThat(page.body()).doesNotContain("/m/" + place.writer().memberId());
        // an unknown handle and a real one without such posts give the same empty answer
        var unknown = search.run(new SearchPosts.Input(place.owner(), null, "pillow", null, null, "nobody-" + secret, null, null, 1, null));
        assertThat(unknown).isEqualTo(new SearchPosts.Outcome.Found(null, List.of(), 1, false));
    }

    @Test
    void postsByAMemberTheSearcherBlockedFold() {
        String secret = word();
        Place place = privatePost(secret, Visibility.PUBLIC);
        Viewer reader = account(unique("r"));
        assertThat(signedIn(reader).post("/m/" + place.writer().memberId() + "/block", Map.of()).status()).isLessThan(400);
        var page = signedIn(reader).get("/search?q=" + secret);
        assertThat(page.document().select(".found details.cw summary").text()).contains("someone you blocked");
        assertThat(found(reader, secret).getFirst().posts().getFirst().folded()).isTrue();
        assertThat(found(null, secret).getFirst().posts().getFirst().folded()).isFalse();
    }

    // ---- kept in step --------------------------------------------------------------------------------

    @Test
    void anEditMoveOrNewTitleIsFoundAtOnceAndTheOldWordsAreNot() {
        String before = word();
        String after = word();
        Place place = privatePost(before, Visibility.PUBLIC);
        assertThat(edited(access(place.slug(), place.writer()), place.writer(), place.replyId(), new Draft(null, null, "Now " + after, null, false)))
                .isInstanceOf(org.hearth.conversation.EditPost.Outcome.Edited.class);
        assertThat(found(null, before)).isEmpty();
        assertThat(postsFound(null, after)).containsExactly(place.replyId());
        String title = word();
        assertThat(hiddenPosts.retitle(access(place.slug(), place.owner()).community().id(), place.topicId(), "Renamed " + title)).isPresent();
        assertThat(found(null, title)).extracting(SearchPosts.TopicFound::title).containsExactly("Renamed " + title);
        String privateSlug = community(place.owner(), Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        assertThat(hiddenPosts.moveTopic(place.topicId(), access(place.slug(), place.owner()).community().id(),
                access(privateSlug, place.owner()).community().id())).isTrue();
        assertThat(found(null, after)).as("moved into a members-only community").isEmpty();
        assertThat(postsFound(place.owner(), after)).containsExactly(place.replyId());
    }

    @Test
    void aRebuildFindsWhatTheIndexLost() {
        String secret = word();
        Place place = privatePost(secret, Visibility.PUBLIC);
        jdbc.update("delete from search_posts where post_id = ?", place.replyId());
        assertThat(found(null, secret)).isEmpty();
        assertThat(rebuild.rebuild(line -> { })).isPositive();
        assertThat(postsFound(null, secret)).containsExactly(place.replyId());
        assertThat(postsFound(place.writer(), secret)).hasSize(1);
    }

    // ---- useful results ------------------------------------------------------------------------------

    @Test
    void aTitleMatchRanksAboveATextMatchAndWordFormsAreFound() {
        String w = word();
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        var access = access(slug, owner);
        String inText = started(access, owner, new Draft(TopicKind.STORY, "Something else", "It was about " + w + " after all.", null, false));
        String inTitle = started(access, owner, new Draft(TopicKind.QUESTION, "About " + w, "A question.", null, false));
        assertThat(found(null, w)).extracting(SearchPosts.TopicFound::topicId).containsExactly(inTitle, inText);

        String walk = started(access, owner, new Draft(TopicKind.STORY, "Evenings", "I walked to the " + w + " clinic every week.", null, false));
        assertThat(found(null, "walking " + w)).extracting(SearchPosts.TopicFound::topicId).containsExactly(walk);
        assertThat(found(null, "\"" + w + " clinic\"")).extracting(SearchPosts.TopicFound::topicId).containsExactly(walk);
        assertThat(found(null, "\"clinic " + w + "\"")).as("a phrase is words in order").isEmpty();
        assertThat(found(null, w.substring(0, 8) + "*")).extracting(SearchPosts.TopicFound::topicId).contains(walk, inText, inTitle);
        assertThat(found(null, w + " -clinic")).extracting(SearchPosts.TopicFound::topicId).containsExactlyInAnyOrder(inTitle, inText);
        assertThat(found(null, "clinic OR question " + w)).extracting(SearchPosts.TopicFound::topicId).containsExactlyInAnyOrder(walk, inTitle);
        assertThat(found(null, w).stream().map(SearchPosts.TopicFound::kind)).contains(TopicKind.STORY, TopicKind.QUESTION);
        var stories = search.run(new SearchPosts.Input(null, "a", w, slug, TopicKind.STORY, null, null, null, 1, null));
        assertThat(((SearchPosts.Outcome.Found) stories).topics()).extracting(SearchPosts.TopicFound::topicId).containsExactlyInAnyOrder(inText, walk);
        var future = search.run(new SearchPosts.Input(null, "a", w, null, null, null, java.time.LocalDate.now().plusDays(2), null, 1, null));
        assertThat(((SearchPosts.Outcome.Found) future).topics()).isEmpty();
    }

    @Test
    void excerptsAreEscapedAndMarkOnlyTheMatch() {
        String w = word();
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        started(access(slug, owner), owner, new Draft(TopicKind.QUESTION, "Markup",
                "Before <script>alert(1)</script> <b>bold</b> **" + w + "** & after", null, false));
        var page = visitor().get("/search?q=" + w);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("<b>bold").contains("<mark>" + w + "</mark>");
        assertThat(page.document().select(".excerpt mark")).extracting(org.jsoup.nodes.Element::text).containsExactly(w);
        assertThat(page.document().select(".excerpt").text()).contains("alert(1)"); // the tags as text, or left out (PostgreSQL)
        assertThat(page.document().select(".excerpt script, .excerpt b")).isEmpty();
        assertThat(page.header("Cache-Control")).contains("no-store").contains("private");
        var typedMarkup = visitor().get("/search?q=" + w + "+%3Cscript%3Ealert(2)%3C/script%3E");
        assertThat(typedMarkup.body()).doesNotContain("<script>alert(2)");
        assertThat(typedMarkup.document().select("#search-q").attr("value")).isEqualTo(w + " <script>alert(2)</script>");
    }

    @Test
    void badInputIsAnsweredInWordsNeverWithAnErrorPage() {
        Visitor browser = visitor();
        assertThat(browser.get("/search").status()).isEqualTo(200);
        assertThat(browser.get("/search?q=").document().select(".results")).isEmpty();
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("a".repeat(5000), "at most 200 characters");
        answers.put("- - OR * \"\" ((", "has none");
        answers.put("-pumps", "not only what to leave out");
        answers.put("di*", "at least three letters");
        answers.put("one two three four five six seven eight nine ten eleven twelve thirteen", "at most 12 words");
        for (var answer : answers.entrySet()) {
            var page = browser.get("/search?q=" + java.net.URLEncoder.encode(answer.getKey(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.status()).as(answer.getKey()).isEqualTo(400);
            assertThat(page.document().select("#search-problem").text()).contains(answer.getValue());
        }
        for (String typed : List.of("\"unbalanced quote", "OR", "инсулин помпа", "مضخة الأنسولين", "胰岛素泵", "c++ & | ! <-> :* '", "\u0000\u0002x")) {
            var page = browser.get("/search?q=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.status()).as(typed).isIn(200, 400);
            assertThat(page.text()).as(typed).doesNotContain("went wrong");
        }
        assertThat(browser.get("/search?q=pumps&from=yesterday").document().select("#search-problem").text()).contains("year-month-day");
        assertThat(browser.get("/search?q=pumps&from=2026-02-01&to=2026-01-01").document().select("#search-problem").text())
                .contains("comes after");
        assertThat(browser.get("/search?q=pumps&kind=NOPE").status()).isEqualTo(400);
        assertThat(browser.get("/search?q=pumps&page=999999999").status()).isEqualTo(200);
    }

    @Test
    void searchingTooOftenIsToldWhenToTryAgain() {
        Viewer eager = account(unique("eager"));
        SearchPosts.Outcome last = null;
        for (int i = 0; i < 61 && !(last instanceof SearchPosts.Outcome.TooOften); i++) {
            last = searchAs(eager, "pumps");
        }
        assertThat(last).isInstanceOf(SearchPosts.Outcome.TooOften.class);
        assertThat(searchAs(account(unique("calm")), "pumps")).as("counted per member").isInstanceOf(SearchPosts.Outcome.Found.class);
    }
}
