package org.hearth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.decision.DefineContext;
import org.hearth.decision.SharedContext;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;

/**
 * A member starts a decision on its form, three members add their experiences and one adds to
 * theirs later, and a reader compares the options: on a phone without JavaScript one option at a
 * time, picked by links; on a laptop side by side. Screenshots go to {@code target/screenshots/}.
 */
@OnSqlite
class DecisionsInBrowserTest extends BrowserTest {

    private static final List<String> OPTIONS = List.of("Insulin pump", "Pens", "Closed loop");

    @org.springframework.beans.factory.annotation.Autowired
    DefineContext defineContext;

    @Test
    void aDecisionIsStartedExperiencesAreAddedAndAReaderComparesTheOptions() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        assertThat(defineContext.run(new DefineContext.Input(access(slug, withSecondFactor(owner)),
                SharedContext.parse("Time since diagnosis: Less than a year; 1 to 5 years; More than 5 years"))))
                .isInstanceOf(DefineContext.Outcome.Saved.class);
        Browser.NewContextOptions laptop = new Browser.NewContextOptions().setViewportSize(1280, 900);

        String author = unique("aut");
        Page page = context(laptop).newPage();
        signUp(page, author);
        page.navigate("/c/" + slug);
        joinFromCommunityPage(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a decision")).click();
        page.locator("input[name=title]").fill("Pump or pens?");
        page.locator("textarea[name=body]").fill("My clinic offers a pump. I have been on pens for ten years.");
        for (int i = 0; i < OPTIONS.size(); i++) {
            page.locator("[name='options[" + i + "].name']").fill(OPTIONS.get(i));
        }
        page.locator("[name='options[0].description']").fill("Worn all day, with a tube or as a patch");
        page.locator("[name='options[1].name']").fill("insulin pump"); // the same name twice: refused, and nothing typed is lost
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the decision")).click();
        assertThat(page.locator("#options-error")).containsText("both called");
        assertThat(page.locator("[name='options[2].name']")).hasValue("Closed loop");
        screenshots(page, "decision-new");
        assertThat(axe(page)).as("axe-core on the decision form").isEmpty();
        page.locator("[name='options[1].name']").fill("Pens");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the decision")).click();
        assertThat(page.locator("h1")).hasText("Pump or pens?");
        assertThat(page.locator("#options article.option h3")).hasText(OPTIONS.toArray(String[]::new));
        String decision = page.url().replaceAll("[?#].*$", "");

        // three members add their experiences, two from a phone without JavaScript
        String[][] experiences = {{"0", "YES", "Freedom at last, after the first hard month."}, {"0", "NOT_SURE", "The alarms at night wore me out."},
                {"1", "YES", "Pens suit my work on building sites."}};
        String updater = null;
        for (String[] experience : experiences) {
            String handle = unique("exp");
            boolean phone = !experience[1].equals("YES");
            Page writer = context(new Browser.NewContextOptions().setViewportSize(phone ? 360 : 1280, 800).setJavaScriptEnabled(!phone)).newPage();
            signUp(writer, handle);
            writer.navigate("/c/" + slug);
            joinFromCommunityPage(writer);
            writer.navigate(decision);
            writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add your experience")).click();
            writer.locator("input[name=option]").nth(Integer.parseInt(experience[0])).check();
            writer.locator("select[name=chosenMonth]").selectOption("3");
            writer.locator("input[name=chosenYear]").fill("2024");
            writer.locator("input[name=wouldAgain][value=" + experience[1] + "]").check();
            writer.locator("textarea[name=body]").fill(experience[2]);
            writer.locator("textarea[name='answers[0]']").fill("Ten minutes a day");
            writer.locator("select[name='context[0]']").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("1 to 5 years"));
            if (phone && updater == null) {
                screenshots(writer, "decision-experience-form");
            }
            writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add my experience")).click();
            assertThat(writer.locator(".notice")).containsText("Your experience is added");
            if (phone && updater == null) {
                updater = handle;
                // six months later, they add to it
                writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add to it")).click();
                assertThat(writer.locator("h1")).hasText("Add to your experience");
                writer.locator("textarea[name=body]").fill("Six months later: the alarms are rarer now, and I sleep again.");
                writer.locator("input[name=wouldAgain][value=YES]").check();
                writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add my update")).click();
                assertThat(writer.locator(".notice")).containsText("Your update is added");
            }
            writer.context().close();
        }

        // a reader on a phone without JavaScript: one option at a time, picked by its link
        Page phone = context(new Browser.NewContextOptions().setViewportSize(360, 800).setJavaScriptEnabled(false)).newPage();
        phone.navigate(decision);
        Locator pump = phone.locator("#options article.option").nth(0);
        Locator pens = phone.locator("#options article.option").nth(1);
        assertThat(pump).isVisible();
        assertThat(pens).isHidden();
        assertThat(pump.locator(".option-counts")).hasText("2 experiences: 2 would choose it again, 0 not sure, 0 would not.");
        assertThat(pump.locator(".experience-update")).containsText("Six months later");
        phone.locator(".option-switcher").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Pens (1)")).click();
        assertThat(pens).isVisible();
        assertThat(pump).isHidden();
        assertThat(pens.locator(".option-counts")).hasText("1 experience: 1 would choose it again, 0 not sure, 0 would not.");
        assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
        phone.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", "decision-phone-pens-360.png"))
                .setFullPage(true));
        // filtering by what members shared: two experiences of the pump match, too few to show
        phone.locator(".context-filter select").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("1 to 5 years"));
        phone.locator(".context-filter").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filter")).click();
        phone.locator(".option-switcher").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Insulin pump")).click();
        assertThat(pump.locator(".below-minimum")).containsText("Too few experiences here match this filter");
        assertThat(pump.locator(".experience")).hasCount(0);
        phone.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", "decision-phone-filtered-360.png"))
                .setFullPage(true));
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show every experience")).click();
        assertThat(pump.locator(".experience")).hasCount(2);

        // a reader on a laptop: the three columns side by side
        Page reader = context(laptop).newPage();
        reader.navigate(decision);
        Locator columns = reader.locator("#options article.option");
        assertThat(columns).hasCount(3);
        double top = columns.nth(0).boundingBox().y;
        for (int i = 1; i < 3; i++) {
            assertThat(columns.nth(i)).isVisible();
            assertThat(columns.nth(i).boundingBox().y).as("column %d beside the first", i).isEqualTo(top);
        }
        assertThat(reader.locator(".option-switcher")).isHidden();
        assertThat(reader.locator(".decision-note")).containsText("not evidence");
        screenshots(reader, "decision");
        reader.setViewportSize(1280, 900);
        assertThat(axe(reader)).as("axe-core on the decision page").isEmpty();
        assertThat(updater).isNotNull();
    }
}
