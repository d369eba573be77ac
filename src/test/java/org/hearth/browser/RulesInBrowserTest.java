package org.hearth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;

/**
 * The charter and rules in a real browser: a moderator adds a rule through the one form, a person
 * reads the rules and must tick that they agree before joining; the rules page, the edit form,
 * the versions and the join page fit a phone. Screenshots at phone and desktop width go to
 * {@code target/screenshots/}.
 */
@OnSqlite
class RulesInBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void aModeratorAddsARuleAndSomeoneJoinsAgreeingToIt() throws Exception {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String session = moderating(owner).cookie("HEARTH_SESSION");
        Files.createDirectories(SCREENSHOTS);

        Page moderator = context(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        moderator.context().addCookies(List.of(new Cookie("HEARTH_SESSION", session).setUrl(base())));
        moderator.navigate("/c/" + slug + "/rules");
        moderator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the charter and rules")).click();
        moderator.locator("input[name=title-5]").fill("No photos of wards");
        moderator.locator("textarea[name=text-5]").fill("Hospital wards show **other patients**.");
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version")).click();
        assertThat(moderator.locator("#summary-error").textContent()).contains("Say in a few words what you changed");
        assertThat(moderator.locator("input[name=title-5]").inputValue()).isEqualTo("No photos of wards");
        moderator.locator("input[name=summary]").fill("A rule on photos taken in hospital");
        moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version")).click();
        assertThat(moderator.locator(".notice").textContent()).contains("Version 2 of the rules is saved");
        assertThat(moderator.locator("#rule-6 h3").textContent()).isEqualTo("Rule 6: No photos of wards");
        assertThat(moderator.locator("#rule-6 strong").textContent()).isEqualTo("other patients");

        Page joiner = context(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        signUp(joiner, unique("joiner"));
        joiner.navigate("/c/" + slug);
        joiner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join this community")).click();
        assertThat(joiner.locator("#rule-6 h3").textContent()).isEqualTo("Rule 6: No photos of wards");
        joiner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this community")).click();
        assertThat(joiner.locator("#join-refused").textContent()).contains("Tick the box");
        joiner.getByLabel("I have read the charter and rules").check();
        joiner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this community")).click();
        assertThat(joiner.locator(".notice").textContent()).contains("You are now a member");
    }

    @Test
    void theRulesPagesFitAPhoneAndADesktop() throws Exception {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        String session = moderating(owner).cookie("HEARTH_SESSION");
        Viewer curious = account(unique("curious"));
        String curiousSession = signedIn(curious).cookie("HEARTH_SESSION");
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {360, 1280}) {
            BrowserContext context = context(new Browser.NewContextOptions().setViewportSize(width, 800));
            context.addCookies(List.of(new Cookie("HEARTH_SESSION", session).setUrl(base())));
            Page page = context.newPage();
            for (String name : List.of("rules", "rules-edit")) {
                shoot(page, "/c/" + slug + "/" + name.replace('-', '/'), name + "-" + width);
                assertThat(scrollWidth(page)).as("%s at %d px", name, width).isLessThanOrEqualTo(width);
            }
            if (width == 360) {
                page.navigate("/c/" + slug + "/rules/edit");
                page.locator("textarea[name=text-0]").fill("Kindness first, always.\nEven on bad days.");
                page.locator("input[name=summary]").fill("Rule 1 says kindness comes first");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version")).click();
            }
            shoot(page, "/c/" + slug + "/rules/versions", "rules-versions-" + width);
            assertThat(scrollWidth(page)).as("versions at %d px", width).isLessThanOrEqualTo(width);
            shoot(page, "/c/" + slug + "/rules/versions/2", "rules-version-" + width);
            assertThat(scrollWidth(page)).as("a version at %d px", width).isLessThanOrEqualTo(width);

            BrowserContext other = context(new Browser.NewContextOptions().setViewportSize(width, 800));
            other.addCookies(List.of(new Cookie("HEARTH_SESSION", curiousSession).setUrl(base())));
            Page asking = other.newPage();
            shoot(asking, "/c/" + slug + "/join", "join-" + width);
            assertThat(scrollWidth(asking)).as("joining at %d px", width).isLessThanOrEqualTo(width);
        }
    }

    private static int scrollWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    private static void shoot(Page page, String path, String name) {
        page.navigate(path);
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        assertThat(file).isNotEmptyFile();
    }
}
