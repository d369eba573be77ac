package org.hearth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.hearth.platform.web.When;
import org.hearth.testing.OnSqlite;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/** Where scripts run, times read in the browser's zone, unless the member chose another. */
@OnSqlite
class TimesInBrowserTest extends BrowserTest {

    @Test
    void timesFollowTheBrowsersZoneOrTheMembersChoice() {
        Scene scene = scene();
        Page paris = context(new Browser.NewContextOptions().setTimezoneId("Europe/Paris")).newPage();
        signIn(paris, scene.member());
        paris.navigate(scene.topicPath());
        Locator time = paris.locator("article.post time").first();
        long at = Instant.parse(time.getAttribute("datetime")).toEpochMilli();
        time.locator("xpath=self::*[@data-zone]").waitFor();
        assertThat(time.textContent()).isEqualTo(When.readable(at, ZoneId.of("Europe/Paris")));
        assertThat(time.getAttribute("title")).contains("Central European", "(Europe/Paris)", " UTC");

        Visitor member = visitor();
        member.signIn(scene.member(), PASSWORD);
        member.submit("/me/time-zone", Map.of("zone", "Asia/Kolkata"));
        paris.reload();
        time = paris.locator("article.post time").first();
        time.locator("xpath=self::*[@data-zone]").waitFor();
        assertThat(time.getAttribute("data-zone")).isEqualTo("Asia/Kolkata");
        assertThat(time.textContent()).as("the member's choice wins over the browser's zone")
                .isEqualTo(When.readable(at, ZoneId.of("Asia/Kolkata")));
    }
}
