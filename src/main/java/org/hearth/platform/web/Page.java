package org.hearth.platform.web;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.hearth.platform.security.Viewer;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the layout of every page needs: who is looking, the form token, whether search engines
 * must stay out, and the time zone the reader chose (null: none, so times are in UTC and a
 * small script shows them in the browser's zone). Handed to every template as {@code page}.
 */
public record Page(Viewer viewer, CsrfToken csrf, boolean noindex, String notice, ZoneId timeZone) {

    public Page(Viewer viewer, CsrfToken csrf, boolean noindex, String notice) {
        this(viewer, csrf, noindex, notice, null);
    }

    /** Model attribute a controller sets to keep a page out of search engines. */
    public static final String NOINDEX = "noindex";
    /** Flash attribute with a one-line confirmation shown at the top of the next page. */
    public static final String NOTICE = "notice";

    static Page from(Map<String, ?> model, Viewer viewer, CsrfToken csrf, ZoneId timeZone) {
        Object notice = model.get(NOTICE);
        return new Page(viewer, csrf, Boolean.TRUE.equals(model.get(NOINDEX)),
                notice == null ? null : notice.toString(), timeZone);
    }

    /** The zone times are written in on the server: the reader's choice, or UTC. */
    public ZoneId zone() {
        return timeZone == null ? ZoneOffset.UTC : timeZone;
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }
}
