package org.hearth.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the form token from a page's HTML for clients that post without a browser or jsoup:
 * the benchmark and the live-update load client.
 */
public final class FormToken {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private FormToken() {
    }

    /** The session's CSRF token, masked afresh on each page. */
    public static String on(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }
}
