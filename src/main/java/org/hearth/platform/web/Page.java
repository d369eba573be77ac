package org.hearth.platform.web;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hearth.platform.security.Viewer;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the layout of every page needs: who is looking, the form token, whether search engines
 * must stay out, and the time zone the reader chose (null: none, so times are in UTC and a
 * small script shows them in the browser's zone), and whether the database refuses writes right
 * now (every page then says that reading works and saving is paused), and how many of the
 * member's notifications are unread ({@link UnreadNotifications}). Handed to every template as {@code page}.
 * A page shown to someone signed in is never for search engines: it may hold what only members
 * see, and no crawler signs in, so every such page says so whatever its controller set.
 */
public record Page(Viewer viewer, CsrfToken csrf, boolean noindex, String notice, boolean signingIn,
        List<AdministrationPage.MenuLink> administration, ZoneId timeZone, boolean writingPaused, int unread) {

    /** Model attribute a controller sets to keep a page out of search engines. */
    public static final String NOINDEX = "noindex";
    /** Flash attribute with a one-line confirmation shown at the top of the next page. */
    public static final String NOTICE = "notice";
    /**
     * Model attribute of the pages a member sees half-way through signing in (password given,
     * code still owed): the header then offers only signing out, not the site they cannot open yet.
     */
    public static final String SIGNING_IN = "signingIn";

    public Page(Viewer viewer, CsrfToken csrf, boolean noindex, String notice) {
        this(viewer, csrf, noindex, notice, false, List.of(), null, false, 0);
    }

    /** The page for this model and viewer; {@code administration} is the site administrator's extra menu links. */
    static Page from(Map<String, ?> model, Viewer viewer, CsrfToken csrf, List<AdministrationPage.MenuLink> administration,
            ZoneId timeZone, boolean writingPaused, int unread) {
        Object notice = model.get(NOTICE);
        return new Page(viewer, csrf, viewer != null || Boolean.TRUE.equals(model.get(NOINDEX)),
                notice == null ? null : notice.toString(), Boolean.TRUE.equals(model.get(SIGNING_IN)), administration,
                timeZone, writingPaused, unread);
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
