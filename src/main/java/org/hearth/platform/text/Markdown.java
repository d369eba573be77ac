package org.hearth.platform.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
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
        return toSafeHtml(markdown, Mentions.NONE).html();
    }

    /** Safe HTML, and the members its mentions named (linked to their profiles). */
    public record WithMentions(String html, Set<String> mentioned) {
    }

    /**
     * Safe HTML in which each {@code @handle} that {@code mentions} accepts links to that member's
     * profile; at most {@link #MAX_MENTIONS} different handles are looked at, so one post cannot
     * reach a crowd. An {@code @handle} in code or inside a link stays as typed.
     */
    public WithMentions toSafeHtml(String markdown, Mentions mentions) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        Set<String> mentioned = new java.util.LinkedHashSet<>();
        if (mentions != Mentions.NONE && markdown != null && markdown.indexOf('@') >= 0) {
            linkMentions(document, mentions, mentioned);
        }
        return new WithMentions(POLICY.sanitize(renderer.render(document)), Set.copyOf(mentioned));
    }

    /** At most this many different handles of one text are looked up and linked. */
    public static final int MAX_MENTIONS = 10;

    /** An @ not inside a word or an address, then a handle's shape (trailing dots and dashes are punctuation). */
    private static final java.util.regex.Pattern MENTION =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}@._/-])@([\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}._-]{2,29})");

    private static void linkMentions(Node document, Mentions mentions, Set<String> mentioned) {
        List<Text> texts = new java.util.ArrayList<>();
        Set<String> handles = new java.util.LinkedHashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                // the words of a link stay as they are
            }

            @Override
            public void visit(Text text) {
                var matcher = MENTION.matcher(text.getLiteral());
                boolean any = false;
                while (matcher.find()) {
                    if (handles.size() < MAX_MENTIONS) {
                        handles.add(handleOf(matcher.group(1)));
                    }
                    any = true;
                }
                if (any) {
                    texts.add(text);
                }
            }
        });
        if (handles.isEmpty()) {
            return;
        }
        Map<String, Mentions.Mentioned> found = mentions.resolve(Set.copyOf(handles));
        if (found.isEmpty()) {
            return;
        }
        for (Text text : texts) {
            String literal = text.getLiteral();
            var matcher = MENTION.matcher(literal);
            int from = 0;
            while (matcher.find()) {
                String handle = handleOf(matcher.group(1));
                Mentions.Mentioned who = found.get(handle);
                if (who == null) {
                    continue;
                }
                int end = matcher.start(1) + handle.length();
                if (matcher.start() > from) {
                    text.insertBefore(new Text(literal.substring(from, matcher.start())));
                }
                Link link = new Link(who.href(), null);
                link.appendChild(new Text("@" + handle));
                text.insertBefore(link);
                mentioned.add(who.memberId());
                from = end;
            }
            if (from > 0) {
                if (from < literal.length()) {
                    text.insertBefore(new Text(literal.substring(from)));
                }
                text.unlink();
            }
        }
    }

    /** A handle as typed, without the punctuation that may end a sentence after it. */
    private static String handleOf(String typed) {
        int end = typed.length();
        while (end > 3 && ".-_".indexOf(typed.charAt(end - 1)) >= 0) {
            end--;
        }
        return typed.substring(0, end);
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
