package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;

/**
 * A visitor on a phone without JavaScript searches from the header box and finds a public
 * post, not the members-only one beside it; a member on a laptop searches one community from its
 * page, with a filter, and opens the post found. Screenshots go to {@code target/screenshots/}.
 */
@OnSqlite
class SearchInBrowserTest extends BrowserTest {

    @Test
    void aVisitorAndAMemberSearchTheWayTheyWould() {
        Viewer owner = account(unique("own"));
        String open = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        String closed = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        var access = access(open, owner);
        // other tests write about pumps too: a word of this test's own keeps its results to its own posts
        String own = unique("zq").replaceAll("[^a-z]", "") + "zz";
        String topic = started(access, owner, new Draft(TopicKind.QUESTION, "Sleeping with an insulin pump",
                "Where do you clip it at night? I keep waking up when I roll onto the tubing. " + own, null, false));
        replied(access, owner, topic, new Draft(null, null, "I clip mine to the waistband of my pyjamas, and it stays put. " + own, null, false));
        replied(access, owner, topic, new Draft(null, null, "A pump belt made the nights easier for me. " + own, null, true));
        started(access, owner, new Draft(TopicKind.STORY, "My first year on a pump", "The first **weeks** were hard; the pump is a friend now. "
                + own, "needles", false));
        started(access(closed, owner), owner, new Draft(TopicKind.QUESTION, "Pump at work, members only",
                "Nobody outside should read about my pump at work.", null, false));

        Page phone = context(new Browser.NewContextOptions().setViewportSize(360, 800).setJavaScriptEnabled(false)).newPage();
        phone.navigate("/");
        phone.locator("#site-q").fill("pump " + own);
        phone.locator(".site-search button").click();
        assertThat(phone.locator(".result h2")).hasCount(2);
        assertThat(phone.locator("main")).not().containsText("members only");
        assertThat(phone.locator(".result mark", new Page.LocatorOptions().setHasText("pump"))).not().hasCount(0);
        assertThat(phone.locator(".found details.cw summary")).containsText("Content warning: needles");
        screenshots(phone, "search-results");
        Page checked = context(new Browser.NewContextOptions().setViewportSize(360, 800)).newPage(); // axe-core needs JavaScript
        checked.navigate(phone.url());
        assertThat(axe(checked)).as("axe-core on the results").isEmpty();

        phone.navigate("/search?q=%22clip+it+at+night%22+OR+belt+" + own + "&kind=QUESTION");
        assertThat(phone.locator(".result h2")).hasText(new String[] {"Sleeping with an insulin pump"});
        assertThat(phone.locator(".found")).hasCount(2);
        assertThat(phone.locator(".found", new Page.LocatorOptions().setHasText("a pump belt"))).containsText("an anonymous member");

        Page laptop = context(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        signUp(laptop, unique("reader"));
        laptop.navigate("/c/" + closed);
        joinFromCommunityPage(laptop);
        laptop.navigate("/c/" + closed);
        laptop.getByLabel("Search Community " + closed).fill("pumps");
        laptop.locator(".community-search button").click();
        assertThat(laptop.locator("#search-c")).hasValue(closed);
        assertThat(laptop.locator(".result h2")).hasText(new String[] {"Pump at work, members only"});
        assertThat(laptop.locator("details.filters")).hasAttribute("open", ""); // a filter is chosen: the filters show
        laptop.locator("#search-from").fill("2001-01-01");
        laptop.locator("#search-to").fill("2001-12-31");
        laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).last().click();
        assertThat(laptop.locator(".none")).containsText("Nothing found");
        assertThat(laptop.locator("#search-q")).hasValue("pumps");
        laptop.locator("#search-from").fill("");
        laptop.locator("#search-to").fill("");
        laptop.locator("#search-q").fill("\"pump at work");
        laptop.locator(".search-form button[type=submit]").click();
        screenshots(laptop, "search-community");
        assertThat(axe(laptop)).as("axe-core on a community's search").isEmpty();
        laptop.locator(".found a").first().click();
        assertThat(laptop.locator("h1")).hasText("Pump at work, members only");
    }
}
