package org.hearth.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.DeletePost;
import org.hearth.conversation.Hidden;
import org.hearth.conversation.HiddenPosts;
import org.hearth.conversation.ReplyPosted;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.UseCaseContract;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Members' experiences of a decision: the refusals first (who may not add or read one, a second
 * one, an option that is not the decision's), then the columns members read, the timeline of
 * updates, anonymity, and what deleting a post or an account takes out of every count.
 */
abstract class ExperiencesContract extends UseCaseContract {

    @Autowired
    private StartDecision startDecision;

    @Autowired
    private AddExperience addExperience;

    @Autowired
    private UpdateExperience updateExperience;

    @Autowired
    private DecisionTopics decisionTopics;

    @Autowired
    private Conversations conversations;

    @Autowired
    private HiddenPosts hiddenPosts;

    @Autowired
    private DeletePost deletePost;

    @Autowired
    private org.jooq.DSLContext db;

    /** A decision of pump or pens, with one question; its owner, its community and its options. */
    private record Fixture(Viewer owner, String slug, String topicId, String pump, String pens) {
    }

    private Fixture decision(Visibility visibility, boolean anonymous) {
        Viewer owner = account(unique("own"));
        String slug = community(owner, visibility, JoinPolicy.OPEN, anonymous);
        var started = startDecision.run(new StartDecision.Input(access(slug, owner), owner, "Pump or pens?", "Which did you choose?",
                null, false, List.of(new OptionDraft("Insulin pump", ""), new OptionDraft("Pens", "")), List.of("How much daily effort?"),
                null, null));
        String topicId = ((StartDecision.Outcome.Started) started).topicId();
        var options = decisionTopics.readable(access(slug, owner), topicId).orElseThrow().options();
        return new Fixture(owner, slug, topicId, options.get(0).id(), options.get(1).id());
    }

    private AddExperience.Input experience(Fixture d, Viewer author, String option, WouldChooseAgain again, String body,
            boolean anonymous) {
        return new AddExperience.Input(access(d.slug(), author), author, d.topicId(), option, YearMonth.of(2024, 2), again, body, null,
                anonymous, Map.of(0, "answer of " + body), List.of(), null, null);
    }

    private String added(Fixture d, Viewer author, String option, WouldChooseAgain again, String body) {
        var outcome = addExperience.run(experience(d, author, option, again, body, false));
        assertThat(outcome).isInstanceOf(AddExperience.Outcome.Added.class);
        return ((AddExperience.Outcome.Added) outcome).location().postId();
    }

    // ---- refusals ---------------------------------------------------------------------------------

    @Test
    void aNonMemberCannotAddAnExperienceNorReadOneInAMembersOnlyCommunityByAnyAddress() {
        Fixture d = decision(Visibility.MEMBERS_ONLY, false);
        Viewer member = joined(d.slug());
        added(d, member, d.pump(), WouldChooseAgain.YES, "members-only-words");
        Viewer outsider = account(unique("out"));
        var refused = act(() -> addExperience.run(experience(d, outsider, d.pump(), WouldChooseAgain.YES, "outsider", false)));
        assertThat(refused).isInstanceOf(AddExperience.Outcome.NotAMember.class);
        assertThat(published()).isEmpty();

        for (Visitor visitor : List.of(signedIn(outsider), visitor())) {
            for (String path : List.of("", "?option=" + d.pump(), "/experience", "/experience?option=" + d.pump())) {
                var response = visitor.get("/c/" + d.slug() + "/t/" + d.topicId() + path);
                assertThat(response.status()).as(path).isIn(302, 404);
                assertThat(response.body()).doesNotContain("members-only-words").doesNotContain("answer of");
            }
            var posted = visitor.post("/c/" + d.slug() + "/t/" + d.topicId() + "/experiences", Map.of("option", d.pens(),
                    "chosenMonth", "1", "chosenYear", "2024", "wouldAgain", "YES", "body", "sneaked-in"));
            assertThat(posted.status()).isIn(302, 403, 404);
            var updated = visitor.post("/c/" + d.slug() + "/t/" + d.topicId() + "/experience/updates",
                    Map.of("body", "sneaked-update", "wouldAgain", "NO"));
            assertThat(updated.status()).isIn(302, 403, 404);
        }
        Document page = signedIn(member).get("/c/" + d.slug() + "/t/" + d.topicId()).document();
        assertThat(page.text()).doesNotContain("sneaked-in").doesNotContain("sneaked-update");
        assertThat(column(page, d.pens()).select(".option-counts").text()).contains("No experiences yet");
    }

