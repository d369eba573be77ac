package org.hearth.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.UseCaseContract;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Context members may share with an experience, and the filters it allows: only moderators
 * define the list; a member shares only what is on it; a filter shows how many match, never
 * which, and nothing in a column where fewer than 3 match or fewer than 3 do not; and what a
 * member shared is never shown beside their experience.
 */
abstract class SharedContextContract extends UseCaseContract {

    private static final String LIST = "Time since diagnosis: Less than a year; 1 to 5 years; More than 5 years";

    @Autowired
    private DefineContext defineContext;

    @Autowired
    private SharedContext sharedContext;

    @Autowired
    private StartDecision startDecision;

    @Autowired
    private AddExperience addExperience;

    @Autowired
    private DecisionTopics decisionTopics;

    @Test
    void onlyModeratorsDefineTheListAndItStaysShort() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        Viewer moderator = withSecondFactor(owner);
        assertThat(defineContext.run(new DefineContext.Input(access(slug, member), SharedContext.parse(LIST))))
                .isInstanceOf(DefineContext.Outcome.NotAModerator.class);
        assertThat(defineContext.run(new DefineContext.Input(access(slug, owner), SharedContext.parse(LIST))))
                .as("an owner without a second factor").isInstanceOf(DefineContext.Outcome.NotAModerator.class);
        assertThat(defineContext.run(new DefineContext.Input(access(slug, moderator), SharedContext.parse("Age: Under 40"))))
                .isEqualTo(new DefineContext.Outcome.TooFewChoices("Age", 2));
        assertThat(defineContext.run(new DefineContext.Input(access(slug, moderator), SharedContext.parse("A: x; y\nB: x; y\nC: x; y\nD: x; y\nE: x; y"))))
                .isEqualTo(new DefineContext.Outcome.TooManyFields(4));
        assertThat(defineContext.run(new DefineContext.Input(access(slug, moderator), SharedContext.parse("Age: Under 40; under-40"))))
                .isEqualTo(new DefineContext.Outcome.Duplicate("under-40"));
        assertThat(sharedContext.offered(idOf(slug))).as("nothing saved").isEmpty();

