package org.hearth.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hearth.platform.security.AttemptLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** Every error ends on a page in plain words; no stack trace, exception text or request data is shown. */
@Controller
class ErrorPages implements ErrorController {

    private final long maxRequestBytes;

    ErrorPages(@Value("${hearth.max-request-bytes:1048576}") long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
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
