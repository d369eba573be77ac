package org.hearth.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.platform.RepeatedFailures;
import org.hearth.platform.db.DatabaseTrouble;
import org.hearth.platform.health.RecentWrites;
import org.hearth.platform.security.AttemptLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** Every error ends on a page in plain words; no stack trace, exception text or request data is shown. */
@Controller
class ErrorPages implements ErrorController {

    /** Fields in which people write in their own words; what they typed there is shown back when it was not saved. */
    private static final List<String> WRITTEN_FIELDS = List.of("title", "body", "about", "description",
            "contentWarning", "name", "label", "conditionServed");

    private final long maxRequestBytes;
    private final RepeatedFailures failures;
    private final RecentWrites writes;

    ErrorPages(@Value("${hearth.max-request-bytes:1048576}") long maxRequestBytes, RepeatedFailures failures,
            RecentWrites writes) {
        this.maxRequestBytes = maxRequestBytes;
        this.failures = failures;
        this.writes = writes;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        DatabaseTrouble trouble = request.getAttribute(DatabaseTrouble.REQUEST_ATTRIBUTE) instanceof DatabaseTrouble t ? t : null;
        if (trouble == null && status == 403 && sent(request) && writes.failingNow()
                && failures.seenWithin(DatabaseTrouble.WRITES_REFUSED, Duration.ofMinutes(1))) {
            // a visitor's form token lives in a session that could not be saved; once a write
            // succeeds again, a refused form token means what it always means
            trouble = DatabaseTrouble.WRITES_REFUSED;
        }
        if (trouble != null) {
            return troublePage(trouble, request, response, model);
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("heading", heading(status));
        Object retryAfter = request.getAttribute(AttemptLimits.RETRY_AFTER);
        model.addAttribute("explanation", retryAfter instanceof Long seconds
                ? "You have tried this many times in a short while. For your safety, please wait "
                        + waitInWords(seconds) + " and try again."
                : status == 413 ? tooLarge(maxRequestBytes) : explanation(status));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/platform/web/error";
    }

    private String troublePage(DatabaseTrouble trouble, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "60");
        UnsavedForm form = sent(request) ? UnsavedForm.of(request).orElse(null) : null;
        List<String> typed = sent(request) && form == null ? typed(request) : List.of();
        model.addAttribute("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute("typed", typed);
        model.addAttribute("unsaved", form);
        model.addAttribute(Page.NOINDEX, true);
        String keep = form != null ? " What you typed is below, ready to send again once Hearth can save it;"
                + " sending it twice stores it once."
                : typed.isEmpty() ? "" : " What you typed is below: copy it somewhere safe so you can send it again.";
        if (trouble == DatabaseTrouble.WRITES_REFUSED) {
            model.addAttribute("heading", "Writing is paused for now");
            model.addAttribute("explanation", "Hearth can show pages but cannot save anything right now, so what you "
                    + "sent was not saved." + keep + " Reading works as usual; please try again later.");
        } else {
            model.addAttribute("heading", "Hearth cannot reach its data right now");
            model.addAttribute("explanation", "Nothing you did caused this, and what was saved before is safe, but "
                    + "nothing can be shown or saved for the moment." + keep + " Please try again in a few minutes.");
        }
        return "org/hearth/platform/web/error";
    }

    /** Whether the request that failed sent a form (an error page itself is always asked for with GET). */
    private static boolean sent(HttpServletRequest request) {
        Object method = request.getAttribute(RequestDispatcher.ERROR_METHOD);
        return "POST".equals(method == null ? request.getMethod() : method);
    }

    /** The texts a person wrote in the form that could not be saved, in the order the form sent them. */
    private static List<String> typed(HttpServletRequest request) {
        List<String> typed = new ArrayList<>();
        for (String field : request.getParameterMap().keySet()) {
            String value = WRITTEN_FIELDS.contains(field) ? request.getParameter(field) : null;
            if (value != null && !value.isBlank()) {
                typed.add(value);
            }
        }
        return typed;
    }

    static String heading(int status) {
        return switch (status) {
            case 400 -> "That request did not make sense to us";
            case 403 -> "You cannot do that here";
            case 404 -> "We could not find that page";
            case 405 -> "That is not something this page can do";
            case 413 -> "That was too much to send at once";
            case 429 -> "Please slow down a little";
            default -> status >= 500 ? "Something went wrong on our side" : "That did not work";
        };
    }

    static String waitInWords(long seconds) {
        if (seconds < 90) {
            return "about a minute";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 90 ? "about " + minutes + " minutes" : "about " + ((minutes + 59) / 60) + " hours";
    }

    /**
     * Said when a request is over the byte cap, which is far above what any form takes: a post
     * over its own limit comes back as the form with the text kept, so this is only for bodies
     * too large to read at all.
     */
    static String tooLarge(long maxBytes) {
        String cap = maxBytes >= 1024 * 1024 ? (maxBytes / (1024 * 1024)) + " MB"
                : maxBytes >= 1024 ? (maxBytes / 1024) + " KB" : maxBytes + " bytes";
        return "Hearth reads at most " + cap + " at once, and this was more, so none of it was read or saved. "
                + "Go back (most browsers keep what you typed there), shorten it or split it into several posts, "
                + "and send it again.";
    }

    static String explanation(int status) {
        return switch (status) {
            case 400 -> "A link or form sent something we did not expect. Go back and try again.";
            case 403 -> "Your form may have expired, or this needs a role you do not have. Go back, reload the page and try again.";
            case 404 -> "The page may have moved or been removed, or it may not be visible to you.";
            case 413 -> "Posts and forms have a size limit. Make the text shorter and send it again.";
            case 429 -> "You have tried this many times in a short while. Wait a minute, then try again.";
            default -> status >= 500
                    ? "Nothing you did caused this. What you saved before is safe; please try again in a moment."
                    : "Go back and try again.";
        };
    }
}
