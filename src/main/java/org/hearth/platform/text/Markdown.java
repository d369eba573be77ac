package org.hearth.platform.text;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what a member wrote into safe HTML, once, when it is written. The allowed subset has
 * no images, embeds, styles or scripts: a post can never make a reader's browser contact
 * another site. Links open without a referrer and are marked as user content.
 */
@Component
public class Markdown {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "del", "blockquote", "ul", "ol", "li",
                    "code", "pre", "hr", "h3", "h4", "h5", "h6", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
            .allowAttributes("start").matching(false, "[0-9]{1,6}").onElements("ol")
            .toFactory();

    private final Parser parser = Parser.builder()
            .extensions(List.of(AutolinkExtension.create()))
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    public String toSafeHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }
}
