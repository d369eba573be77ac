package org.hearth.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.identity.MemberData;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crisis support that never blocks: the resources before a post that speaks of suicide or
 * self-harm, the writer's choice, the moderators' support list, and reports of concern with
 * their limits. Refusals first.
 */
abstract class CrisisSupportContract extends HearthTest {

    private static final String CRISIS = "Some days I want to end it all. I have saved up my oxycodone.";

    @Autowired
    private Conversations conversations;

    @Autowired
    private SupportAlerts alerts;

    @Autowired
    private ReportConcern reportConcern;

    @Autowired
    private List<MemberData> memberData;

    // ---- who sees the support list -----------------------------------------------------------

    @Test
    void aMemberAVisitorAndAnotherCommunitysModeratorGet404ForTheSupportList() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor member = joined(slug);
        Viewer otherOwner = account(unique("oth"));
        community(otherOwner, Visibility.PUBLIC, JoinPolicy.OPEN, false);

        assertThat(member.get("/c/" + slug + "/support").status()).isEqualTo(404);
        assertThat(visitor().get("/c/" + slug + "/support").status()).isIn(404, 302);
        assertThat(moderating(otherOwner).get("/c/" + slug + "/support").status()).isEqualTo(404);
        assertThat(member.post("/c/" + slug + "/support/" + "a".repeat(16) + "/handled", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aModeratorWithoutASecondFactorIsSentToSetOneUp() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);

        var answer = signedIn(owner).get("/c/" + slug + "/support");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).contains("/me/second-factor");
    }

    // ---- the check before posting ------------------------------------------------------------

    @Test
    void everydaySpeechIsPostedWithoutTheCheck() {
        String slug = community(account(unique("own")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor writer = joined(slug);

        for (String body : List.of("This pain is killing me today.", "I'd kill for a good night's sleep.",
                "The side effects made me want to die laughing.")) {
            var posted = writer.post("/c/" + slug + "/topics", topic("Nights", body));
            assertThat(posted.status()).as(body).isEqualTo(302);
            assertThat(posted.location()).contains("/t/");
        }
    }

    @Test
    void aTopicThatSpeaksOfCrisisShowsTheResourcesWhatWasTypedAndTheChoicesAndStoresNothingYet() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor writer = joined(slug);

        var check = writer.post("/c/" + slug + "/topics", topic("Tired", CRISIS));

        assertThat(check.status()).isEqualTo(200);
        Document page = check.document();
        assertThat(page.select("h1").text()).contains("you are not alone");
        assertThat(page.select(".emergency").text()).contains("call your local emergency number");
        assertThat(page.select(".resources a[href^=tel:]").eachAttr("href")).contains("tel:116123", "tel:988");
        assertThat(page.select(".resources a[href^=sms:]").eachAttr("href")).contains("sms:741741");
        assertThat(page.select(".resources a[href=https://findahelpline.com]")).hasSize(1);
        assertThat(page.select(".source").text()).contains("Tired", "saved up my oxycodone");
        assertThat(page.select("form.crisis-choice button[name=answer]").eachAttr("value"))
                .containsExactly("tell-moderators", "publish", "edit");
        assertThat(page.select("script")).allMatch(s -> s.hasAttr("src") && s.attr("src").startsWith("/"));
        assertThat(conversations.topicCount(access(slug, owner))).isZero();
    }

    @Test
    void publishingFromTheCheckPageStoresTheTopicOnceWhenSentTwiceAndTellsNoOne() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor writer = joined(slug);
        Map<String, String> again = resent(writer.post("/c/" + slug + "/topics", topic("Tired", CRISIS)), "publish");

        var first = writer.post("/c/" + slug + "/topics", again);
        var second = writer.post("/c/" + slug + "/topics", again);

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(conversations.topicCount(access(slug, owner))).isEqualTo(1);
        assertThat(writer.open(first.location()).document().select(".post.opening .body").text()).contains("end it all");
        assertThat(alerts.ofCommunity(access(slug, owner).community().id(), 10)).isEmpty();
    }

    @Test
    void goingBackToEditShowsTheFormWithWhatWasTypedAndStoresNothing() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor writer = joined(slug);
        var check = writer.post("/c/" + slug + "/topics", topic("Tired", CRISIS));
        String key = check.document().selectFirst("input[name=submission]").val();

        var form = writer.post("/c/" + slug + "/topics", resent(check, "edit"));

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("textarea[name=body]").text()).isEqualTo(CRISIS);
        assertThat(form.document().select("input[name=title]").val()).isEqualTo("Tired");
        assertThat(form.document().select("input[name=submission]").val()).as("the same one-time key").isEqualTo(key);
        assertThat(form.document().select("input[name=answer]")).as("text sent from the form is looked at again").isEmpty();
        assertThat(conversations.topicCount(access(slug, owner))).isZero();
    }

    @Test
    void choosingToTellTheModeratorsPutsTheAnonymousPostOnTheirListOnce() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        Viewer writer = account(unique("wri"));
        join(slug, writer);
        Visitor browser = signedIn(writer);
        Map<String, String> fields = topic("Tired", CRISIS);
        fields.put("anonymous", "true");
        var check = browser.post("/c/" + slug + "/topics", fields);
        assertThat(check.document().select(".crisis-choice .hint").text()).contains("they can see that you wrote it");
        Map<String, String> again = resent(check, "tell-moderators");

        var first = browser.post("/c/" + slug + "/topics", again);
        browser.post("/c/" + slug + "/topics", again);

        assertThat(first.status()).isEqualTo(302);
        assertThat(browser.open(first.location()).document().select(".notice").text()).contains("know, and may reach out to you");
        var found = alerts.ofCommunity(access(slug, owner).community().id(), 10);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().kind()).isEqualTo(SupportAlerts.Kind.ASKED);
        assertThat(found.getFirst().memberId()).isEqualTo(writer.memberId());
        assertThat(found.getFirst().anonymous()).isTrue();
        var list = moderating(owner).get("/c/" + slug + "/support").document();
        assertThat(list.select(".alerts li").text()).contains(writer.handle(), "asked you to know", "anonymous");
        assertThat(list.select(".alerts li a").attr("href")).contains("#p-" + found.getFirst().postId());
    }

    @Test
    void aReplyAndAnEditThatSpeakOfCrisisAreCheckedToo() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, new Draft(TopicKind.QUESTION, "Sleep", "How do you sleep?", null, false));
        Viewer writer = account(unique("wri"));
        join(slug, writer);
        Visitor browser = signedIn(writer);
        String replies = "/c/" + slug + "/t/" + topicId + "/replies";

        var check = browser.post(replies, Map.of("body", "I don't want to be here anymore.", "contentWarning", "",
                "submission", org.hearth.platform.db.Submissions.newKey()));
        assertThat(check.document().select("form.crisis-choice").attr("action")).isEqualTo(replies);
        var replied = browser.post(replies, resent(check, "tell-moderators"));
        assertThat(replied.status()).isEqualTo(302);
        String postId = replied.location().substring(replied.location().indexOf("#p-") + 3);

        String edit = "/c/" + slug + "/p/" + postId + "/edit";
        var editCheck = browser.post(edit, Map.of("body", "Still here. I have saved up my pills though.", "contentWarning", ""));
        assertThat(editCheck.document().select("form.crisis-choice").attr("action")).isEqualTo(edit);
        assertThat(browser.post(edit, resent(editCheck, "publish")).status()).isEqualTo(302);

        assertThat(alerts.ofCommunity(access(slug, owner).community().id(), 10))
                .extracting(SupportAlerts.Alert::postId).containsExactly(postId);
        assertThat(browser.get("/c/" + slug + "/t/" + topicId).document().select("#p-" + postId + " .body").text())
                .contains("saved up my pills");
    }

    // ---- handling alerts ------------------------------------------------------------------------

    @Test
    void aModeratorMarksAnAlertHandledOnce() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor writer = joined(slug);
        writer.post("/c/" + slug + "/topics", resent(writer.post("/c/" + slug + "/topics", topic("Tired", CRISIS)), "tell-moderators"));
        String alertId = alerts.ofCommunity(access(slug, owner).community().id(), 10).getFirst().id();
        Visitor moderator = moderating(owner);

        assertThat(writer.post("/c/" + slug + "/support/" + alertId + "/handled", Map.of()).status()).isEqualTo(404);
        var handled = moderator.submit("/c/" + slug + "/support/" + alertId + "/handled", Map.of());
        var again = moderator.submit("/c/" + slug + "/support/" + alertId + "/handled", Map.of());

        assertThat(handled.document().select(".notice").text()).contains("Marked as handled");
        assertThat(again.document().select(".notice").text()).contains("first");
        assertThat(again.document().select("li.alert.handled").text()).contains("handled by");
        assertThat(again.document().select("li.alert form")).isEmpty();
    }

    // ---- "I'm worried about this member" ----------------------------------------------------

    @Test
    void onlyMembersWhoMayReadThePostReportConcernAndNotAboutThemselves() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer author = account(unique("aut"));
        join(slug, author);
        String postId = openingPost(slug, owner, started(access(slug, author), author, plain("Hard week")));
        String worried = "/c/" + slug + "/p/" + postId + "/worried";

        assertThat(member(unique("out")).get(worried).status()).isEqualTo(404);
        assertThat(member(unique("out")).post(worried, Map.of("note", "")).status()).isEqualTo(404);
        assertThat(joined(slug).get("/c/" + slug + "/p/" + "b".repeat(16) + "/worried").status()).isEqualTo(404);
        var own = signedIn(author).post(worried, Map.of("note", ""));
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.document().select(".error-summary").text()).contains("your own post");
        assertThat(alerts.ofCommunity(access(slug, owner).community().id(), 10)).isEmpty();
    }

    @Test
    void aConcernGoesToTheModeratorsWithTheReporterAndIsLimitedToOneAWeekAboutTheSameMember() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = account(unique("aut"));
        join(slug, author);
        String first = openingPost(slug, owner, started(access(slug, author), author, plain("Hard week")));
        String second = openingPost(slug, owner, started(access(slug, author), author, plain("Harder week")));
        Viewer reporter = account(unique("rep"));
        join(slug, reporter);
        Visitor browser = signedIn(reporter);
        var topicPage = browser.get("/c/" + slug + "/t/" + conversations.locate(access(slug, owner), first).orElseThrow().topicId());
        assertThat(topicPage.document().select("#p-" + first + " .worried a").attr("href")).isEqualTo("/c/" + slug + "/p/" + first + "/worried");

        var told = browser.submit("/c/" + slug + "/p/" + first + "/worried", Map.of("note", "They sounded very low."));
        var again = browser.post("/c/" + slug + "/p/" + second + "/worried", Map.of("note", "Again"));

        assertThat(told.document().select(".notice").text()).contains("Nobody is told that it was you");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.document().select(".error-summary").text()).contains("in the last 7 days");
        assertThat(again.document().select("textarea[name=note]").text()).isEqualTo("Again");
        var found = alerts.ofCommunity(access(slug, owner).community().id(), 10);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().memberId()).isEqualTo(author.memberId());
        assertThat(found.getFirst().reportedBy()).isEqualTo(reporter.memberId());
        var list = moderating(owner).get("/c/" + slug + "/support").document();
        assertThat(list.select(".alerts li").text()).contains(reporter.handle() + " is worried about " + author.handle(),
                "They sounded very low.");
        assertThat(signedIn(author).get("/c/" + slug + "/support").status()).as("never the member concerned").isEqualTo(404);
    }

    @Test
    void twoReportsAboutTheSameMemberSentAtOnceAreStoredOnce() throws Exception {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = account(unique("aut"));
        join(slug, author);
        String first = openingPost(slug, owner, started(access(slug, author), author, plain("One")));
        String second = openingPost(slug, owner, started(access(slug, author), author, plain("Two")));
        Viewer reporter = account(unique("rep"));
        join(slug, reporter);
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var answers = List.of(first, second).stream().map(postId -> pool.submit(() -> {
                start.await();
                return reportConcern.run(new ReportConcern.Input(access(slug, reporter), reporter, postId, null));
            })).toList();
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (var answer : answers) {
                outcomes.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof ReportConcern.Outcome.Reported).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ReportConcern.Outcome.AlreadyReported).hasSize(1);
        }
        assertThat(alerts.ofCommunity(access(slug, owner).community().id(), 10)).hasSize(1);
    }

    @Test
    void aReporterMakesAFewReportsADayAtMost() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer reporter = account(unique("rep"));
        join(slug, reporter);
        Visitor browser = signedIn(reporter);

        List<Integer> statuses = new java.util.ArrayList<>();
        String last = null;
        for (int i = 0; i < 4; i++) {
            Viewer author = account(unique("aut"));
            join(slug, author);
            String postId = openingPost(slug, owner, started(access(slug, author), author, plain("Week " + i)));
            var answer = browser.post("/c/" + slug + "/p/" + postId + "/worried", Map.of("note", ""));
            statuses.add(answer.status());
            last = answer.body();
        }

        assertThat(statuses).containsExactly(302, 302, 302, 422);
        assertThat(last).contains("as many as a day allows");
        assertThat(alerts.ofCommunity(access(slug, owner).community().id(), 10)).hasSize(3);
    }

    @Test
    void aRefusalNeverTellsTheReporterWhoWroteAnAnonymousPost() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        Viewer author = account(unique("aut"));
        join(slug, author);
        String named = openingPost(slug, owner, started(access(slug, author), author, plain("Named")));
        String anonymous = openingPost(slug, owner, started(access(slug, author), author,
                new Draft(TopicKind.STORY, "Unnamed", "Words", null, true)));
        Viewer reporter = account(unique("rep"));
        join(slug, reporter);
        Visitor browser = signedIn(reporter);

        assertThat(browser.post("/c/" + slug + "/p/" + named + "/worried", Map.of("note", "")).status()).isEqualTo(302);
        var aboutAnonymous = browser.post("/c/" + slug + "/p/" + anonymous + "/worried", Map.of("note", ""));
        var anonymousAgain = browser.post("/c/" + slug + "/p/" + anonymous + "/worried", Map.of("note", ""));

        assertThat(aboutAnonymous.status()).as("not refused as 'this member again'").isEqualTo(302);
        assertThat(anonymousAgain.status()).isEqualTo(422);
        assertThat(anonymousAgain.body()).doesNotContain(author.handle());
        assertThat(browser.get("/c/" + slug + "/p/" + anonymous + "/worried").body()).doesNotContain(author.handle());
    }

    // ---- the member's data ----------------------------------------------------------------------

    @Test
    void theDownloadHasNoReportersNameNorNoteAndDeletionTakesTheAlertsAboutTheMember() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = account(unique("aut"));
        join(slug, author);
        String postId = openingPost(slug, owner, started(access(slug, author), author, plain("Hard week")));
        Viewer reporter = account(unique("rep"));
        join(slug, reporter);
        signedIn(reporter).post("/c/" + slug + "/p/" + postId + "/worried", Map.of("note", "a private worry"));
        MemberData support = memberData.stream().filter(d -> d.section().equals("support")).findFirst().orElseThrow();

        String authors = String.valueOf(support.export(author.memberId()));
        String reporters = String.valueOf(support.export(reporter.memberId()));
        assertThat(authors).contains(postId).doesNotContain(reporter.memberId(), "a private worry");
        assertThat(reporters).contains("a private worry").doesNotContain(author.memberId());

        support.erase(reporter.memberId());
        var kept = alerts.ofCommunity(access(slug, owner).community().id(), 10);
        assertThat(kept).singleElement().satisfies(a -> {
            assertThat(a.reportedBy()).isNull();
            assertThat(a.note()).isNull();
        });
        support.erase(author.memberId());
        assertThat(alerts.ofCommunity(access(slug, owner).community().id(), 10)).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Map<String, String> topic(String title, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "STORY");
        fields.put("title", title);
        fields.put("body", body);
        fields.put("contentWarning", "");
        fields.put("submission", org.hearth.platform.db.Submissions.newKey());
        return fields;
    }

    private static Draft plain(String title) {
        return new Draft(TopicKind.STORY, title, "Nothing alarming here.", null, false);
    }

    /** The check page's form, sent again with this answer, as its button does. */
    private static Map<String, String> resent(Visitor.Response check, String answer) {
        assertThat(check.status()).as("the check page").isEqualTo(200);
        Element form = check.document().selectFirst("form.crisis-choice");
        assertThat(form).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.put("answer", answer);
        return fields;
    }

    private String openingPost(String slug, Viewer reader, String topicId) {
        return conversations.openingPostId(access(slug, reader), topicId).orElseThrow();
    }

    private Visitor joined(String slug) {
        Visitor visitor = member(unique("m"));
        visitor.submit("/c/" + slug + "/join", AGREEING);
        return visitor;
    }
}
