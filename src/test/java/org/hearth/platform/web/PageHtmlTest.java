package org.hearth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The page's HTML output writes exactly what jte's own would, for hostile values in every place. */
class PageHtmlTest {

    private static final List<String> TAGS = List.of("a", "area", "base", "iframe", "form", "button", "input", "script",
            "div", "time", "A", "IFRAME");
    private static final List<String> VALUES = List.of("plain", "javascript:alert(1)", "  JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "\"><script>alert(1)</script>", "' onmouseover='x", "a&b<c>d\"e'f",
            "");

    @Test
    void writesWhatJteWritesForEveryTagAttributeAndValue() {
        List<String> attributes = new ArrayList<>(PageHtml.PLAIN_ATTRIBUTES);
        attributes.addAll(List.of("href", "src", "action", "formaction", "srcdoc", "onclick", "ONCLICK", "HREF", "Class",
                "style", "data-x"));
        int compared = 0;
        for (String tag : TAGS) {
            for (String attribute : attributes) {
                for (String value : VALUES) {
                    assertThat(written(PageHtml::new, tag, attribute, value)).as("%s %s=%s", tag, attribute, value)
                            .isEqualTo(written(OwaspHtmlTemplateOutput::new, tag, attribute, value));
                    compared++;
                }
            }
            for (String value : VALUES) {
                assertThat(written(PageHtml::new, tag, null, value)).isEqualTo(written(OwaspHtmlTemplateOutput::new, tag, null, value));
            }
        }
        assertThat(compared).isGreaterThan(4000);
        // the comparison can tell: jte drops an unsafe URL and escapes a plain value
        assertThat(written(PageHtml::new, "a", "href", "javascript:alert(1)")).isEmpty();
        assertThat(written(PageHtml::new, "div", "class", "\"><x")).isEqualTo("&#34;>&lt;x");
    }

    private static String written(Function<StringOutput, HtmlTemplateOutput> html, String tag, String attribute, String value) {
        StringOutput out = new StringOutput();
        HtmlTemplateOutput output = html.apply(out);
        output.setContext(tag, attribute);
        output.writeUserContent(value);
        output.setContext(tag, null);
        return out.toString();
    }
}
