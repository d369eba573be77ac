package org.hearth.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Map;
import org.hearth.notification.ChooseEmails;
import org.hearth.notification.EmailChoice;
import org.hearth.notification.NotificationKind;
import org.hearth.notification.PauseNotifications;
import org.hearth.notification.PushBrowsers;
import org.hearth.notification.StopEmails;
import org.hearth.notification.TurnOffPush;
import org.hearth.notification.TurnOnPush;
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
 * A member's choices of e-mail and push ({@code /me/notifications/settings}), turning push on and
 * off for a browser ({@code /me/notifications/push}), and the address in every
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
    private final PushBrowsers pushBrowsers;
    private final TurnOnPush turnOnPush;
    private final TurnOffPush turnOffPush;

    NotificationEmailPages(ChooseEmails chooseEmails, StopEmails stopEmails, PauseNotifications pauseNotifications,
            PushBrowsers pushBrowsers, TurnOnPush turnOnPush, TurnOffPush turnOffPush) {
        this.pauseNotifications = pauseNotifications;
        this.pushBrowsers = pushBrowsers;
        this.turnOnPush = turnOnPush;
        this.turnOffPush = turnOffPush;
        this.chooseEmails = chooseEmails;
        this.stopEmails = stopEmails;
    }

    @GetMapping("/me/notifications/settings")
    String settings(Viewer viewer, Model model) {
        return settingsPage(viewer, chooseEmails.of(viewer), null, null, model);
    }

    private String settingsPage(Viewer viewer, ChooseEmails.Chosen chosen, String problem, String pushProblem, Model model) {
        model.addAttribute("chosen", chosen);
        model.addAttribute("problem", problem);
        model.addAttribute("pushProblem", pushProblem);
        model.addAttribute("browsers", pushBrowsers.of(viewer));
        model.addAttribute("pushKey", pushBrowsers.applicationServerKey());
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
        Map<NotificationKind, Boolean> push = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.pushChosenHere()) {
                push.put(kind, "on".equals(form.getFirst("push." + kind.name()))); // an unticked box sends nothing
            }
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
        return switch (chooseEmails.run(new ChooseEmails.Input(viewer, choices, push, discreet, quietFrom, quietUntil))) {
            case ChooseEmails.Outcome.Saved s -> {
                redirect.addFlashAttribute(Page.NOTICE, "Your choices are saved.");
                yield "redirect:/me/notifications/settings";
            }
            case ChooseEmails.Outcome.QuietHoursNotUnderstood(var why) -> {
                // the page again, with what was typed, and why it was not saved
                var saved = chooseEmails.of(viewer);
                Map<NotificationKind, EmailChoice> shown = new EnumMap<>(saved.choices());
                shown.putAll(choices);
                Map<NotificationKind, Boolean> shownPush = new EnumMap<>(saved.push());
                shownPush.putAll(push);
                response.setStatus(422);
                yield settingsPage(viewer, new ChooseEmails.Chosen(shown, shownPush, discreet, saved.hasVerifiedAddress(), clip(quietFrom),
                        clip(quietUntil), saved.pausedUntil()), why, null, model);
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
            case PauseNotifications.Outcome.Paused p -> "Notifications are paused: no e-mail and nothing on your devices until the pause ends."
                    + " Everything still appears on your notifications page.";
            case PauseNotifications.Outcome.Resumed r -> "Notifications are on again.";
        });
        return "redirect:/me/notifications/settings";
    }

    /** The page's script fills this form with what the browser's push service gave it, after the member asked. */
    @PostMapping("/me/notifications/push")
    String turnOnPush(@RequestParam(defaultValue = "") String endpoint, @RequestParam(defaultValue = "") String p256dh,
            @RequestParam(defaultValue = "") String auth, @org.springframework.web.bind.annotation.RequestHeader(
                    name = "User-Agent", required = false) String userAgent,
            Viewer viewer, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        String problem = switch (turnOnPush.run(new TurnOnPush.Input(viewer, endpoint, p256dh, auth, userAgent))) {
            case TurnOnPush.Outcome.TurnedOn(var browser) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Notifications are on for " + browser + ".");
                yield null;
            }
            case TurnOnPush.Outcome.NotUnderstood n -> "This browser did not give what notifications need. Try again,"
                    + " or use another browser; everything still appears on your notifications page.";
            case TurnOnPush.Outcome.PushServiceNotAllowed n -> "This browser's push service is not one this site sends to,"
                    + " so it cannot notify you here. The site's administrators choose which ones it uses.";
            case TurnOnPush.Outcome.TooManyBrowsers(var most) -> "You have notifications on " + most + " browsers already,"
                    + " the most there may be. Turn one off below first.";
        };
        if (problem == null) {
            return "redirect:/me/notifications/settings";
        }
        response.setStatus(422);
        return settingsPage(viewer, chooseEmails.of(viewer), null, problem, model);
    }

    /** Off for one browser in the list ({@code browser}), or for this one, named by its push address ({@code endpoint}). */
    @PostMapping("/me/notifications/push/stop")
    String turnOffPush(@RequestParam(defaultValue = "") String browser, @RequestParam(defaultValue = "") String endpoint,
            Viewer viewer, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Page.NOTICE, switch (turnOffPush.run(new TurnOffPush.Input(viewer, browser, endpoint))) {
            case TurnOffPush.Outcome.TurnedOff t -> "Notifications are off for that browser.";
            case TurnOffPush.Outcome.NotFound n -> "Notifications were already off for that browser.";
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
