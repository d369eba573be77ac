package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.UseCaseContract;
import org.hearth.testing.Visitor;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A community's charter and rules: who reads and edits them, versions, staff names, and agreeing on joining. */
abstract class RulesContract extends UseCaseContract {

    @Autowired
    private EditRules editRules;

    @Autowired
    private JoinCommunity joinCommunity;

    @Autowired
    private StaffNames staffNames;

    @Autowired
    private MembershipsOfAMember membershipsOfAMember;

    // ---- refusals --------------------------------------------------------------------------

    @Test
    void aMemberWhoDoesNotModerateCannotEditTheRules() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);

        var outcome = act(() -> editRules.run(edit(slug, withSecondFactor(member), 1, "Rule one changed")));
        assertThat(outcome).isInstanceOf(EditRules.Outcome.NotFound.class);
        assertThat(published()).isEmpty();
        Visitor browser = moderating(member);
        assertThat(browser.get("/c/" + slug + "/rules").document().select("a[href$=/rules/edit]")).isEmpty();
        assertThat(browser.get("/c/" + slug + "/rules/edit").status()).isEqualTo(404);
        assertThat(browser.post("/c/" + slug + "/rules/edit", editFields(1, "Sneaky")).status()).isEqualTo(404);
        assertThat(rules.current(access(slug, member)).number()).isEqualTo(1);
    }

    @Test
    void aModeratorActsOnTheRulesOnlyWithASecondFactor() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        assertThat(editRules.run(edit(slug, owner, 1, "No second factor"))).isInstanceOf(EditRules.Outcome.SecondFactorNeeded.class);
        assertThat(signedIn(owner).get("/c/" + slug + "/rules/edit").location()).endsWith("/me/second-factor?required");
        assertThat(rules.current(access(slug, owner)).number()).isEqualTo(1);
    }

    @Test
    void someoneOutsideAHiddenCommunityGetsTheSameNotFoundForItsRules() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        Visitor outsider = member(unique("out"));
        String unknown = "/c/" + unique("nothing-here");
        for (String page : List.of("/rules", "/rules/versions", "/rules/versions/1", "/join")) {
            var answer = outsider.get("/c/" + slug + page);
            assertThat(answer.status()).as(page).isEqualTo(404);
            assertThat(answer.document().select("main").text()).as(page)
                    .isEqualTo(outsider.get(unknown + page).document().select("main").text());
            assertThat(visitor().get("/c/" + slug + page).status()).as(page).isEqualTo(404);
        }

        Viewer invitee = account(unique("inv"));
        invite(slug, owner, invitee.handle());
        var rulesPage = signedIn(invitee).get("/c/" + slug + "/rules");
        assertThat(rulesPage.status()).as("an invitee reads the rules before accepting").isEqualTo(200);
        assertThat(rulesPage.document().select("ol.rules > li")).hasSize(5);
    }

    @Test
    void joiningWithoutAgreeingToTheRulesIsRefused() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer joiner = account(unique("j"));

        assertThat(act(() -> joinCommunity.run(new JoinCommunity.Input(slug, joiner, null))))
                .isInstanceOf(JoinCommunity.Outcome.NotAgreed.class);
        assertThat(published()).isEmpty();
        Visitor browser = signedIn(joiner);
        var refused = browser.post("/c/" + slug + "/join", Map.of("rulesVersion", "1"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("#join-refused").text()).contains("Tick the box to say you agree to the rules")
                .contains("You have not joined yet");
        assertThat(refused.document().select("ol.rules > li")).as("the rules are shown again").hasSize(5);
        assertThat(access(slug, joiner).member()).isFalse();
    }

    @Test
    void rulesThatChangedWhileSomeoneReadThemAreShownAgainBeforeTheyJoin() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer joiner = account(unique("j"));
        Visitor browser = signedIn(joiner);
        assertThat(browser.get("/c/" + slug + "/join").document().select("input[name=rulesVersion]").val()).isEqualTo("1");
        assertThat(editRules.run(edit(slug, withSecondFactor(owner), 1, "Be kind, always"))).isInstanceOf(EditRules.Outcome.Saved.class);

        var refused = browser.post("/c/" + slug + "/join", AGREEING);
        assertThat(refused.document().select("#join-refused").text()).contains("The rules changed while you were reading them")
                .contains("version 2");
        assertThat(refused.document().select("input[name=rulesVersion]").val()).isEqualTo("2");
        assertThat(access(slug, joiner).member()).isFalse();
        assertThat(joinCommunity.run(new JoinCommunity.Input(slug, joiner, 1)))
                .isEqualTo(new JoinCommunity.Outcome.RulesChangedMeanwhile(access(slug, owner).community(), 2));
    }

    @Test
    void aSaveFromAnOlderVersionIsRefusedWithTheReasonAndKeepsTheText() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer moderator = account(unique("mod"));
        admit(owner, slug, moderator);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        Visitor first = moderating(owner);
        Visitor second = moderating(moderator);
        assertThat(first.get("/c/" + slug + "/rules/edit").document().select("input[name=basedOn]").val()).isEqualTo("1");
        assertThat(second.get("/c/" + slug + "/rules/edit").document().select("input[name=basedOn]").val()).isEqualTo("1");

        first.submit("/c/" + slug + "/rules/edit", editFields(1, "The first moderator's words"));
        var refused = second.post("/c/" + slug + "/rules/edit", editFields(1, "The second moderator's words"));

        assertThat(refused.status()).isEqualTo(200);
        Document page = refused.document();
        assertThat(page.select("#overtaken").text()).contains("someone saved a newer version meanwhile")
                .contains("version 2");
        assertThat(page.select("textarea[name=text-0]").text()).isEqualTo("The second moderator's words");
        assertThat(page.select("input[name=basedOn]").val()).as("saving again, knowingly, follows version 2").isEqualTo("2");
        assertThat(rules.current(access(slug, owner)).rules().getFirst().text()).isEqualTo("The first moderator's words");
        assertThat(editRules.run(edit(slug, withSecondFactor(moderator), 1, "Again from 1")))
                .isInstanceOf(EditRules.Outcome.NewerVersionSaved.class);

        second.submit("/c/" + slug + "/rules/edit", fieldsOf(page));
        assertThat(rules.current(access(slug, owner)).number()).isEqualTo(3);
        assertThat(rules.current(access(slug, owner)).rules().getFirst().text()).isEqualTo("The second moderator's words");
    }

    @Test
    void anEditThatIsNotRightSaysWhatIsWrongAndKeepsWhatWasTyped() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor browser = moderating(owner);
        Map<String, String> fields = editFields(1, "");
        fields.put("summary", "");
        fields.put("title-1", "x".repeat(121));
        fields.put("charter", "Our own charter");

        var refused = browser.post("/c/" + slug + "/rules/edit", fields);
        assertThat(refused.status()).isEqualTo(200);
        Document page = refused.document();
        assertThat(page.select("#text-0-error").text()).contains("Say what rule 1 means");
        assertThat(page.select("#title-1-error").text()).contains("Keep the title of rule 2");
        assertThat(page.select("#summary-error").text()).contains("Say in a few words what you changed");
        assertThat(page.select("#problems li")).hasSize(3);
        assertThat(page.select("textarea[name=charter]").text()).isEqualTo("Our own charter");
        assertThat(page.select("input[name=title-1]").val()).hasSize(121);
        assertThat(rules.current(access(slug, owner)).number()).isEqualTo(1);

        var same = browser.submit("/c/" + slug + "/rules/edit", fieldsOf(browser.get("/c/" + slug + "/rules/edit").document(),
                Map.of("summary", "Nothing really")));
        assertThat(same.text()).contains("Nothing differed from version 1");
        assertThat(rules.current(access(slug, owner)).number()).isEqualTo(1);
    }

    // ---- versions and staff names ------------------------------------------------------------

    @Test
    void everyVersionIsKeptWithItsSummaryAndStaffNameAndHandlesOnlyForModerators() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = account(unique("m"));
        join(slug, member);
        Visitor ownerBrowser = moderating(owner);
        Document form = ownerBrowser.get("/c/" + slug + "/rules/edit").document();
        Map<String, String> fields = fieldsOf(form, Map.of("summary", "Privacy first; spam rule gone; a rule on photos"));
        fields.put("position-2", "0");                       // "Respect privacy" moves to the top
        fields.put("remove-4", "true");                      // "No spam" goes
        fields.put("text-0", "Be kind.\nEven on bad days."); // "Be kind" reworded
        fields.put("title-5", "No photos of wards");         // the empty rule at the end is added
        fields.put("text-5", "Hospital wards show other patients.");
        var saved = ownerBrowser.submit("/c/" + slug + "/rules/edit", fields);
        assertThat(saved.document().select(".notice").text()).contains("Version 2 of the rules is saved");
        assertThat(saved.document().select("ol.rules h3").eachText()).containsExactly("Rule 1: Respect privacy",
                "Rule 2: Be kind", "Rule 3: Share experience, not medical advice", "Rule 4: No selling or recruiting",
                "Rule 5: No photos of wards");

        Visitor memberBrowser = signedIn(member);
        Document list = memberBrowser.get("/c/" + slug + "/rules/versions").document();
        assertThat(list.select(".versions li .summary").eachText())
                .containsExactly("Privacy first; spam rule gone; a rule on photos", "The rules every new community starts with.");
        assertThat(list.select(".versions li .by").eachText()).containsExactly("Moderator 1",
                "Hearth (the rules every community starts with)");
        assertThat(list.text()).doesNotContain(owner.handle());
        assertThat(visitor().get("/c/" + slug + "/rules/versions").text()).contains("Moderator 1").doesNotContain(owner.handle());
        assertThat(ownerBrowser.get("/c/" + slug + "/rules/versions").document().select(".versions .handle").eachText())
                .containsExactly(owner.handle());

        Document version = memberBrowser.get("/c/" + slug + "/rules/versions/2").document();
        assertThat(version.select("#changes-in-words li").eachText()).contains(
                "Rule “Respect privacy” moved from number 3 to number 1.",
                "Rule “Be kind” moved from number 1 to number 2 and was reworded.",
                "Rule 5 “No photos of wards” was added.",
                "Rule 5 “No spam” was removed.");
        assertThat(version.select("pre.diff .added").eachText()).contains("+ Be kind.", "+ Even on bad days.");
        assertThat(version.text()).doesNotContain(owner.handle());
        assertThat(memberBrowser.get("/c/" + slug + "/rules/versions/1").document().select("ol.rules > li")).hasSize(5);
        assertThat(memberBrowser.get("/c/" + slug + "/rules/versions/3").status()).isEqualTo(404);
        assertThat(memberBrowser.get("/c/" + slug + "/rules/versions/x").status()).isEqualTo(404);
    }

    @Test
    void staffNamesAreNumberedInOrderOfNeedKeptAndNeverReused() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String communityId = access(slug, owner).community().id();
        Viewer first = account(unique("a"));
        Viewer second = account(unique("b"));
        Viewer third = account(unique("c"));
        assertThat(staffNames.of(communityId, first.memberId())).isEqualTo("Moderator 1");
        assertThat(staffNames.of(communityId, second.memberId())).isEqualTo("Moderator 2");
        assertThat(staffNames.of(communityId, first.memberId())).isEqualTo("Moderator 1");

        membershipsOfAMember.erase(second.memberId());
        assertThat(staffNames.of(communityId, third.memberId())).as("an erased member's number is never given again")
                .isEqualTo("Moderator 3");
        String other = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        assertThat(staffNames.of(access(other, owner).community().id(), third.memberId())).as("each community counts its own")
                .isEqualTo("Moderator 1");
    }

    @Test
    void aModeratorWhoDeletesTheirAccountStaysAStaffNameOnTheVersionsTheySaved() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer moderator = account(unique("mod"));
        admit(owner, slug, moderator);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        editRules.run(edit(slug, withSecondFactor(owner), 1, "From the owner"));
        editRules.run(edit(slug, withSecondFactor(moderator), 2, "From the moderator"));
        var exported = (MembershipsOfAMember.Section) membershipsOfAMember.export(moderator.memberId());
        assertThat(exported.staffNames()).extracting(MembershipsOfAMember.StaffName::name).containsExactly("Moderator 2");
        assertThat(exported.rulesVersionsSaved()).extracting(MembershipsOfAMember.RulesSaved::version).containsExactly(3);

        membershipsOfAMember.erase(moderator.memberId());

        var history = rules.history(access(slug, withSecondFactor(owner)));
        assertThat(history.getFirst().by()).isEqualTo("Moderator 2");
        assertThat(history.getFirst().handle()).isNull();
        assertThat(history.get(1).handle()).isEqualTo(owner.handle());
    }

    // ---- reading and agreeing --------------------------------------------------------------

    @Test
    void someoneDecidingWhetherToJoinAMembersOnlyCommunityReadsItsRules() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        for (Visitor reader : List.of(visitor(), member(unique("curious")))) {
            Document page = reader.get("/c/" + slug + "/rules").document();
            assertThat(page.select("ol.rules h3").eachText()).containsExactly("Rule 1: Be kind",
                    "Rule 2: Share experience, not medical advice", "Rule 3: Respect privacy", "Rule 4: No selling or recruiting",
                    "Rule 5: No spam");
            assertThat(page.select("#rules-version").text()).contains("Version 1");
            assertThat(page.select("#flag-threshold").text()).isEqualTo("A post is hidden until a moderator looks when flags"
                    + " from members add up to 8 points; a member's flag counts 1 point plus their trust level.");
        }
    }

    @Test
    void theFlagThresholdIsASettingOwnersChangeAndTheRulesPageExplains() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor browser = moderating(owner);
        Document form = browser.get("/c/" + slug + "/settings").document();
        assertThat(form.select("input[name=flagHideScore]").val()).isEqualTo("8");

        Map<String, String> fields = new HashMap<>(Map.of("name", "Name", "conditionServed", "Lupus", "description", "For us",
                "visibility", "PUBLIC", "joinPolicy", "OPEN", "flagHideScore", "lots"));
        var refused = browser.post("/c/" + slug + "/settings", fields);
        assertThat(refused.document().select("#flagHideScore-error").text()).contains("Write a whole number of points from 2 to 100");
        assertThat(refused.document().select("input[name=flagHideScore]").val()).isEqualTo("lots");
        fields.put("flagHideScore", "1");
        assertThat(browser.post("/c/" + slug + "/settings", fields).document().select("#flagHideScore-error").text()).isNotEmpty();

        fields.put("flagHideScore", "12");
        browser.submit("/c/" + slug + "/settings", fields);
        assertThat(access(slug, owner).community().flagHideScore()).isEqualTo(12);
        assertThat(visitor().get("/c/" + slug + "/rules").document().select("#flag-threshold").text())
                .contains("add up to 12 points");
    }

    @Test
    void joiningRecordsTheVersionAgreedToAndTellsTheMemberWhenTheRulesChange() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String communityId = access(slug, owner).community().id();
        Viewer joiner = account(unique("j"));
        Visitor browser = signedIn(joiner);
        Document page = browser.get("/c/" + slug + "/join").document();
        assertThat(page.select("ol.rules > li")).hasSize(5);
        assertThat(page.select("#charter-heading")).hasSize(1);
        assertThat(page.select("input[type=checkbox][name=agreed]")).hasSize(1);

        var joined = browser.submit("/c/" + slug + "/join", AGREEING);
        assertThat(joined.text()).contains("You are now a member");
        assertThat(communities.agreedVersion(communityId, joiner.memberId())).contains(1);
        var exported = (MembershipsOfAMember.Section) membershipsOfAMember.export(joiner.memberId());
        assertThat(exported.memberships()).singleElement().satisfies(m -> {
            assertThat(m.rulesVersionAgreed()).isEqualTo(1);
            assertThat(m.agreedAt()).isNotNull();
        });
        assertThat(browser.get("/c/" + slug).document().select("#rules-changed")).isEmpty();

        editRules.run(edit(slug, withSecondFactor(owner), 1, "Kinder still"));
        assertThat(browser.get("/c/" + slug).document().select("#rules-changed").text())
                .contains("The rules changed since you joined (now version 2)");
        assertThat(access(slug, joiner).member()).as("no one is put out by a change of rules").isTrue();
    }

    @Test
    void aRequestToJoinKeepsTheAgreementUntilAModeratorLetsThemIn() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        String communityId = access(slug, owner).community().id();
        Viewer asker = account(unique("ask"));
        assertThat(join(slug, asker)).isInstanceOf(JoinCommunity.Outcome.Requested.class);
        editRules.run(edit(slug, withSecondFactor(owner), 1, "Changed while they waited"));

        moderating(owner).submit("/c/" + slug + "/requests/" + asker.memberId(), Map.of("decision", "approve"));

        assertThat(access(slug, asker).member()).isTrue();
        assertThat(communities.agreedVersion(communityId, asker.memberId())).as("what they agreed to, not what is in force").contains(1);
    }

    @Test
    void theRulesEveryCommunityStartsWithAreTheOnesTheMigrationGaveExistingCommunities() throws Exception {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/common/V19__community_rules.sql"));
        assertThat(migration).contains(sql(DefaultRules.CHARTER)).contains(sql(DefaultRules.SUMMARY));
        for (int i = 0; i < DefaultRules.RULES.size(); i++) {
            Rules.Draft rule = DefaultRules.RULES.get(i);
            assertThat(migration).contains("SELECT id, 1, " + (i + 1) + ", " + sql(rule.key()) + ", " + sql(rule.title()) + ",\n       "
                    + sql(rule.text()) + "\nFROM communities;");
        }
        assertThat(rules.current(access(PatientLeaders.SLUG, null)).rules()).extracting(Rules.Rule::title)
                .containsExactlyElementsOf(DefaultRules.RULES.stream().map(Rules.Draft::title).toList());
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String sql(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The default rules with the first rule's text replaced, as one save from the given version. */
    private static EditRules.Input edit(String slug, Viewer editor, int basedOn, String firstRuleText) {
        List<Rules.Draft> drafts = new ArrayList<>(DefaultRules.RULES);
        Rules.Draft first = drafts.getFirst();
        drafts.set(0, new Rules.Draft(first.key(), first.title(), firstRuleText));
        return new EditRules.Input(slug, editor, basedOn, DefaultRules.CHARTER, drafts, "Rule 1 reworded");
    }

    /** The edit form's fields for the default rules with the first rule's text replaced. */
    private static Map<String, String> editFields(int basedOn, String firstRuleText) {
        Map<String, String> fields = new HashMap<>();
        fields.put("basedOn", Integer.toString(basedOn));
        fields.put("charter", DefaultRules.CHARTER);
        fields.put("count", Integer.toString(DefaultRules.RULES.size()));
        for (int i = 0; i < DefaultRules.RULES.size(); i++) {
            Rules.Draft rule = DefaultRules.RULES.get(i);
            fields.put("key-" + i, rule.key());
            fields.put("position-" + i, Integer.toString(i + 1));
            fields.put("title-" + i, rule.title());
            fields.put("text-" + i, i == 0 ? firstRuleText : rule.text());
        }
        fields.put("summary", "Rule 1 reworded");
        return fields;
    }

    /** What the edit form would send as shown, with some fields changed. */
    private static Map<String, String> fieldsOf(Document form, Map<String, String> changed) {
        Map<String, String> fields = fieldsOf(form);
        fields.putAll(changed);
        return fields;
    }

    private static Map<String, String> fieldsOf(Document form) {
        Map<String, String> fields = new HashMap<>();
        for (var input : form.select("form[action$=/rules/edit] input[name], form[action$=/rules/edit] textarea[name]")) {
            String type = input.attr("type");
            if (type.equals("checkbox") && !input.hasAttr("checked") || type.equals("submit")) {
                continue;
            }
            fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.val());
        }
        fields.remove("_csrf");
        return fields;
    }
}
