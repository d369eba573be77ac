package org.hearth.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;

/**
 * The main pages as a screen-reader or keyboard user meets them (axe-core, whose script comes
 * from the test classpath), and the promise that reading Hearth contacts no one but Hearth.
 */
@OnSqlite
class AccessibilityAndPrivacyInBrowserTest extends BrowserTest {

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    @Test
    void mainPagesHaveNoSeriousOrCriticalAccessibilityViolation() {
        Scene scene = scene();
        List<String> violations = new ArrayList<>();

        Page visitor = context().newPage();
        violations.addAll(axe(visitor, "/"));
        violations.addAll(axe(visitor, "/sign-up"));
        violations.addAll(axe(visitor, "/sign-in"));

        Page member = context().newPage();
        signIn(member, scene.member());
        violations.addAll(axe(member, "/"));
        violations.addAll(axe(member, scene.communityPath()));
        assertThat(member.locator(".topics li").count()).as("topics on the community page").isEqualTo(1);
        violations.addAll(axe(member, scene.topicPath()));
        assertThat(member.locator("form.composer").count()).as("reply forms on the topic page").isEqualTo(1);
        String deletion = member.locator(".post.opening a[href$='/delete']").getAttribute("href");
        violations.addAll(axe(member, deletion));
        assertThat(member.locator("form.confirm").count()).as("the post's deletion asks first").isEqualTo(1);
        violations.addAll(axe(member, "/me/notifications"));
        violations.addAll(axe(member, "/me/notifications/settings"));
        violations.addAll(axe(member, "/me/data"));
        violations.addAll(axe(member, "/me/delete"));

        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void readingAndWritingContactNoOtherOrigin() {
        Scene scene = scene();
        // Without the Content-Security-Policy, any reference to another site in the markup would be
        // fetched and show up here; with it such a request would silently be blocked. Requests to
        // other hosts are recorded, then dropped before they leave the machine.
        BrowserContext context = context(new Browser.NewContextOptions().setBypassCSP(true));
        List<String> requested = new CopyOnWriteArrayList<>();
        context.onRequest(request -> requested.add(request.url()));
        context.route(url -> !"127.0.0.1".equals(URI.create(url).getHost()), route -> route.abort());

        Page page = context.newPage();
        page.navigate("/");
        page.navigate("/sign-up");
        signIn(page, scene.member());
        page.navigate(scene.communityPath());
        page.navigate(scene.topicPath());
        page.locator("details.cw summary").click();
        page.locator("textarea[name=body]").fill("Here is the link I mentioned: https://www.example.org/advice");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post reply")).click();
        page.locator(".post:not(.opening) .body a[href='https://www.example.org/advice']").last().waitFor();
        page.navigate(scene.communityPath() + "/new");
        page.waitForLoadState();

        assertThat(requested).as("requests made by the pages")
                .anySatisfy(url -> assertThat(url).endsWith("/css/hearth.css"))
                .anySatisfy(url -> assertThat(url).contains(scene.topicPath()));
        assertThat(requested).as("every request goes to Hearth itself")
                .allSatisfy(url -> {
                    URI uri = URI.create(url);
                    assertThat(uri.getScheme()).isEqualTo("http");
                    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
                    assertThat(uri.getPort()).isEqualTo(port);
                });
    }

    /** Opens a page and describes every serious or critical axe-core violation on it. */
    private List<String> axe(Page page, String path) {
        page.navigate(path);
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", path, results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("axe-core checked something on %s", path).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                if (BLOCKING_IMPACTS.contains(impact)) {
                    found.add(path + ": " + rule.getId() + " (" + impact + ") at " + node.getTarget() + ": "
                            + rule.getHelp() + "\n    " + node.getHtml() + "\n    "
                            + String.valueOf(node.getFailureSummary()).replace("\n", "\n    "));
                }
            }
        }
        return found;
    }
}
