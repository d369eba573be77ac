package org.hearth.search.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.Page;
import org.hearth.platform.web.ReadersTimeZone;
import org.hearth.search.SearchPosts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /search}: one form for the whole site or one community ({@code c}), with filters, that
 * works without JavaScript. The page is never stored by a shared cache, and what was searched for
 * is neither logged nor kept: it is in the address only, and the site sends no referrer.
 */
@Controller
class SearchPages {

    private final SearchPosts search;
    private final ObjectProvider<ReadersTimeZone> zones;

    SearchPages(SearchPosts search, ObjectProvider<ReadersTimeZone> zones) {
        this.search = search;
        this.zones = zones;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "c", required = false) String c,
            @RequestParam(name = "kind", required = false) String kind, @RequestParam(name = "author", required = false) String author,
            @RequestParam(name = "from", required = false) String from, @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "page", required = false) String page, Viewer viewer, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "private, no-store");
        SearchForm form = new SearchForm(q, c, kind, author, from, to);
        model.addAttribute("form", form);
        List<org.hearth.community.Access> readable = search.readableBy(viewer); // asked once: the form lists them, the search looks there
        model.addAttribute("places", readable.stream()
                .map(a -> new Place(a.community().slug(), a.community().name())).toList());
        model.addAttribute("kinds", List.of(TopicKind.values()));
        model.addAttribute(Page.NOINDEX, true);
        String problem = null;
        TopicKind topicKind = null;
        if (kind != null && !kind.isBlank()) {
            try {
                topicKind = TopicKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                problem = "Choose a kind of topic from the list.";
            }
        }
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        if (problem == null && (fromDay == null && from != null && !from.isBlank() || toDay == null && to != null && !to.isBlank())) {
            problem = "Write a day as year-month-day, for example 2026-11-30.";
        }
        if (problem != null) {
            model.addAttribute("problem", problem);
            model.addAttribute("outcome", null);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "org/hearth/search/web/search";
        }
        ZoneId zone = viewer == null || fromDay == null && toDay == null ? null
                : zones.getIfAvailable() == null ? null : zones.getIfAvailable().of(viewer.memberId()).orElse(null);
        var outcome = search.run(new SearchPosts.Input(viewer, request.getRemoteAddr(), q, c, topicKind, author, fromDay, toDay,
                pageNumber(page), zone), readable);
        model.addAttribute("outcome", outcome);
        model.addAttribute("problem", switch (outcome) {
            case SearchPosts.Outcome.NotUnderstood(var why) -> why;
            case SearchPosts.Outcome.NoSuchCommunity none -> "There is no community at that address that you can search. Search every community you can read instead.";
            case SearchPosts.Outcome.TooBroad broad -> "This search would read too many posts to answer in time. Add a rarer word,"
                    + " choose a community or give days, and search again; what you typed is still here.";
            case SearchPosts.Outcome.TooOften(var seconds) -> "You have searched many times in a short while. Please wait "
                    + (seconds < 60 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes") + " and search again; what you typed is still here.";
            default -> null;
        });
        if (outcome instanceof SearchPosts.Outcome.TooOften(var seconds)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(seconds));
        } else if (outcome instanceof SearchPosts.Outcome.TooBroad) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        } else if (outcome instanceof SearchPosts.Outcome.NotUnderstood) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else if (outcome instanceof SearchPosts.Outcome.NoSuchCommunity) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return "org/hearth/search/web/search";
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank() || text.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank() || page.length() > 4 || !page.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        return Integer.parseInt(page);
    }
}
