package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/**
 * Pages of a community as people use them without JavaScript: the words that say who reads what
 * is written, the owners' settings with their confirmation step, and leaving.
 */
abstract class CommunityPagesContract extends HearthTest {

    @Test
    void theNewCommunityFormSentTwiceCreatesOneCommunityAndBothAnswersLeadToIt() {
        Visitor admin = moderating(members.create(unique("adm"), PASSWORD, null, true));
        String key = admin.get("/admin/communities/new").document().selectFirst("form input[name=submission]").val();
        String slug = unique("c-").toLowerCase();
        var fields = Map.of("name", "Living with lupus " + slug, "slug", slug, "conditionServed", "Lupus",
                "description", "For people with lupus", "visibility", "PUBLIC", "joinPolicy", "OPEN", "submission", key);

        var first = admin.post("/admin/communities", fields);
        admin.get(first.location()); // the answer arrived, and the browser sends the form again (back, then post)
        var again = admin.post("/admin/communities", fields);

        assertThat(first.location()).isEqualTo("/c/" + slug);
        assertThat(again.location()).as("not the form saying the address is taken").isEqualTo("/c/" + slug);
        assertThat(admin.get(again.location()).text()).contains("created it once");
    }

    /** What each page must say, for every visibility and join policy: the promise a writer relies on. */
    private static final Map<Audience, String[]> PROMISES = Map.of(
            new Audience(Visibility.PUBLIC, JoinPolicy.OPEN), new String[] {"Public", "Anyone on the web can read posts here", "Anyone with a Hearth account can join and write"},
            new Audience(Visibility.PUBLIC, JoinPolicy.APPROVAL), new String[] {"Public", "Anyone on the web can read posts here", "Only members the moderators let in can write"},
            new Audience(Visibility.PUBLIC, JoinPolicy.INVITATION), new String[] {"Public", "Anyone on the web can read posts here", "Only members the moderators invite can write"},
            new Audience(Visibility.MEMBERS_ONLY, JoinPolicy.OPEN), new String[] {"Any account can join and read", "anyone with a Hearth account can join and read them"},
            new Audience(Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL), new String[] {"Members only, by approval", "the people the moderators let in"},
            new Audience(Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION), new String[] {"Members only, by invitation", "the people the moderators invite"},
            new Audience(Visibility.HIDDEN, JoinPolicy.OPEN), new String[] {"Hidden, by invitation", "no one else can find it"},
            new Audience(Visibility.HIDDEN, JoinPolicy.APPROVAL), new String[] {"Hidden, by invitation", "no one else can find it"},
            new Audience(Visibility.HIDDEN, JoinPolicy.INVITATION), new String[] {"Hidden, by invitation", "no one else can find it"});

    @Test
    void everyPageSaysWhoReadsForEachVisibilityAndJoinPolicy() {
        Viewer owner = account(unique("own"));
        Viewer writer = account(unique("w"));
        Visitor browser = signedIn(writer);
        for (Visibility visibility : Visibility.values()) {
            for (JoinPolicy policy : JoinPolicy.values()) {
                String[] promise = PROMISES.get(new Audience(visibility, policy));
                String slug = community(owner, visibility, policy, true);
                admit(owner, slug, writer);
                String combination = visibility + " × " + policy;

                var header = browser.get("/c/" + slug).document();
                assertThat(header.select("header.community .badge").text()).as(combination).isEqualTo(promise[0]);
                for (int i = 1; i < promise.length; i++) {
                    assertThat(header.select("#readers").text()).as(combination).contains(promise[i]);
                }
                var composer = browser.get("/c/" + slug + "/new").document();
                assertThat(composer.select(".audience").text()).as(combination)
                        .isEqualTo("Who can read this: " + header.select("#readers").text());
                String hint = composer.select("#anonymous-hint").text();
                if (visibility == Visibility.PUBLIC) {
                    assertThat(hint).as(combination).contains("The post itself is public: anyone on the web can read it");
                } else if (visibility == Visibility.MEMBERS_ONLY && policy == JoinPolicy.OPEN) {
                    assertThat(hint).as(combination).contains("anyone with a Hearth account can join and read the post");
                } else {
                    assertThat(hint).as(combination).contains("Members see \"anonymous member\"").doesNotContain("anyone");
                }
                var directory = browser.get("/").document().select("li.card:has(a[href=/c/" + slug + "]) .badge");
                assertThat(directory.text()).as(combination).isEqualTo(promise[0]);
            }
        }
        assertThat(visitor().get("/").text()).doesNotContain("stays with its members");
    }

