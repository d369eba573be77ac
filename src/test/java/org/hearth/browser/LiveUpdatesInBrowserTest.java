package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.testing.OnSqlite;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/** Two people on one topic: what one posts appears on the other's page without a reload. */
@OnSqlite
class LiveUpdatesInBrowserTest extends BrowserTest {

    @Test
    void aReplyAppearsOnAnotherReadersPageWithoutReloadAndWithoutTakingFocus() {
        Scene scene = scene();
        Page reader = context().newPage();
        List<String> problems = problemsOf(reader);
        signIn(reader, scene.member());
        reader.navigate(scene.topicPath());
        reader.evaluate("() => { window.sameDocument = true; }");
        Locator composer = reader.locator("textarea[name=body]");
        composer.fill("I was going to say");

        Page writer = context().newPage();
        signUp(writer, unique("writer"));
        writer.navigate(scene.communityPath());
        joinFromCommunityPage(writer);
        writer.navigate(scene.topicPath());
        String reply = "The second month was much easier, hang in there.";
        writer.locator("textarea[name=body]").fill(reply);
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post reply")).click();

        Locator arrived = reader.locator(".post", new Page.LocatorOptions().setHasText(reply));
        assertThat(arrived).isVisible();
        assertThat(arrived).hasCount(1);
        assertThat(reader.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("new reply")))
                .hasText("1 new reply");
        assertThat(reader.evaluate("() => window.sameDocument")).as("no reload").isEqualTo(true);
        assertThat(composer).isFocused();
        assertThat(composer).hasValue("I was going to say");
        // the new reply is last, and the reader can react to it at once
        assertThat(reader.locator(".posts > .post").last()).containsText(reply);
        arrived.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sending a hug")).click();
        assertThat(reader.locator(".post", new Page.LocatorOptions().setHasText(reply))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sending a hug 1"))).isVisible();
        assertThat(reader.locator(".post", new Page.LocatorOptions().setHasText(reply))).hasCount(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void onAPhoneANewReplyOutOfViewIsShownByABarAndTheReplyCountFollows() throws Exception {
        Scene scene = scene();
        Page reader = context(new Browser.NewContextOptions().setViewportSize(360, 740)).newPage();
        List<String> problems = problemsOf(reader);
        signIn(reader, scene.member());
        reader.navigate(scene.topicPath());
        assertThat(reader.locator(".meta .reply-count")).hasText("2 replies");
        Locator bar = reader.locator("a.live-news");
        assertThat(bar).isHidden();

        Visitor writer = member(unique("writer"));
        writer.submit(scene.communityPath() + "/join", AGREEING);
        String reply = "Evenings, and a small snack before the injection.";
        writer.post(scene.topicPath() + "/replies", Map.of("body", reply, "contentWarning", ""));

        Locator arrived = reader.locator(".post", new Page.LocatorOptions().setHasText(reply));
        assertThat(arrived).hasCount(1);
        assertThat(reader.locator(".meta .reply-count")).hasText("3 replies");
        assertThat(bar).isVisible();
        assertThat(bar).hasText("1 new reply ↓");
        var box = bar.boundingBox();
        assertThat(box.y + box.height).as("the bar is on screen, at its bottom").isBetween(600.0, 740.0);
        assertThat(box.x).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).isLessThanOrEqualTo(360);
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        reader.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("live-new-reply-360.png")));

        bar.click();
        assertThat(bar).isHidden();
        assertThat(arrived).isInViewport();
        assertThat(problems).isEmpty();
    }

    @Test
    void onAFullPageANewReplyIsOnlyPointedTo() {
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = member(unique("author"));
        author.submit("/c/" + slug + "/join", AGREEING);
        var posted = author.submit("/c/" + slug + "/topics", Map.of("kind", "DISCUSSION", "title", "A long thread",
                "body", "Let us talk.", "contentWarning", ""));
        String topic = posted.document().selectFirst("form.composer").attr("action").replace("/replies", "");
        for (int i = 1; i < 25; i++) { // the opening post and 24 replies fill the first page
            author.post(topic + "/replies", Map.of("body", "Reply number " + i, "contentWarning", ""));
        }

        Page reader = context().newPage();
        List<String> problems = problemsOf(reader);
        reader.navigate(topic);
        assertThat(reader.locator(".posts > .post")).hasCount(25);
        author.post(topic + "/replies", Map.of("body", "Reply number 25", "contentWarning", ""));

        Locator next = reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New replies on the next page"));
        assertThat(next).isVisible();
        assertThat(reader.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("next page")))
                .hasCount(1);
        assertThat(reader.locator(".posts > .post")).hasCount(25);
        next.click();
        assertThat(reader.locator(".posts > .post")).hasCount(1);
        assertThat(reader.locator(".posts > .post .body")).hasText("Reply number 25");
        assertThat(problems).isEmpty();
    }

    @Test
    void aTabOutOfSightLetsGoOfItsStreamAndCatchesUpWhenSeenAgain() {
        String slug = community(account(unique("owner")), Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor author = member(unique("author"));
        author.submit("/c/" + slug + "/join", AGREEING);
        var posted = author.submit("/c/" + slug + "/topics", Map.of("kind", "QUESTION", "title", "Background tabs",
                "body", "Anyone?", "contentWarning", ""));
        String topic = posted.document().selectFirst("form.composer").attr("action").replace("/replies", "");
        Page reader = context().newPage();
        List<String> problems = problemsOf(reader);
        reader.navigate(topic);
        author.post(topic + "/replies", Map.of("body", "While you were looking", "contentWarning", ""));
        assertThat(reader.locator(".posts > .post")).hasCount(2);

        setHidden(reader, true);
        author.post(topic + "/replies", Map.of("body", "While you were away", "contentWarning", ""));
        author.post(topic + "/replies", Map.of("body", "And again", "contentWarning", ""));
        reader.waitForTimeout(1000); // a followed page would have shown them by now
        assertThat(reader.locator(".posts > .post")).hasCount(2);

        setHidden(reader, false);
        assertThat(reader.locator(".posts > .post")).hasCount(4);
        assertThat(reader.locator(".posts > .post .body")).containsText(new String[] {
                "Anyone?", "While you were looking", "While you were away", "And again"});
        assertThat(reader.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("new replies")))
                .hasText("2 new replies");
        assertThat(problems).isEmpty();
    }

    /** What the browser does when the tab goes out of sight or comes back. */
    private static void setHidden(Page page, boolean hidden) {
        page.evaluate("hidden => { Object.defineProperty(document, 'hidden', {value: hidden, configurable: true});"
                + " document.dispatchEvent(new Event('visibilitychange')); }", hidden);
    }

    /** Console errors (a refused script or connection shows up there) and failed requests. */
    private static List<String> problemsOf(Page page) {
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                problems.add(message.text());
            }
        });
        page.onPageError(problems::add);
        return problems;
    }
}
