package org.hearth.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Map;
import org.hearth.notification.ChooseEmails;
import org.hearth.notification.EmailChoice;
import org.hearth.notification.NotificationKind;
import org.hearth.notification.PauseNotifications;
import org.hearth.notification.StopEmails;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's choices of e-mail ({@code /me/notifications/settings}), and the address in every
 * notification's e-mail that stops its kind with one click, without signing in
 * ({@code /unsubscribe/...}): a GET shows what it will stop and a button, a POST (the button, or
 * a mail program's one-click request, RFC 8058) stops it.
 */
@Controller
class NotificationEmailPages {

    private static final String SETTINGS = "org/hearth/notification/web/settings";
    private static final String UNSUBSCRIBE = "org/hearth/notification/web/unsubscribe";

    private final ChooseEmails chooseEmails;
    private final StopEmails stopEmails;
    private final PauseNotifications pauseNotifications;

    NotificationEmailPages(ChooseEmails chooseEmails, StopEmails stopEmails, PauseNotifications pauseNotifications) {
        this.pauseNotifications = pauseNotifications;
        this.chooseEmails = chooseEmails;
        this.stopEmails = stopEmails;
    }

    @GetMapping("/me/notifications/settings")
    String settings(Viewer viewer, Model model) {
        return settingsPage(chooseEmails.of(viewer), null, model);
    }

    private String settingsPage(ChooseEmails.Chosen chosen, String problem, Model model) {
        model.addAttribute("chosen", chosen);
        model.addAttribute("problem", problem);
        model.addAttribute("kinds", java.util.Arrays.stream(NotificationKind.values()).filter(NotificationKind::mailedHere).toList());
        model.addAttribute("choices", EmailChoice.values());
        model.addAttribute(Page.NOINDEX, true);
        return SETTINGS;
    }

    /** Each kind's choice comes as {@code email.KIND}; an unknown kind or choice is left out (the form offers none). */
    @PostMapping("/me/notifications/settings")
    String choose(@RequestParam MultiValueMap<String, String> form, Viewer viewer, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        Map<NotificationKind, EmailChoice> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            if (!kind.mailedHere()) {
                continue;
            }
            String value = form.getFirst("email." + kind.name());
            for (EmailChoice choice : EmailChoice.values()) {
                if (choice.name().equals(value)) {
                    choices.put(kind, choice);
                }
            }
        }
        boolean discreet = !"false".equals(form.getFirst("discreet"));
        String quietFrom = form.getFirst("quietFrom");
        String quietUntil = form.getFirst("quietUntil");
        return switch (chooseEmails.run(new ChooseEmails.Input(viewer, choices, discreet, quietFrom, quietUntil))) {
            case ChooseEmails.Outcome.Saved s -> {
                redirect.addFlashAttribute(Page.NOTICE, "Your choices are saved.");
                yield "redirect:/me/notifications/settings";
            }
            case ChooseEmails.Outcome.QuietHoursNotUnderstood(var why) -> {
                // the page again, with what was typed, and why it was not saved
                var saved = chooseEmails.of(viewer);
                Map<NotificationKind, EmailChoice> shown = new EnumMap<>(saved.choices());
                shown.putAll(choices);
                response.setStatus(422);
                yield settingsPage(new ChooseEmails.Chosen(shown, discreet, saved.hasVerifiedAddress(), clip(quietFrom), clip(quietUntil),
                        saved.pausedUntil()), why, model);
            }
        };
    }

    private static String clip(String typed) {
        return typed == null ? "" : typed.length() > 20 ? typed.substring(0, 20) : typed;
    }

    @PostMapping("/me/notifications/pause")
    String pause(@RequestParam(name = "for", defaultValue = "") String length, Viewer viewer, RedirectAttributes redirect) {
        java.time.Duration pause = switch (length) {
            case "day" -> java.time.Duration.ofDays(1);
            case "week" -> java.time.Duration.ofDays(7);
            default -> null;
        };
        redirect.addFlashAttribute(Page.NOTICE, switch (pauseNotifications.run(new PauseNotifications.Input(viewer, pause))) {
            case PauseNotifications.Outcome.Paused p -> "Notifications are paused: no e-mail until the pause ends."
                    + " Everything still appears on your notifications page.";
            case PauseNotifications.Outcome.Resumed r -> "Notifications are on again.";
        });
        return "redirect:/me/notifications/settings";
    }

    @GetMapping("/unsubscribe/{memberId}/{token}")
    String confirm(@PathVariable String memberId, @PathVariable String token, Model model, HttpServletResponse response) {
        var what = stopEmails.whatItStops(new StopEmails.Input(memberId, token));
        if (what.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("what", what.orElse(null));
        model.addAttribute("stopped", false);
        model.addAttribute(Page.NOINDEX, true);
        return UNSUBSCRIBE;
    }

    @PostMapping("/unsubscribe/{memberId}/{token}")
    String stop(@PathVariable String memberId, @PathVariable String token, Model model, HttpServletResponse response) {
        String what = switch (stopEmails.run(new StopEmails.Input(memberId, token))) {
            case StopEmails.Outcome.Stopped(var kind) -> StopEmails.words(kind);
            case StopEmails.Outcome.DigestStopped(var digest) -> StopEmails.words(digest);
            case StopEmails.Outcome.NotValid n -> {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                yield null;
            }
        };
        model.addAttribute("what", what);
        model.addAttribute("stopped", what != null);
        model.addAttribute(Page.NOINDEX, true);
        return UNSUBSCRIBE;
    }
}