    @Test
    void anOwnerNarrowsTheCommunityFromTheSettingsPage() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topic = "/c/" + slug + "/t/" + started(access(slug, owner), owner,
                new org.hearth.conversation.Draft(org.hearth.conversation.TopicKind.STORY, "Written in public", "words", null, false));
        assertThat(visitor().get(topic).text()).contains("Written in public");
        Visitor ownerBrowser = moderating(owner);
        var header = ownerBrowser.get("/c/" + slug).document();
        assertThat(header.select("a[href=/c/" + slug + "/settings]")).hasSize(1);
        var form = ownerBrowser.get("/c/" + slug + "/settings").document();
        assertThat(form.select("input[name=name]").val()).isEqualTo("Community " + slug);
        assertThat(form.select("input[name=visibility][checked]").val()).isEqualTo("PUBLIC");

        var saved = ownerBrowser.submit("/c/" + slug + "/settings", Map.of("name", "A quieter room", "conditionServed", "Lupus",
                "description", "For us", "visibility", "MEMBERS_ONLY", "flagHideScore", "8", "joinPolicy", "APPROVAL"));
        assertThat(saved.document().select("h1").text()).isEqualTo("A quieter room");
        assertThat(saved.document().select(".notice").text()).contains("The settings are saved");
        assertThat(visitor().get("/c/" + slug).text()).contains("Only members can read posts here");
        assertThat(visitor().get(topic).text()).as("narrowing applies to what was written before").doesNotContain("Written in public");
    }

    @Test
    void badInputKeepsWhatTheOwnerTyped() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Visitor ownerBrowser = moderating(owner);
        var refused = ownerBrowser.post("/c/" + slug + "/settings", Map.of("name", "", "conditionServed", "Lupus, and more",
                "description", "Still for us", "visibility", "SECRET", "joinPolicy", "OPEN", "allowAnonymous", "true"));
        assertThat(refused.status()).isEqualTo(200);
        var page = refused.document();
        assertThat(page.select("#name-error").text()).contains("Give the community a name");
        assertThat(page.select(".invalid legend").text()).contains("Who can see it");
        assertThat(page.select("input[name=conditionServed]").val()).isEqualTo("Lupus, and more");
        assertThat(page.select("textarea[name=description]").text()).isEqualTo("Still for us");
        assertThat(page.select("input[name=joinPolicy][checked]").val()).isEqualTo("OPEN");
        assertThat(page.select("input[name=allowAnonymous][checked]")).hasSize(1);
        assertThat(ownerBrowser.get("/c/" + slug).document().select("h1").text()).isEqualTo("Community " + slug);
    }

    @Test
    void openingUpAsksForConfirmationWithoutJavaScript() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, false);
        Visitor ownerBrowser = moderating(owner);
        Map<String, String> wider = Map.of("name", "Open doors", "conditionServed", "Lupus", "description", "For everyone",
                "visibility", "PUBLIC", "flagHideScore", "8", "joinPolicy", "INVITATION");

        var asked = ownerBrowser.post("/c/" + slug + "/settings", wider);
        assertThat(asked.status()).isEqualTo(200);
        var confirm = asked.document();
        assertThat(confirm.select("#what-opens-up").text()).contains("readable by anyone on the web");
        assertThat(confirm.select("input[type=hidden][name=confirmed]").val()).isEqualTo("true");
        assertThat(confirm.select("input[type=hidden][name=name]").val()).isEqualTo("Open doors");
        assertThat(visitor().get("/c/" + slug).text()).as("nothing changes before the owner confirms")
                .contains("Only members can read posts here");

        var back = ownerBrowser.post("/c/" + slug + "/settings", fieldsOf(confirm, "back", "true"));
        assertThat(back.document().select("input[name=name]").val()).as("back to the form, as typed").isEqualTo("Open doors");
        assertThat(back.document().select("input[name=visibility][checked]").val()).isEqualTo("PUBLIC");
        assertThat(visitor().get("/c/" + slug).text()).contains("Only members can read posts here");
        var renamedOnly = new java.util.LinkedHashMap<>(fieldsOf(confirm, "back", "true"));
        renamedOnly.put("visibility", "MEMBERS_ONLY");
        ownerBrowser.post("/c/" + slug + "/settings", renamedOnly);
        assertThat(ownerBrowser.get("/c/" + slug).document().select("h1").text()).as("going back never saves")
                .isEqualTo("Community " + slug);

        var done = ownerBrowser.submit("/c/" + slug + "/settings", fieldsOf(confirm, null, null));
        assertThat(done.document().select("h1").text()).isEqualTo("Open doors");
        assertThat(visitor().get("/c/" + slug).text()).contains("Anyone on the web can read posts here");
    }

    @Test
    void openingUpAfterOthersWroteIsRefusedWithTheReason() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        signedIn(member).submit("/c/" + slug + "/topics", Map.of("kind", "STORY", "title", "My diagnosis",
                "body", "Written for members", "contentWarning", ""));
        Visitor ownerBrowser = moderating(owner);

        var refused = ownerBrowser.post("/c/" + slug + "/settings", Map.of("name", "Open doors", "conditionServed", "Lupus",
                "description", "For everyone", "visibility", "MEMBERS_ONLY", "flagHideScore", "8", "joinPolicy", "OPEN", "confirmed", "true"));
        assertThat(refused.status()).isEqualTo(200);
        var page = refused.document();
        assertThat(page.select("#refused").text()).contains("others have already written here")
                .contains("start a new community").contains("Nothing was changed");
        assertThat(page.select("input[name=name]").val()).isEqualTo("Open doors");
        var now = ownerBrowser.get("/c/" + slug).document();
        assertThat(now.select("h1").text()).isEqualTo("Community " + slug);
        assertThat(now.select("#readers").text()).contains("the people the moderators let in");
    }

    @Test
    void onlyOwnersFindTheSettings() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer moderator = account(unique("mod"));
        admit(owner, slug, moderator);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        Visitor moderatorBrowser = moderating(moderator);
        assertThat(moderatorBrowser.get("/c/" + slug).document().select("a[href$=/settings]")).isEmpty();
        assertThat(moderatorBrowser.get("/c/" + slug + "/settings").status()).isEqualTo(404);
        var refused = moderatorBrowser.submit("/c/" + slug + "/settings", Map.of("name", "Mine", "conditionServed", "x",
                "description", "x", "visibility", "HIDDEN", "flagHideScore", "8", "joinPolicy", "INVITATION"));
        assertThat(refused.text()).contains("Only owners change a community's settings");
        assertThat(visitor().get("/c/" + slug + "/settings").status()).isEqualTo(404);
        assertThat(signedIn(owner).get("/c/" + slug + "/settings").location())
                .as("an owner sets up a second factor first").endsWith("/me/second-factor?required");
    }

    @Test
    void leavingSaysWhatIsLostAndHappensOnlyOnceConfirmed() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        Viewer moderator = account(unique("mod"));
        admit(owner, slug, moderator);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);
        Visitor browser = signedIn(moderator);
        assertThat(browser.get("/me/communities").text()).contains("You are a moderator.");

        var confirm = browser.get("/c/" + slug + "/leave").document();
        assertThat(confirm.select("#losses").text())
                .contains("You stop being a moderator here")
                .contains("You can no longer read what is written here")
                .contains("ask to join again")
                .contains("What you wrote here stays");
        assertThat(confirm.select("form[action=/c/" + slug + "/leave] input[name=confirmed]").val()).isEqualTo("true");

        var oneTap = browser.post("/c/" + slug + "/leave", Map.of());
        assertThat(oneTap.location()).as("a form without the confirmation is sent to it").endsWith("/c/" + slug + "/leave");
        assertThat(access(slug, moderator).role()).isEqualTo(Role.MODERATOR);

        var left = browser.submit("/c/" + slug + "/leave", Map.of("confirmed", "true"));
        assertThat(left.text()).contains("You have left");
        assertThat(access(slug, moderator).member()).isFalse();
    }

    @Test
    void theOnlyOwnerIsToldBeforeTryingToLeave() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor browser = signedIn(owner);
        assertThat(browser.get("/me/communities").text()).contains("You are an owner.");
        var page = browser.get("/c/" + slug + "/leave").document();
        assertThat(page.select("#only-owner").text()).contains("You are its only owner");
        assertThat(page.select("form[action$=/leave]")).isEmpty();
        assertThat(browser.submit("/c/" + slug + "/leave", Map.of("confirmed", "true")).text()).contains("only owner");
        assertThat(access(slug, owner).owns()).isTrue();
    }

    /** The fields of the confirmation form as a browser would send them, plus the button pressed. */
    private static Map<String, String> fieldsOf(org.jsoup.nodes.Document page, String button, String value) {
        var fields = new java.util.LinkedHashMap<String, String>();
        for (var input : page.select("form[action$=/settings] input[type=hidden]")) {
            fields.put(input.attr("name"), input.val());
        }
        if (button != null) {
            fields.put(button, value);
        }
        return fields;
    }
}
