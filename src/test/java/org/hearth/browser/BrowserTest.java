package org.hearth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of tests that use the running application through a real browser. One browser per test
 * class; every test opens its own contexts (separate cookie jars, like separate people), which
 * are closed after it.
 */
@ExtendWith(ChromiumRequired.class)
abstract class BrowserTest extends HearthTest {

    /** Long enough for a slow CI machine, short enough that a missing element fails quickly. */
    private static final double TIMEOUT_MS = 15_000;

    private static Playwright playwright;
    private static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A new, empty browser profile (one person) whose relative URLs point at the application. */
    protected BrowserContext context(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setBaseURL(base()));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        contexts.add(context);
        return context;
    }

    protected BrowserContext context() {
        return context(new Browser.NewContextOptions());
    }

    /** Joins Hearth through the sign-up form; the page ends signed in. */
    protected static void signUp(Page page, String handle) {
        page.navigate("/sign-up");
        page.locator("input[name=handle]").fill(handle);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("input[name=email]").fill(handle + "@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        page.waitForURL(url -> !url.contains("/sign-up"));
        assertSignedInAs(page, handle);
    }

    /** Signs in through the sign-in form with an account made elsewhere. */
    /** Joins the community whose page is open, as a person does: reads the rules, ticks that they agree, joins. */
    protected static void joinFromCommunityPage(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join this community")).click();
        page.getByLabel("I have read the charter and rules").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join this community")).click();
    }

    protected static void signIn(Page page, String handle) {
        page.navigate("/sign-in");
        page.locator("input[name=handle]").fill(handle);
        page.locator("input[name=password]").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.contains("/sign-in"));
        assertSignedInAs(page, handle);
    }

    /** Signs in with the password and the next code of the member's authenticator, as moderators and administrators do. */
    protected static void signInWithSecondFactor(Page page, String handle, org.hearth.testing.Authenticator authenticator) {
        page.navigate("/sign-in");
        page.locator("input[name=handle]").fill(handle);
        page.locator("input[name=password]").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.locator("input[name=code]").fill(authenticator.nextCode());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.contains("/sign-in"));
    }

    private static void assertSignedInAs(Page page, String handle) {
        assertThat(page.locator("header.site nav a[href='/me/profile']").textContent().strip()).isEqualTo(handle);
    }

    /** A members-only community with a topic and a reply, and a member who may read and write there. */
    protected record Scene(String slug, String member, String topicPath, String topicTitle) {

        String communityPath() {
            return "/c/" + slug;
        }
    }

    /**
     * Builds a small but realistic community over HTTP, without a browser: a topic with some
     * Markdown, a reply behind a content warning, and a reaction. Anonymous posting is allowed so
     * that its checkbox is on the reply form.
     */
    protected Scene scene() {
        Viewer owner = account(unique("owner"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, true);

        String member = unique("member");
        Visitor asker = member(member);
        asker.submit("/c/" + slug + "/join", AGREEING);
        String title = "Methotrexate injections: how did the first month go?";
        var posted = asker.submit("/c/" + slug + "/topics", Map.of("kind", "QUESTION", "title", title,
                "body", """
                        I start **next week** and I am a bit scared of the nausea.

                        - Did you take it in the evening?
                        - Did folic acid help?

                        > My rheumatologist said the first weeks are the hardest.

                        The leaflet is at https://www.example.org/leaflets/methotrexate-subcutaneous-injection-patient-information-2025.pdf
                        """,
                "contentWarning", ""));
        var composer = posted.document().selectFirst("form.composer");
        assertThat(composer).as("topic page after posting: %s", posted.text()).isNotNull();
        String topicPath = composer.attr("action").replace("/replies", "");

        Visitor peer = member(unique("peer"));
        peer.submit("/c/" + slug + "/join", AGREEING);
        peer.submit(topicPath + "/replies", Map.of("body", "Evenings were easier for me. *Ginger tea* helped.",
                "contentWarning", ""));
        peer.submit(topicPath + "/replies", Map.of("body", "The first month I was very low and needed help.",
                "contentWarning", "low mood"));
        String openingPost = peer.get(topicPath).document().selectFirst(".post.opening").id().substring(2);
        peer.submit("/c/" + slug + "/p/" + openingPost + "/reactions", Map.of("kind", "HUG"));
        return new Scene(slug, member, topicPath, title);
    }

    /** Every serious or critical axe-core violation on the page as it is now. */
    protected static List<String> axe(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        org.assertj.core.api.Assertions.assertThat(results.isErrored()).as("axe-core ran: %s", results.getErrorMessage()).isFalse();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                if (Set.of("serious", "critical").contains(impact)) {
                    found.add(page.url() + ": " + rule.getId() + " (" + impact + ") at " + node.getTarget() + ": " + rule.getHelp()
                            + "\n    " + node.getHtml());
                }
            }
        }
        return found;
    }

    /** Full-page screenshots of the page as a phone (360 px) and a laptop (1280 px) show it, in target/screenshots. */
    protected static void screenshots(Page page, String name) {
        try {
            Path directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            for (int width : new int[] {360, 1280}) {
                page.setViewportSize(width, 800);
                page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + "-" + width + ".png")).setFullPage(true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
