package org.hearth.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.Hidden;
import org.hearth.conversation.HiddenPosts;
import org.hearth.conversation.TopicKind;
import org.hearth.conversation.TopicStarted;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.UseCaseContract;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Starting a decision and adding options: every refusal first, shown to store nothing, then what
 * members see. The pages are driven over HTTP where what matters is what a person reads.
 */
abstract class DecisionsContract extends UseCaseContract {

    private static final List<OptionDraft> PUMP_OR_PENS = List.of(new OptionDraft("Insulin pump", "A pump worn all day"),
            new OptionDraft("Pens", "Injections several times a day"));

    @Autowired
    private StartDecision startDecision;

    @Autowired
    private AddOption addOption;

    @Autowired
    private DecisionTopics decisionTopics;

    @Autowired
    private Conversations conversations;

    @Autowired
    private HiddenPosts hiddenPosts;

    @Autowired
    private AddExperience addExperience;

    // ---- StartDecision: refusals ---------------------------------------------------------------

    @Test
    void aReaderWhoIsNotAMemberCannotStartADecision() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer reader = account(unique("reader"));
        var outcome = act(() -> startDecision.run(decision(slug, reader, PUMP_OR_PENS, List.of())));
        assertThat(outcome).isInstanceOf(StartDecision.Outcome.NotAMember.class);
        assertThat(published()).isEmpty();
        assertThat(conversations.topics(access(slug, owner), null, 1)).isEmpty();
    }

    @Test
    void aDecisionNeedsTwoToSixOptionsWithNamesOfTheirOwnAndAtMostSixQuestions() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        List<OptionDraft> seven = java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(i -> new OptionDraft("Option " + i, "")).toList();
        assertThat(act(() -> startDecision.run(decision(slug, author, PUMP_OR_PENS.subList(0, 1), List.of()))))
                .isEqualTo(new StartDecision.Outcome.TooFewOptions(2));
        assertThat(act(() -> startDecision.run(decision(slug, author, seven, List.of()))))
                .isEqualTo(new StartDecision.Outcome.TooManyOptions(6));
        assertThat(act(() -> startDecision.run(decision(slug, author,
                List.of(new OptionDraft("Insulin pump", ""), new OptionDraft("insulin-PUMP.", "the same, written otherwise")), List.of()))))
                .isEqualTo(new StartDecision.Outcome.DuplicateOption("insulin-PUMP."));
        assertThat(act(() -> startDecision.run(decision(slug, author, PUMP_OR_PENS,
                List.of("1?", "2?", "3?", "4?", "5?", "6?", "7?")))))
                .isEqualTo(new StartDecision.Outcome.TooManyQuestions(6));
        assertThat(published()).isEmpty();
        assertThat(conversations.topics(access(slug, owner), null, 1)).as("nothing stored").isEmpty();
    }

    // ---- StartDecision: stored ------------------------------------------------------------------

    @Test
    void aMemberStartsADecisionWhoseOptionsAndQuestionsAreStoredWithItsTopic() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        var outcome = act(() -> startDecision.run(decision(slug, author, PUMP_OR_PENS, List.of("How much daily effort?", "What about work?"))));
        assertThat(outcome).isInstanceOf(StartDecision.Outcome.Started.class);
        String topicId = ((StartDecision.Outcome.Started) outcome).topicId();
        String postId = conversations.openingPostId(access(slug, owner), topicId).orElseThrow();
        assertThat(published()).containsExactly(
                new TopicStarted(idOf(slug), topicId, postId, author.memberId(), false, TopicKind.DECISION));
        var decision = decisionTopics.readable(access(slug, owner), topicId).orElseThrow();
        assertThat(decision.options()).extracting(Option::name, Option::description, Option::position, Option::addedLater)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Insulin pump", "A pump worn all day", 0, null),
                        org.assertj.core.groups.Tuple.tuple("Pens", "Injections several times a day", 1, null));
        assertThat(decision.questions()).containsExactly("How much daily effort?", "What about work?");
    }

    @Test
    void theSameFormSentTwiceStoresOneDecisionWithOneSetOfOptions() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String key = Submissions.newKey();
        var first = startDecision.run(decision(slug, author, PUMP_OR_PENS, List.of(), key));
        var again = startDecision.run(decision(slug, author, PUMP_OR_PENS, List.of(), key));
        String topicId = ((StartDecision.Outcome.Started) first).topicId();
        assertThat(again).isEqualTo(new StartDecision.Outcome.AlreadySaved(topicId));
        assertThat(conversations.topics(access(slug, owner), null, 1)).hasSize(1);
        assertThat(decisionTopics.readable(access(slug, owner), topicId).orElseThrow().options()).hasSize(2);
    }

    // ---- AddOption --------------------------------------------------------------------------------

    @Test
    void onlyTheAuthorAndModeratorsAddOptionsUpToSixEachWithANameOfItsOwn() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        Viewer peer = joined(slug);
        String topicId = startedDecision(slug, author);
        String plainTopic = started(access(slug, author), author, new Draft(TopicKind.QUESTION, "Not a decision", "Words", null, false));

        assertThat(act(() -> addOption.run(new AddOption.Input(access(slug, peer), peer, topicId, new OptionDraft("Patch pump", "")))))
                .isInstanceOf(AddOption.Outcome.NotAllowed.class);
        assertThat(addOption.run(new AddOption.Input(access(slug, author), author, plainTopic, new OptionDraft("Patch pump", ""))))
                .isInstanceOf(AddOption.Outcome.NoSuchDecision.class);
        assertThat(addOption.run(new AddOption.Input(access(slug, author), author, topicId, new OptionDraft("PENS", ""))))
                .isEqualTo(new AddOption.Outcome.Duplicate("PENS"));
        assertThat(published()).isEmpty();

        var added = act(() -> addOption.run(new AddOption.Input(access(slug, author), author, topicId, new OptionDraft("Patch pump", "New"))));
        assertThat(added).isInstanceOf(AddOption.Outcome.Added.class);
        String optionId = ((AddOption.Outcome.Added) added).optionId();
        assertThat(published()).containsExactly(new OptionAdded(idOf(slug), topicId, optionId, Option.AddedBy.AUTHOR));

        Viewer moderator = joined(slug);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        Viewer signedInModerator = withSecondFactor(moderator);
        for (String name : List.of("Closed loop", "Inhaled insulin", "Waiting a year")) {
            assertThat(addOption.run(new AddOption.Input(access(slug, signedInModerator), signedInModerator, topicId, new OptionDraft(name, ""))))
                    .isInstanceOf(AddOption.Outcome.Added.class);
        }
        var decision = decisionTopics.readable(access(slug, peer), topicId).orElseThrow();
        assertThat(decision.options()).extracting(Option::name)
                .containsExactly("Insulin pump", "Pens", "Patch pump", "Closed loop", "Inhaled insulin", "Waiting a year");
        assertThat(decision.options()).extracting(Option::addedLater).containsExactly(null, null, Option.AddedBy.AUTHOR,
                Option.AddedBy.MODERATOR, Option.AddedBy.MODERATOR, Option.AddedBy.MODERATOR);
        assertThat(addOption.run(new AddOption.Input(access(slug, author), author, topicId, new OptionDraft("Seventh", ""))))
                .isEqualTo(new AddOption.Outcome.Full(6));
    }

    // ---- Pages ------------------------------------------------------------------------------------

    @Test
    void membersSeeTheOptionsSideBySideAndAPhonePicksOneWithALink() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = startedDecision(slug, author);
        var decision = decisionTopics.readable(access(slug, author), topicId).orElseThrow();
        Visitor reader = signedIn(joined(slug));

        var page = reader.get("/c/" + slug + "/t/" + topicId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#options article.option h3")).extracting(Element::text)
                .containsExactly("Insulin pump", "Pens");
        assertThat(page.document().select("#options article.option.chosen h3").text()).isEqualTo("Insulin pump");
        assertThat(page.document().select("#options .decision-note").text()).contains("not evidence");
        assertThat(page.document().select("#options a[href$=/options/new]")).as("no adding for a reader").isEmpty();

        String pens = decision.options().get(1).id();
        var second = reader.get("/c/" + slug + "/t/" + topicId + "?option=" + pens);
        assertThat(second.document().select("#options article.option.chosen h3").text()).isEqualTo("Pens");
        assertThat(second.document().select(".option-switcher a[aria-current=true]").text()).isEqualTo("Pens (0)");

        assertThat(signedIn(author).get("/c/" + slug + "/t/" + topicId).document().select("#options a[href$=/options/new]"))
                .as("the author may add one").isNotEmpty();
    }

    @Test
    void noOneOutsideAMembersOnlyCommunityReachesADecisionByAnyOfItsAddresses() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = startedDecision(slug, author);
        String option = decisionTopics.readable(access(slug, author), topicId).orElseThrow().options().getFirst().id();
        Visitor outsider = signedIn(account(unique("out")));
        Visitor anyone = visitor();
        for (Visitor visitor : List.of(outsider, anyone)) {
            for (String path : List.of("/t/" + topicId, "/t/" + topicId + "?option=" + option, "/t/" + topicId + "/options/new")) {
                var response = visitor.get("/c/" + slug + path);
                assertThat(response.status()).as(path).isIn(302, 404);
                assertThat(response.body()).doesNotContain("Insulin pump");
            }
            var posted = visitor.post("/c/" + slug + "/t/" + topicId + "/options", Map.of("name", "Sneaked in", "description", ""));
            assertThat(posted.status()).isIn(302, 403, 404);
        }
        assertThat(decisionTopics.readable(access(slug, author), topicId).orElseThrow().options()).extracting(Option::name)
                .doesNotContain("Sneaked in");
    }

    @Test
    void theOptionsOfADecisionHiddenPendingReviewAreHiddenWithIt() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer author = joined(slug);
        String topicId = startedDecision(slug, author);
        Viewer experienced = joined(slug);
        String pens = decisionTopics.readable(access(slug, owner), topicId).orElseThrow().options().get(1).id();
        assertThat(addExperience.run(new AddExperience.Input(access(slug, experienced), experienced, topicId, pens,
                java.time.YearMonth.of(2022, 9), WouldChooseAgain.YES, "my words", null, false, Map.of(0, "an answer"), List.of(), null, null)))
                .isInstanceOf(AddExperience.Outcome.Added.class);
        hiddenPosts.hide(conversations.openingPostId(access(slug, owner), topicId).orElseThrow(), Hidden.PENDING_REVIEW);
        Visitor member = signedIn(joined(slug));
        var page = member.get("/c/" + slug + "/t/" + topicId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Insulin pump").doesNotContain("id=\"options\"")
                .as("the option chosen and the questions, in the thread").doesNotContain("Chose Pens").doesNotContain("How much daily effort");
        assertThat(page.body()).as("the reply itself is someone else's words, and stays").contains("my words");
        for (String path : List.of("/options/new", "/experience")) {
            assertThat(member.get("/c/" + slug + "/t/" + topicId + path).status()).as(path).isEqualTo(404);
        }
        assertThat(signedIn(author).get("/c/" + slug + "/t/" + topicId).body()).as("its author still sees it").contains("Insulin pump");
    }

    @Test
    void theFormSaysWhatIsWrongAndKeepsEverythingTyped() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = signedIn(joined(slug));
        Map<String, String> form = form("Pump or pens?", "I am weighing it up.");
        form.put("options[0].name", "Pump");
        form.put("options[1].name", "pump");
        form.put("options[1].description", "The same twice");
        form.put("options[2].description", "A description without a name");
        form.put("questions[0]", "What about sport?");

        var shape = author.post("/c/" + slug + "/decisions", form);
        assertThat(shape.status()).isEqualTo(422);
        assertThat(shape.document().select("#options\\[2\\]\\.name-error").text()).contains("Give this option a short name");
        form.remove("options[2].description");
        var duplicate = author.post("/c/" + slug + "/decisions", form);
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.document().select("#options-error").text()).contains("both called \u201cpump\u201d");
        assertThat(duplicate.document().select("input[name=options[1].description]").val()).isEqualTo("The same twice");
        assertThat(duplicate.document().select("input[name=questions[0]]").val()).isEqualTo("What about sport?");
        assertThat(duplicate.document().select("textarea[name=body]").text()).isEqualTo("I am weighing it up.");

        form.put("options[1].name", "Pens");
        var posted = author.submit("/c/" + slug + "/decisions", form);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.document().select("#options article.option h3")).extracting(Element::text).containsExactly("Pump", "Pens");
        assertThat(posted.document().select(".decision-questions li").text()).isEqualTo("What about sport?");
    }

    @Test
    void aDecisionThatSpeaksOfCrisisShowsTheResourcesFirstAndKeepsEveryOptionWhenPosted() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = signedIn(joined(slug));
        Map<String, String> form = form("Stop treatment?", "Some days I want to end it all. I have saved up my oxycodone.");
        form.put("options[0].name", "Stop");
        form.put("options[1].name", "Go on");
        form.put("options[1].description", "Another round");
        var check = author.post("/c/" + slug + "/decisions", form);
        assertThat(check.status()).isEqualTo(200);
        Element choice = check.document().selectFirst("form.crisis-choice");
        assertThat(choice).as("the crisis resources come first").isNotNull();
        Map<String, String> again = new LinkedHashMap<>();
        choice.select("input[type=hidden]").forEach(input -> again.put(input.attr("name"), input.val()));
        again.put("answer", "publish");
        var posted = author.submit("/c/" + slug + "/decisions", again);
        assertThat(posted.document().select("#options article.option h3")).extracting(Element::text).containsExactly("Stop", "Go on");
        assertThat(posted.document().select("#options .option-description").text()).isEqualTo("Another round");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private StartDecision.Input decision(String slug, Viewer author, List<OptionDraft> options, List<String> questions) {
        return decision(slug, author, options, questions, null);
    }

    private StartDecision.Input decision(String slug, Viewer author, List<OptionDraft> options, List<String> questions, String key) {
        return new StartDecision.Input(access(slug, author), author, "Pump or pens?", "Which did you choose?", null, false,
                options, questions, null, key);
    }

    private String startedDecision(String slug, Viewer author) {
        var outcome = startDecision.run(decision(slug, author, PUMP_OR_PENS, List.of("How much daily effort?")));
        return ((StartDecision.Outcome.Started) outcome).topicId();
    }

    private static Map<String, String> form(String title, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("body", body);
        form.put("contentWarning", "");
        form.put("submission", Submissions.newKey());
        return form;
    }

    private String idOf(String slug) {
        return communities.visibleTo(slug, null).orElseThrow().community().id();
    }

    private Viewer joined(String slug) {
        Viewer member = account(unique("m"));
        join(slug, member);
        return member;
    }
}
