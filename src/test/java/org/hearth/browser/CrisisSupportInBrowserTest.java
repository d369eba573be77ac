package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.Authenticator;
import org.hearth.testing.OnSqlite;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/**
 * A writer whose topic speaks of crisis sees the resources, chooses to tell the moderators, and
 * the topic is posted; a moderator finds it on the support list. Without JavaScript, and on a
 * phone as on a desktop; screenshots of both pages go to {@code target/screenshots/}.
 */
@OnSqlite
class CrisisSupportInBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void theResourcesComeBeforePostingAndTheModeratorsSeeTheAlert() throws Exception {
        String ownerHandle = unique("own");
        Visitor ownerBrowser = member(ownerHandle);
        Authenticator authenticator = Authenticator.enrol(ownerBrowser, PASSWORD);
        Viewer owner = new Viewer(members.idOfHandle(ownerHandle).orElseThrow(), ownerHandle, false);
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        Files.createDirectories(SCREENSHOTS);

        for (int width : new int[] {360, 1280}) {
            String writer = unique("wri");
            Visitor setUp = member(writer);
            setUp.submit("/c/" + slug + "/join", AGREEING);
            // on the phone without JavaScript; on the desktop with it, so that axe-core can look at the pages
            Page page = context(new Browser.NewContextOptions().setViewportSize(width, 800).setJavaScriptEnabled(width == 1280)).newPage();
            signIn(page, writer);
            page.navigate("/c/" + slug + "/new");
            page.locator("input[name=title]").fill("A hard night");
            page.locator("textarea[name=body]").fill("I have been *so* tired of all this.\n\nI don't want to be here anymore. "
                    + "I have saved up my oxycodone.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the topic")).click();

            assertThat(page.locator("h1")).containsText("you are not alone");
            assertThat(page.locator(".resources a[href='tel:116123']")).hasCount(1);
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(width);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("crisis-check-" + width + ".png")).setFullPage(true));
            if (width == 1280) {
                assertThat(violations(page)).as("axe-core on the check page").isEmpty();
            }

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post it and let the moderators know")).click();
            assertThat(page.locator("h1")).hasText("A hard night");
            assertThat(page.locator(".notice")).containsText("know, and may reach out to you");

            // a peer worried about the writer, from the link below the post
            String peer = unique("peer");
            member(peer).submit("/c/" + slug + "/join", AGREEING);
            String topic = page.url();
            Page peerPage = context(new Browser.NewContextOptions().setViewportSize(width, 800).setJavaScriptEnabled(width == 1280)).newPage();
            signIn(peerPage, peer);
            peerPage.navigate(topic);
            peerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I’m worried about this member")).click();
            assertThat(peerPage.locator("h1")).hasText("Worried about this member?");
            peerPage.locator("textarea[name=note]").fill("Their last few posts sounded very low.");
            peerPage.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("crisis-worried-" + width + ".png")).setFullPage(true));
            if (width == 1280) {
                assertThat(violations(peerPage)).as("axe-core on the worried page").isEmpty();
            }
            peerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tell the moderators")).click();
            assertThat(peerPage.locator(".notice")).containsText("Nobody is told that it was you");
        }

        for (int width : new int[] {360, 1280}) {
            Page page = context(new Browser.NewContextOptions().setViewportSize(width, 800)).newPage();
            signInWithSecondFactor(page, ownerHandle, authenticator);
            page.navigate("/c/" + slug);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members who may need support")).click();
            assertThat(page.locator(".alerts li")).hasCount(4);
            if (width == 360) {
                page.locator(".alerts li").last().getByRole(AriaRole.BUTTON).click();
                assertThat(page.locator(".notice")).containsText("Marked as handled");
            }
            assertThat(page.locator(".alerts li.handled")).hasCount(1);
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(width);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("crisis-support-" + width + ".png")).setFullPage(true));
            assertThat(violations(page)).as("axe-core on the support list").isEmpty();
        }
    }

    /** Serious or critical axe-core violations on the page as it is. */
    private static List<String> violations(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.isErrored()).as("axe-core ran: %s", results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    found.add(rule.getId() + " at " + node.getTarget() + ": " + rule.getHelp());
                }
            }
        }
        return found;
    }
}
