package org.hearth.platform.web;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.html.escape.Escape;
import java.util.Set;

/**
 * jte's HTML output, with a shorter way for the attributes that need nothing but escaping. For
 * every value written into an attribute, jte asks whether the tag and attribute take a URL, a
 * script or a document, in a dozen case-insensitive comparisons: 6 % of a signed-in topic page's
 * CPU time in a JFR profile (docs/topic-page-cost.md), most of it for class, id, value and the
 * like. An attribute named here (exactly, in lower case) takes none of those, so its value is
 * escaped as jte escapes it there and nothing else is asked; every other attribute, and every
 * value outside attributes, goes through jte's own checks.
 */
final class PageHtml extends OwaspHtmlTemplateOutput {

    /** Attributes whose values jte only escapes: no URL (href, src, action, formaction), no script (on...), no srcdoc. */
    static final Set<String> PLAIN_ATTRIBUTES = Set.of("class", "id", "value", "name", "type", "title", "datetime", "for",
            "rows", "maxlength", "min", "max", "step", "checked", "selected", "required", "disabled", "hidden", "placeholder",
            "autocomplete", "lang", "dir", "role", "rel", "method", "content", "aria-pressed", "aria-describedby",
            "aria-invalid", "aria-label", "aria-current", "aria-expanded", "data-zone", "data-time-zone", "data-page-end",
            "data-after");

    private final TemplateOutput output;
    private boolean plainAttribute;

    PageHtml(TemplateOutput output) {
        super(output);
        this.output = output;
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        super.setContext(tagName, attributeName);
        plainAttribute = tagName != null && attributeName != null && PLAIN_ATTRIBUTES.contains(attributeName);
    }

    @Override
    public void writeUserContent(String value) {
        if (plainAttribute && value != null) {
            Escape.htmlAttribute(value, output);
        } else {
            super.writeUserContent(value);
        }
    }
}
