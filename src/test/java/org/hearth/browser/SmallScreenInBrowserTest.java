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
 * Hearth is read on phones first: nothing may make a narrow screen scroll sideways. Screenshots
 * of the main pages at phone and desktop width go to {@code target/screenshots/} for a human look.
 */
@OnSqlite
class SmallScreenInBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void theMainPagesDoNotScrollSidewaysOnAPhone() {
        Scene scene = scene();
        Page page = member(scene, 360);
        for (String path : List.of(scene.topicPath(), scene.communityPath(), "/", "/me/data", "/me/delete")) {
            page.navigate(path);
            assertThat(page.viewportSize().width).isEqualTo(360);
            assertThat(scrollWidth(page)).as("page width of %s at 360 px", path).isLessThanOrEqualTo(360);
        }
    }

    @Test
    void screenshotsOfTheMainPagesAtPhoneAndDesktopWidth() throws Exception {
        Scene scene = scene();
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {360, 1280}) {
            Page page = member(scene, width);
            shoot(page, "/", "home-" + width);
            shoot(page, scene.communityPath(), "community-" + width);
            shoot(page, scene.topicPath(), "topic-" + width);
            shoot(page, "/me/data", "your-data-" + width);
        }
    }

    /**
     * An owner's pages (settings and its confirmation step, the member list, leaving): nothing
     * scrolls sideways, a long handle in the member list stays whole, the radio buttons of one
     * form are one size; screenshots at phone and desktop width.
     */
    @Test
    void theOwnersPagesFitAPhone() throws Exception {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, true);
        Viewer longHandle = account(unique("rheumatologynurse"));
        admit(owner, slug, longHandle);
        String session = moderating(owner).cookie("HEARTH_SESSION");
        String memberSession = signedIn(longHandle).cookie("HEARTH_SESSION");
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {360, 1280}) {
            BrowserContext context = context(new Browser.NewContextOptions().setViewportSize(width, 800));
            context.addCookies(List.of(new Cookie("HEARTH_SESSION", session).setUrl(base())));
            Page page = context.newPage();

            shoot(page, "/c/" + slug + "/settings", "settings-" + width);
            assertThat(scrollWidth(page)).as("settings at %d px", width).isLessThanOrEqualTo(width);
            assertThat(page.evaluate("[...document.querySelectorAll('input[type=radio]')].map(r => r.getBoundingClientRect().width + 'x' + r.getBoundingClientRect().height)"))
                    .as("radio buttons of one size").asList().hasSize(9).containsOnly(page.evaluate(
                            "(() => { const r = document.querySelector('input[type=radio]').getBoundingClientRect(); return r.width + 'x' + r.height; })()"));

            page.locator("input[name=visibility][value=PUBLIC]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the settings")).click();
            page.waitForSelector("#what-opens-up");
            assertThat(scrollWidth(page)).as("confirmation at %d px", width).isLessThanOrEqualTo(width);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("settings-confirm-" + width + ".png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("No, go back to the settings")).click();
            assertThat(page.locator("input[name=visibility][value=PUBLIC]").isChecked()).isTrue();

            shoot(page, "/c/" + slug + "/members", "members-" + width);
            assertThat(scrollWidth(page)).as("member list at %d px", width).isLessThanOrEqualTo(width);
            assertThat(page.evaluate("document.querySelector('a[href=\"/m/" + longHandle.memberId() + "\"]').getClientRects().length"))
                    .as("the long handle stays on one line").isEqualTo(1);

            shoot(page, "/c/" + slug + "/leave", "leave-only-owner-" + width);
            assertThat(scrollWidth(page)).as("the only owner leaving at %d px", width).isLessThanOrEqualTo(width);

            BrowserContext memberContext = context(new Browser.NewContextOptions().setViewportSize(width, 800));
            memberContext.addCookies(List.of(new Cookie("HEARTH_SESSION", memberSession).setUrl(base())));
            Page memberPage = memberContext.newPage();
            shoot(memberPage, "/c/" + slug + "/leave", "leave-" + width);
            assertThat(scrollWidth(memberPage)).as("leaving at %d px", width).isLessThanOrEqualTo(width);
        }
        assertThat(access(slug, owner).community().visibility()).as("going back changed nothing").isEqualTo(Visibility.MEMBERS_ONLY);
    }

    /** A member's own standing and the page on which a moderator sets a level: screenshots at phone and desktop width. */
    @Test
    void theStandingPagesFitAPhone() throws Exception {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        Viewer patient = account(unique("patient"));
        join(slug, patient);
        String ownerSession = moderating(owner).cookie("HEARTH_SESSION");
        String patientSession = signedIn(patient).cookie("HEARTH_SESSION");
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {360, 1280}) {
            for (var who : List.of(List.of(patientSession, "/c/" + slug + "/standing", "standing-" + width),
                    List.of(ownerSession, "/c/" + slug + "/members/" + patient.memberId() + "/trust", "member-trust-" + width))) {
                BrowserContext context = context(new Browser.NewContextOptions().setViewportSize(width, 800));
                context.addCookies(List.of(new Cookie("HEARTH_SESSION", who.get(0)).setUrl(base())));
                Page page = context.newPage();
                shoot(page, who.get(1), who.get(2));
                assertThat(scrollWidth(page)).as("%s at %d px", who.get(1), width).isLessThanOrEqualTo(width);
            }
        }
    }

    private Page member(Scene scene, int width) {
        Page page = context(new Browser.NewContextOptions().setViewportSize(width, 800)).newPage();
        signIn(page, scene.member());
        return page;
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