    @Test
    void aMemberAddsOneExperienceAndIsLedToAddToItInsteadOfASecond() {
        Fixture d = decision(Visibility.PUBLIC, false);
        Viewer member = joined(d.slug());
        String first = added(d, member, d.pump(), WouldChooseAgain.YES, "first");
        var second = act(() -> addExperience.run(experience(d, member, d.pens(), WouldChooseAgain.NO, "second", false)));
        assertThat(second).isEqualTo(new AddExperience.Outcome.AlreadyAdded(first));
        assertThat(published()).isEmpty();

        Visitor browser = signedIn(member);
        var form = browser.get("/c/" + d.slug() + "/t/" + d.topicId() + "/experience");
        assertThat(form.document().select("h1").text()).isEqualTo("Add to your experience");
        var sent = browser.submit("/c/" + d.slug() + "/t/" + d.topicId() + "/experiences", experienceForm(d.pens(), "second try"));
        assertThat(sent.document().select("h1").text()).isEqualTo("Add to your experience");
        assertThat(sent.text()).contains("You added your experience of this decision before");
        assertThat(conversations.topic(access(d.slug(), member), d.topicId(), member, 1).orElseThrow().replyCount()).isEqualTo(1);
    }

    @Test
    void anOptionOrQuestionThatIsNotTheDecisionsIsRefusedAndTheFormKeepsWhatWasTyped() {
        Fixture d = decision(Visibility.PUBLIC, false);
        Fixture other = decision(Visibility.PUBLIC, false);
        Viewer member = joined(d.slug());
        assertThat(addExperience.run(experience(d, member, other.pump(), WouldChooseAgain.YES, "elsewhere", false)))
                .isInstanceOf(AddExperience.Outcome.NoSuchOption.class);
        assertThat(addExperience.run(new AddExperience.Input(access(d.slug(), member), member, d.topicId(), d.pump(), YearMonth.of(2024, 1),
                WouldChooseAgain.YES, "words", null, false, Map.of(3, "to no question"), List.of(), null, null)))
                .isInstanceOf(AddExperience.Outcome.NoSuchQuestion.class);
        assertThat(addExperience.run(new AddExperience.Input(access(d.slug(), member), member, d.topicId(), d.pump(),
                YearMonth.now().plusMonths(2), WouldChooseAgain.YES, "words", null, false, Map.of(), List.of(), null, null)))
                .isInstanceOf(AddExperience.Outcome.ChosenInTheFuture.class);

        Visitor browser = signedIn(member);
        Map<String, String> form = experienceForm(other.pump(), "kept-words");
        var refused = browser.post("/c/" + d.slug() + "/t/" + d.topicId() + "/experiences", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("That option is not one of this decision's");
        assertThat(refused.document().select("textarea[name=body]").text()).isEqualTo("kept-words");
        assertThat(refused.document().select("textarea[name=answers[0]]").text()).isEqualTo("answer of kept-words");

        form.put("option", d.pump());
        form.remove("wouldAgain");
        form.put("chosenYear", "twenty");
        var shape = browser.post("/c/" + d.slug() + "/t/" + d.topicId() + "/experiences", form);
        assertThat(shape.status()).isEqualTo(422);
        assertThat(shape.document().select("#wouldAgain .error").text()).contains("Say whether you would choose it again");
        assertThat(shape.document().select("#chosenYear-error").text()).isNotEmpty();
        assertThat(shape.document().select("input[name=option][checked]").val()).isEqualTo(d.pump());
        assertThat(conversations.topic(access(d.slug(), member), d.topicId(), member, 1).orElseThrow().replyCount()).isZero();
    }

    // ---- what members read -------------------------------------------------------------------------

    @Test
    void theColumnsCountWhatMembersSeeAndShowTheirAnswersAndTheLatestWordOnChoosingAgain() {
        Fixture d = decision(Visibility.PUBLIC, false);
        Viewer first = joined(d.slug());
        Viewer second = joined(d.slug());
        Viewer third = joined(d.slug());
        Viewer fourth = joined(d.slug());
        var outcome = act(() -> addExperience.run(experience(d, first, d.pump(), WouldChooseAgain.YES, "pump-one", false)));
        String firstPost = ((AddExperience.Outcome.Added) outcome).location().postId();
        assertThat(published()).contains(new ExperienceAdded(idOf(d.slug()), d.topicId(), firstPost, d.pump(), first.memberId(), false))
                .anyMatch(ReplyPosted.class::isInstance);
        added(d, second, d.pump(), WouldChooseAgain.NOT_SURE, "pump-two");
        added(d, third, d.pens(), WouldChooseAgain.YES, "pens-one");
        String hidden = added(d, fourth, d.pens(), WouldChooseAgain.YES, "pens-hidden");
        hiddenPosts.hide(hidden, Hidden.PENDING_REVIEW);
        assertThat(act(() -> updateExperience.run(new UpdateExperience.Input(access(d.slug(), first), first, d.topicId(),
                "Six months later: the tubing catches.", WouldChooseAgain.NO))))
                .isInstanceOf(UpdateExperience.Outcome.Updated.class);
        assertThat(published()).containsExactly(new ExperienceUpdated(idOf(d.slug()), d.topicId(), firstPost, first.memberId(), false));
        assertThat(act(() -> updateExperience.run(new UpdateExperience.Input(access(d.slug(), first), first, d.topicId(),
                "And again an hour later", WouldChooseAgain.YES)))).as("a timeline, not a chat")
                .isInstanceOf(UpdateExperience.Outcome.TooSoon.class);
        assertThat(published()).isEmpty();

        Document page = signedIn(joined(d.slug())).get("/c/" + d.slug() + "/t/" + d.topicId()).document();
        assertThat(column(page, d.pump()).select(".option-counts").text())
                .isEqualTo("2 experiences: 0 would choose it again, 1 not sure, 1 would not.");
        assertThat(column(page, d.pens()).select(".option-counts").text())
                .as("the one hidden pending review is not counted").isEqualTo("1 experience: 1 would choose it again, 0 not sure, 0 would not.");
        assertThat(column(page, d.pump()).select(".answers li")).extracting(Element::text)
                .containsExactlyInAnyOrder("answer of pump-one", "answer of pump-two");
        assertThat(column(page, d.pump()).select(".experience-update").text()).contains("the tubing catches").contains("would not choose it again");
        assertThat(column(page, d.pump()).select(".experience .meta").first().text()).contains("early 2024");
        assertThat(page.text()).doesNotContain("pens-hidden").doesNotContain("And again an hour later");
        assertThat(visitor().get("/c/" + d.slug()).document().select(".topics .topic-note").text())
                .as("the community's list of topics").isEqualTo("(2 options · 4 experiences)");
        // in the thread, an experience is a reply that says what was chosen, with its answers and timeline
        Element inThread = page.selectFirst("#p-" + firstPost);
        assertThat(inThread.select(".experience-line").text()).contains("Chose Insulin pump, early 2024");
        assertThat(inThread.select(".experience-answers dt").text()).isEqualTo("How much daily effort?");
        assertThat(inThread.select(".experience-update").text()).contains("Six months later");
    }

    @Test
    void theAnswersAndUpdatesOfAnExperienceWithAContentWarningFoldWithIt() {
        Fixture d = decision(Visibility.PUBLIC, false);
        Viewer author = joined(d.slug());
        var outcome = addExperience.run(new AddExperience.Input(access(d.slug(), author), author, d.topicId(), d.pump(),
                YearMonth.of(2024, 2), WouldChooseAgain.YES, "hard words", "a hospital stay", false, Map.of(0, "folded answer"),
                List.of(), null, null));
        String postId = ((AddExperience.Outcome.Added) outcome).location().postId();
        updateExperience.run(new UpdateExperience.Input(access(d.slug(), author), author, d.topicId(), "folded update", WouldChooseAgain.YES));
        Document page = visitor().get("/c/" + d.slug() + "/t/" + d.topicId()).document();
        Element reply = page.getElementById("p-" + postId);
        assertThat(reply.select("details.cw dl.experience-answers").text()).contains("folded answer");
        assertThat(reply.select("details.cw .experience-update").text()).contains("folded update");
        assertThat(reply.select(".experience-answers").size()).isEqualTo(reply.select("details.cw .experience-answers").size());
        assertThat(column(page, d.pump()).select(".answers").text()).as("not listed unfolded in the column").doesNotContain("folded answer");
        assertThat(column(page, d.pump()).select("details.cw").text()).contains("hard words").contains("folded update");
    }

    @Test
    void anAnonymousExperienceShowsNoAuthorToMembers() {
        Fixture d = decision(Visibility.PUBLIC, true);
        Viewer author = joined(d.slug());
        var outcome = act(() -> addExperience.run(experience(d, author, d.pens(), WouldChooseAgain.YES, "quiet-words", true)));
        String postId = ((AddExperience.Outcome.Added) outcome).location().postId();
        assertThat(published()).contains(new ExperienceAdded(idOf(d.slug()), d.topicId(), postId, d.pens(), author.memberId(), true));
        for (Visitor reader : List.of(signedIn(joined(d.slug())), visitor())) {
            var page = reader.get("/c/" + d.slug() + "/t/" + d.topicId());
            assertThat(page.body()).contains("quiet-words").doesNotContain(author.handle()).doesNotContain(author.memberId());
            assertThat(column(page.document(), d.pens()).select(".experience .meta").text()).startsWith("anonymous member");
        }
    }

    @Test
    void deletingTheExperiencesPostOrTheAccountTakesItOutOfEveryColumnAndCount() throws Exception {
        Fixture d = decision(Visibility.PUBLIC, false);
        Viewer deleting = joined(d.slug());
        String post = added(d, deleting, d.pump(), WouldChooseAgain.YES, "soon-deleted");
        assertThat(deletePost.run(new DeletePost.Input(access(d.slug(), deleting), deleting, post)))
                .isInstanceOf(DeletePost.Outcome.Deleted.class);
        Document afterPost = visitor().get("/c/" + d.slug() + "/t/" + d.topicId()).document();
        assertThat(column(afterPost, d.pump()).select(".option-counts").text()).contains("No experiences yet");
        assertThat(db.fetchCount(org.hearth.decision.schema.Tables.EXPERIENCE_ANSWERS,
                org.hearth.decision.schema.Tables.EXPERIENCE_ANSWERS.POST_ID.eq(post))).as("its answers went with it").isZero();
        // a deleted experience no longer stands: its author may add a new one
        String again = added(d, deleting, d.pens(), WouldChooseAgain.NOT_SURE, "a second start");
        assertThat(again).isNotEqualTo(post);

        String handle = unique("leaver");
        Visitor leaver = member(handle);
        leaver.submit("/c/" + d.slug() + "/join", AGREEING);
        leaver.submit("/c/" + d.slug() + "/t/" + d.topicId() + "/experiences", experienceForm(d.pump(), "leaver-words"));
        Document before = visitor().get("/c/" + d.slug() + "/t/" + d.topicId()).document();
        assertThat(column(before, d.pump()).select(".option-counts").text()).startsWith("1 experience");
        assertThat(leaver.post("/me/delete", Map.of("password", PASSWORD)).document().select("h1").text())
                .isEqualTo("Your account is deleted");
        var after = visitor().get("/c/" + d.slug() + "/t/" + d.topicId());
        assertThat(column(after.document(), d.pump()).select(".option-counts").text()).contains("No experiences yet");
        assertThat(after.body()).doesNotContain("leaver-words").doesNotContain("answer of leaver-words").doesNotContain(handle);
        assertThat(column(after.document(), d.pens()).select(".option-counts").text()).startsWith("1 experience");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Element column(Document page, String optionId) {
        Element column = page.getElementById("option-" + optionId);
        assertThat(column).as("the option's column").isNotNull();
        return column;
    }

    private static Map<String, String> experienceForm(String option, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("option", option);
        form.put("chosenMonth", "2");
        form.put("chosenYear", "2024");
        form.put("wouldAgain", "YES");
        form.put("body", body);
        form.put("answers[0]", "answer of " + body);
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
