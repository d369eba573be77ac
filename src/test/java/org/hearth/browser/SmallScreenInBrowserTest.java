package org.hearth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