        assertThat(defineContext.run(new DefineContext.Input(access(slug, moderator), SharedContext.parse(LIST))))
                .isInstanceOf(DefineContext.Outcome.Saved.class);
        var field = sharedContext.offered(idOf(slug)).getFirst();
        String kept = field.choices().get(1).id();
        // taking a choice off retires it: it is no longer offered, and the one kept keeps its identity
        assertThat(defineContext.run(new DefineContext.Input(access(slug, moderator),
                SharedContext.parse("Time since diagnosis: Less than a year; 1 to 5 years"))))
                .isInstanceOf(DefineContext.Outcome.Saved.class);
        assertThat(sharedContext.offered(idOf(slug)).getFirst().choices()).extracting(SharedContext.Choice::label)
                .containsExactly("Less than a year", "1 to 5 years");
        assertThat(sharedContext.offered(idOf(slug)).getFirst().choices().get(1).id()).isEqualTo(kept);
        assertThat(sharedContext.all(idOf(slug)).getFirst().choices()).filteredOn(SharedContext.Choice::retired)
                .extracting(SharedContext.Choice::label).containsExactly("More than 5 years");
    }

    @Test
    void aFilterSaysHowManyMatchOnlyWhenAtLeastThreeDoAndThreeDoNotAndContextIsNeverShownBesideOne() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        assertThat(defineContext.run(new DefineContext.Input(access(slug, withSecondFactor(owner)), SharedContext.parse(LIST))))
                .isInstanceOf(DefineContext.Outcome.Saved.class);
        var choices = sharedContext.offered(idOf(slug, owner)).getFirst().choices();
        String recent = choices.get(0).id();
        String middle = choices.get(1).id();
        var started = startDecision.run(new StartDecision.Input(access(slug, owner), owner, "Pump or pens?", "Which?", null, false,
                List.of(new OptionDraft("Pump", ""), new OptionDraft("Pens", "")), List.of("Effort?"), null, null));
        String topicId = ((StartDecision.Outcome.Started) started).topicId();
        var options = decisionTopics.readable(access(slug, owner), topicId).orElseThrow().options();
        String pump = options.get(0).id();
        String pens = options.get(1).id();
        add(slug, topicId, pump, recent, "pump-recent-1");
        add(slug, topicId, pump, recent, "pump-recent-2");
        add(slug, topicId, pump, recent, "pump-recent-3");
        add(slug, topicId, pump, middle, "pump-middle-1");
        add(slug, topicId, pump, middle, "pump-middle-2");
        add(slug, topicId, pump, middle, "pump-middle-3");
        for (int i = 1; i <= 4; i++) {
            add(slug, topicId, pens, recent, "pens-recent-" + i);
        }
        add(slug, topicId, pens, null, "pens-unshared-1");
        add(slug, topicId, pens, null, "pens-unshared-2");

        Viewer readerAccount = account(unique("r"));
        join(slug, readerAccount);
        Visitor reader = signedIn(readerAccount);
        Document all = reader.get("/c/" + slug + "/t/" + topicId).document();
        assertThat(all.select("#option-" + pump + " .option-counts").text()).startsWith("6 experiences");
        assertThat(all.select("#option-" + pens + " .option-counts").text()).startsWith("6 experiences");
        for (Element experience : all.select(".experience, .post")) {
            assertThat(experience.text()).as("context beside an experience").doesNotContain("Less than a year").doesNotContain("1 to 5 years");
        }

        Document recentOnly = reader.get("/c/" + slug + "/t/" + topicId + "?context=" + recent).document();
        assertThat(recentOnly.select("#option-" + pump + " .option-counts").text()).isEqualTo("3 experiences match.");
        assertThat(recentOnly.select("#options .experience, #options .answers")).as("how many only: never which").isEmpty();
        assertThat(recentOnly.select("#options").text()).doesNotContain("pump-recent").doesNotContain("answer of")
                .doesNotContain("would choose it again");
        // four of six match: "all but two" would tell of the two unshared that they shared nothing, so no figure
        Element pensColumn = recentOnly.getElementById("option-" + pens);
        assertThat(pensColumn.select(".below-minimum").text()).contains("Too few experiences here match this filter, or too few do not");
        assertThat(pensColumn.select(".option-counts").text()).doesNotContain("4");
        assertThat(recentOnly.select(".option-switcher a").eachText()).containsExactly("Pump (3)", "Pens");

        Document middleOnly = reader.get("/c/" + slug + "/t/" + topicId + "?context=" + middle).document();
        assertThat(middleOnly.select("#option-" + pump + " .option-counts").text()).isEqualTo("3 experiences match.");
        assertThat(middleOnly.getElementById("option-" + pens).select(".below-minimum")).as("none match").isNotEmpty();

        // a choice of another community's list filters nothing and is refused with an experience
        Viewer otherOwner = account(unique("own"));
        String other = community(otherOwner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        defineContext.run(new DefineContext.Input(access(other, withSecondFactor(otherOwner)), SharedContext.parse(LIST)));
        String foreign = sharedContext.offered(idOf(other, otherOwner)).getFirst().choices().getFirst().id();
        assertThat(reader.get("/c/" + slug + "/t/" + topicId + "?context=" + foreign).document()
                .select("#option-" + pump + " .option-counts").text()).startsWith("6 experiences");
        Viewer late = account(unique("late"));
        join(slug, late);
        assertThat(addExperience.run(new AddExperience.Input(access(slug, late), late, topicId, pump, YearMonth.of(2024, 1),
                WouldChooseAgain.YES, "late", null, false, Map.of(), List.of(foreign), null, null)))
                .isInstanceOf(AddExperience.Outcome.NoSuchContext.class);
        assertThat(addExperience.run(new AddExperience.Input(access(slug, late), late, topicId, pump, YearMonth.of(2024, 1),
                WouldChooseAgain.YES, "late", null, false, Map.of(), List.of(recent, middle), null, null)))
                .as("two choices of one field").isInstanceOf(AddExperience.Outcome.NoSuchContext.class);
    }

    @Test
    void theListsPageIsForModeratorsAndSaysWhatIsWrongKeepingWhatWasTyped() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        assertThat(signedIn(member).get("/c/" + slug + "/decisions/context").status()).isEqualTo(404);
        assertThat(signedIn(member).post("/c/" + slug + "/decisions/context", Map.of("text", LIST)).status()).isEqualTo(404);
        assertThat(signedIn(owner).get("/c/" + slug + "/decisions/context").location()).as("a second factor first")
                .contains("required");
        Visitor moderator = moderating(owner);
        var refused = moderator.post("/c/" + slug + "/decisions/context", Map.of("text", "Age: Under 40\nSex: Female; Male"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().select("#text-error").text()).contains("\u201cAge\u201d needs at least 2 choices");
        assertThat(refused.document().select("textarea[name=text]").text()).contains("Sex: Female; Male");
        var saved = moderator.submit("/c/" + slug + "/decisions/context", Map.of("text", LIST));
        assertThat(saved.document().select("textarea[name=text]").text()).isEqualTo(LIST);
        assertThat(sharedContext.offered(idOf(slug, owner))).hasSize(1);
    }

    private void add(String slug, String topicId, String option, String context, String body) {
        Viewer member = account(unique("m"));
        join(slug, member);
        assertThat(addExperience.run(new AddExperience.Input(access(slug, member), member, topicId, option, YearMonth.of(2023, 4),
                WouldChooseAgain.YES, body, null, false, Map.of(0, "answer of " + body), context == null ? List.of() : List.of(context),
                null, null))).isInstanceOf(AddExperience.Outcome.Added.class);
    }

    private String idOf(String slug) {
        return communities.visibleTo(slug, null).orElseThrow().community().id();
    }

    private String idOf(String slug, Viewer member) {
        return access(slug, member).community().id();
    }
}
