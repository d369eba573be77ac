package org.hearth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
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
 * Notifications in a real browser: a member reading another page sees the header's count rise
 * when someone answers their question, without reloading, opens their notifications and goes to
 * the answer. Screenshots of the page at phone and desktop width go to {@code target/screenshots/}.
 */
@OnSqlite
class NotificationsInBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void aMemberSeesTheCountRiseAndOpensTheNotification() throws Exception {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer asker = account(unique("asker"));
        Viewer helper = account(unique("helper"));
        join(slug, asker);
        join(slug, helper);
        String topic = started(access(slug, asker), asker,
                new Draft(TopicKind.QUESTION, "Cold hands on the new tablets", "Does anyone else get cold hands?", null, false));
        String session = signedIn(asker).cookie("HEARTH_SESSION");
        Files.createDirectories(SCREENSHOTS);

        BrowserContext context = context(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.addCookies(List.of(new Cookie("HEARTH_SESSION", session).setUrl(base())));
        Page page = context.newPage();
        page.navigate("/c/" + slug);
        var count = page.locator("header .unread-count");
        assertThat(count.isHidden()).as("nothing unread yet").isTrue();
        // the page's stream is open once the count it sends first has arrived
        page.waitForFunction("() => document.querySelector('header .unread-count').getAttribute('data-unread') === '0'");

        String answer = replied(access(slug, helper), helper, topic,
                new Draft(null, null, "Yes, gloves at night helped me.", null, false)).postId();
        count.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        assertThat(count.innerText()).contains("1");
        assertThat(page.url()).as("without reloading").endsWith("/c/" + slug);

        page.locator("header a.notifications-link").click();
        page.waitForURL("**/me/notifications");
        assertThat(page.locator(".notification.unread").innerText()).contains("A new reply").contains(helper.handle());
        for (int width : new int[] {360, 1280}) {
            page.setViewportSize(width, 800);
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .as("/me/notifications at %d px", width).isLessThanOrEqualTo(width);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("notifications-" + width + ".png")).setFullPage(true));
        }
        for (int width : new int[] {360, 1280}) {
            page.setViewportSize(width, 800);
            page.navigate("/me/notifications/settings");
            // the service worker registers and the button for this browser shows (pressing it needs the browser's push service)
            page.locator(".push-here .push-on button").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE));
            assertThat(page.evaluate("navigator.serviceWorker.getRegistration('/').then(r => r ? r.scope : null)").toString())
                    .endsWith("/");
            assertThat(page.locator(".push-status").innerText()).isEqualTo("This browser is not notified.");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("notification-settings-" + width + ".png")).setFullPage(true));
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .as("/me/notifications/settings at %d px", width).isLessThanOrEqualTo(width);
        }
        page.navigate("/me/notifications");
        page.locator(".notification.unread a").click();
        page.waitForURL("**/t/" + topic + "**");
        assertThat(page.url()).endsWith("#p-" + answer);
        page.locator("header .unread-count[hidden]").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
    }
}
