package org.hearth.search.web;

/** What the searcher typed and chose, given back as it was. */
public record SearchForm(String q, String c, String kind, String author, String from, String to) {

    /** Whether any filter is chosen: the filters are shown open then. */
    public boolean filtered() {
        return java.util.stream.Stream.of(c, kind, author, from, to).anyMatch(v -> v != null && !v.isBlank());
    }

    /** The address of this search at another page of results. */
    public String at(int page) {
        StringBuilder href = new StringBuilder("/search?q=").append(encode(q));
        append(href, "c", c);
        append(href, "kind", kind);
        append(href, "author", author);
        append(href, "from", from);
        append(href, "to", to);
        return href.append("&page=").append(page).toString();
    }

    private static void append(StringBuilder href, String name, String value) {
        if (value != null && !value.isBlank()) {
            href.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
