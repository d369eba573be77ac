package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hearth.identity.schema.Tables.SECOND_FACTORS;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.testing.Authenticator;
import org.hearth.testing.OnSqlite;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The code page half-way through signing in, as a phone and a laptop show it: no site menu
 * before the code is accepted, a wrong code said once, and the page for a lost secrets key.
 */
@OnSqlite
class SecondFactorInBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    DSLContext db;

    @Test
    void theCodePageShowsOnlyWhatCanBeDoneYet() {
        String handle = unique("code");
        Visitor setUp = member(handle);
        Authenticator.enrol(setUp, PASSWORD);
        for (int width : new int[] {360, 1280}) {
            Page page = context(new Browser.NewContextOptions().setViewportSize(width, 800)).newPage();
            page.navigate("/sign-in");
            page.locator("input[name=handle]").fill(handle);
            page.locator("input[name=password]").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("h1")).hasText("One more step");
            assertThat(page.locator("header.site nav a")).hasCount(0);
            page.locator("input[name=code]").fill("000000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByText("That code does not work")).hasCount(1);
            shoot(page, "second-factor-code-" + width);
        }

        // a server whose secrets key no longer opens the stored secret
        String memberId = members.idOfHandle(handle).orElseThrow();
        db.update(SECOND_FACTORS).set(SECOND_FACTORS.SECRET, "v1:" + "A".repeat(60))
                .where(SECOND_FACTORS.MEMBER_ID.eq(memberId)).execute();
        for (int width : new int[] {360, 1280}) {
            Page page = context(new Browser.NewContextOptions().setViewportSize(width, 800)).newPage();
            page.navigate("/sign-in");
            page.locator("input[name=handle]").fill(handle);
            page.locator("input[name=password]").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.locator("input[name=code]").fill("123456");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.locator("#key-lost")).containsText("Your recovery codes still work");
            shoot(page, "second-factor-key-lost-" + width);
        }
    }

    private static void shoot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
