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
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;

/**
 * Blocking in a real browser: a member blocks another from their profile, finds that member's
 * reply folded and opens it with one click (no script needed), and sees the list of what they
 * blocked and muted. Screenshots at phone and desktop width go to {@code target/screenshots/}.
 */
@OnSqlite
class BlockingInBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void aBlockedMembersReplyFoldsAndOpensWithOneClick() throws Exception {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer writer = account(unique("loudwriter"));
        Viewer reader = account(unique("reader"));
        join(slug, writer);
        join(slug, reader);
        String topic = started(access(slug, reader), reader,
                new Draft(TopicKind.QUESTION, "Fatigue in the second week", "Does it ease after the second week?", null, false));
        replied(access(slug, writer), writer, topic, new Draft(null, null, "You are doing it all wrong, as usual.", null, false));
        replied(access(slug, owner), owner, topic, new Draft(null, null, "For me it eased by day ten.", null, false));
        String muted = started(access(slug, owner), owner, new Draft(TopicKind.DISCUSSION, "Travel insurance", "Any tips?", null, false));
        String session = signedIn(reader).cookie("HEARTH_SESSION");
        Files.createDirectories(SCREENSHOTS);

        for (int width : new int[] {360, 1280}) {
            BrowserContext context = context(new Browser.NewContextOptions().setViewportSize(width, 800));
            context.addCookies(List.of(new Cookie("HEARTH_SESSION", session).setUrl(base())));
            Page page = context.newPage();
            if (width == 360) {
                page.navigate("/m/" + writer.memberId());
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("profile-block-" + width + ".png")).setFullPage(true));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block " + writer.handle())).click();
                page.waitForURL("**/me/blocked");
                page.navigate("/c/" + slug + "/t/" + muted);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mute this topic")).click();
                page.waitForSelector("form.muted-topic");
            }
            page.navigate("/c/" + slug + "/t/" + topic);
            var fold = page.locator("details.blocked");
            assertThat(fold.count()).isEqualTo(1);
            assertThat(page.locator("details.blocked .body").isVisible()).as("folded").isFalse();
            assertThat(scrollWidth(page)).as("topic at %d px", width).isLessThanOrEqualTo(width);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("blocked-folded-" + width + ".png")).setFullPage(true));
            page.locator("details.blocked summary").click();
            assertThat(page.locator("details.blocked .body").isVisible()).as("one click to read").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("blocked-opened-" + width + ".png")).setFullPage(true));

            page.navigate("/me/blocked");
            assertThat(page.locator("ul.choices li").count()).isEqualTo(2);
            assertThat(scrollWidth(page)).as("/me/blocked at %d px", width).isLessThanOrEqualTo(width);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("me-blocked-" + width + ".png")).setFullPage(true));
        }
    }

    private static int scrollWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }
}
