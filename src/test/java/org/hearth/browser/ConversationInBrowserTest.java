package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;

/** Joining, asking and answering the way members do it: in a browser, with and without JavaScript. */
@OnSqlite
class ConversationInBrowserTest extends BrowserTest {

    @Test
    void aNewcomerAsksAndReadsAPeersReplyInTheBrowser() {
        String slug = community(account(unique("owner")), Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String title = "How did you cope with the first infusion?";

        Page asker = context().newPage();
        signUp(asker, unique("asker"));
        asker.navigate("/c/" + slug);
        // members-only: nothing to read before joining
        assertThat(asker.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Posts here are for members")))
                .isVisible();
        joinFromCommunityPage(asker);
        asker.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a topic")).click();
        asker.locator("input[name=kind][value=QUESTION]").check();
        asker.locator("input[name=title]").fill(title);
        asker.locator("textarea[name=body]").fill("I start **next week**. What should I bring?");
        asker.locator("input[name=contentWarning]").fill("");
        asker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the topic")).click();

        assertThat(asker).hasURL(Pattern.compile("/c/" + slug + "/t/[^/?#]+$"));
        assertThat(asker.locator("h1")).hasText(title);
        assertThat(asker.locator(".post.opening .body strong")).hasText("next week");
        assertThat(asker.locator(".meta .kind")).hasText("Question");
        String topicUrl = asker.url();

        Page peer = context().newPage();
        signUp(peer, unique("peer"));
        peer.navigate("/c/" + slug);
        joinFromCommunityPage(peer);
        peer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(peer).hasURL(topicUrl);
        String reply = "Bring a book and a warm jumper, it takes a few hours.";
        peer.locator("textarea[name=body]").fill(reply);
        peer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post reply")).click();
        assertThat(peer.locator(".post:not(.opening) .body")).hasText(reply);

        asker.reload();
        assertThat(asker.locator(".post:not(.opening) .body")).hasText(reply);
        assertThat(asker.locator(".post:not(.opening)")).hasClass(Pattern.compile("\\bunread\\b"));
        assertThat(asker.locator("h1")).hasText(title);
    }

    @Test
    void withoutJavaScriptAMemberReadsATopicAndReplies() {
        Scene scene = scene();
        Page page = context(new Browser.NewContextOptions().setJavaScriptEnabled(false)).newPage();
        signIn(page, scene.member());

        page.navigate(scene.topicPath());
        assertThat(page.locator("h1")).hasText(scene.topicTitle());
        assertThat(page.locator(".post.opening .body")).containsText("I start next week");
        assertThat(page.locator(".post:not(.opening) .body").first()).containsText("Evenings were easier for me.");
        // the reply behind a content warning opens without script: <details> is plain HTML
        // and its summary says what selecting it does next, closed and open, by CSS alone
        assertThat(page.locator("details.cw .open-hint")).isVisible();
        assertThat(page.locator("details.cw .close-hint")).isHidden();
        page.locator("details.cw summary").click();
        assertThat(page.locator("details.cw .body")).isVisible();
        assertThat(page.locator("details.cw .open-hint")).isHidden();
        assertThat(page.locator("details.cw .close-hint")).isVisible();

        String reply = "Thank you all, I will try the evenings and the ginger tea.";
        page.locator("textarea[name=body]").fill(reply);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post reply")).click();

        assertThat(page).hasURL(Pattern.compile(scene.topicPath() + "\\?page=\\d+#p-[^/?#]+$"));
        assertThat(page.locator(".post:not(.opening) .body").last()).hasText(reply);
        assertThat(page.locator(".post").last().locator(".author")).hasText(scene.member());

        // deleting it asks first, on a page of its own, and says what is lost
        page.locator(".post").last().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.locator("h1")).hasText("Delete your post?");
        assertThat(page.locator(".doomed")).containsText(reply);
        assertThat(page.locator(".consequences")).containsText("erased for good");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete this post")).click();
        assertThat(page.locator(".notice")).containsText("Your post is deleted");
        assertThat(page.locator(".post").last()).containsText("deleted by its author");
        assertThat(page.locator(".post .body", new Page.LocatorOptions().setHasText(reply))).hasCount(0);
    }
}
