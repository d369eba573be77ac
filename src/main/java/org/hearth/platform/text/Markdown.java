package org.hearth.platform.text;

import java.util.List;
import java.util.Set;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what a member wrote into safe HTML, once, when it is written. The allowed subset has
 * no images, embeds, styles or scripts: a post can never make a reader's browser contact
 * another site. An image is replaced by its description in words, so that neither its writer
 * nor its readers are left wondering what went missing. Tables are kept (GitHub's pipe tables).
 * Links open without a referrer and are marked as user content.
 */
@Component
public class Markdown {

    /** Why a post shows no images, in the writer's words: said wherever they learn of it. */
    public static final String WHY_NO_IMAGES = "Images are not shown in Hearth: it loads nothing from other websites,"
            + " and a photo can identify you or others. Describe it in words instead.";

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "del", "blockquote", "ul", "ol", "li",
                    "code", "pre", "hr", "h3", "h4", "h5", "h6", "a",
                    "table", "thead", "tbody", "tr", "th", "td")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
            .allowAttributes("start").matching(false, "[0-9]{1,6}").onElements("ol")
            .toFactory();

    private final Parser parser = Parser.builder()
            .extensions(List.of(AutolinkExtension.create(), TablesExtension.create()))
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .nodeRendererFactory(ImageInWords::new)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private final TextContentRenderer plainText = TextContentRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .build();

    public String toSafeHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }

    /**
     * What a member wrote as plain words, for searching and for excerpts of it: Markdown's marks
     * and any HTML tags are gone, a link keeps its words and address, an image its description.
     */
    public String toPlainText(String markdown) {
        return plainText.render(parser.parse(markdown == null ? "" : markdown)).strip();
    }

    /** Whether the text has a Markdown image, which {@link #toSafeHtml} shows only as words. */
    public boolean hasImages(String markdown) {
        if (markdown == null || !markdown.contains("![")) {
            return false;
        }
        boolean[] found = {false};
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** An image as the words "[image not shown: its description]"; its address is never written out. */
    private static final class ImageInWords implements NodeRenderer {

        private final HtmlWriter html;

        ImageInWords(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            StringBuilder description = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    description.append(text.getLiteral());
                }
            });
            String words = description.toString().strip();
            html.tag("em");
            html.text(words.isEmpty() ? "[image not shown]" : "[image not shown: " + words + "]");
            html.tag("/em");
        }
    }
}
