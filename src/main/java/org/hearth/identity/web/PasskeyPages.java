package org.hearth.identity.web;

import org.hearth.identity.Members;
import org.hearth.identity.Passkeys;
import org.hearth.identity.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's passkeys: the list, removing one, and giving up the password once a passkey is
 * there. Adding a passkey happens in the browser (/js/passkeys.js talks to Spring Security's
 * WebAuthn endpoints); this page only needs JavaScript for that.
 */
@Controller
class PasskeyPages {

    private static final String PASSKEYS = "org/hearth/identity/web/passkeys";

    private static final String REMOVE_PASSWORD = "org/hearth/identity/web/remove-password";

    private final Passkeys passkeys;
    private final Members members;
    private final SecondFactors secondFactors;
    private final Clock clock;

    PasskeyPages(Passkeys passkeys, Members members, SecondFactors secondFactors, Clock clock) {
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.members = members;
        this.clock = clock;
    }

    @GetMapping("/me/passkeys")
    String list(Viewer viewer, HttpServletRequest request, Model model) {
        return page(viewer, request, model, null);
    }

    private String page(Viewer viewer, HttpServletRequest request, Model model, String confirmError) {
        model.addAttribute("passkeys", passkeys.of(viewer));
        model.addAttribute("hasPassword", members.hasPassword(viewer.memberId()));
        model.addAttribute("confirmed", SignIn.confirmedRecently(request, clock.millis()));
        model.addAttribute("confirmError", confirmError);
        model.addAttribute("bareAddress", bareAddress(request.getServerName()));
        model.addAttribute(Page.NOINDEX, true);
        return PASSKEYS;
    }

    /**
     * The IP address the page was opened at, when it was one: browsers refuse passkeys there, and
     * the page says so before anyone tries. (The Host header is only shown back, never followed.)
     */
    static String bareAddress(String host) {
        if (host == null) {
            return null;
        }
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":") ? host : null;
    }

    /** Adding a way into the account, or dropping the password, first asks for the password again. */
    @PostMapping("/me/passkeys/confirm")
    String confirm(Viewer viewer, @RequestParam(defaultValue = "") String password, HttpServletRequest request,
            Model model) {
        if (!members.passwordMatches(viewer.memberId(), password)) {
            return page(viewer, request, model, "That is not your password.");
        }
        SignIn.confirmed(request, clock.millis());
        return "redirect:/me/passkeys";
    }

    /** Reached only when the browser could not run the script that makes a passkey. */
    @PostMapping("/me/passkeys")
    String addWithoutScript(RedirectAttributes redirect) {
        redirect.addFlashAttribute(Page.NOTICE, "Adding a passkey needs JavaScript and a browser that supports "
                + "passkeys. Turn JavaScript on for this site, or try another browser.");
        return "redirect:/me/passkeys";
    }

    @PostMapping("/me/passkeys/{id}/remove")
    String remove(@PathVariable String id, Viewer viewer, RedirectAttributes redirect) {
        switch (passkeys.remove(viewer, id)) {
            case NOT_FOUND -> throw new NotFound();
            case LAST_WAY_IN -> redirect.addFlashAttribute(Page.NOTICE, "This is your only passkey and your account "
                    + "has no password, so removing it would lock you out. Add another passkey first.");
            case REMOVED -> redirect.addFlashAttribute(Page.NOTICE, "The passkey is removed. It no longer signs you "
                    + "in; you can also delete it from your device or password manager.");
        }
        return "redirect:/me/passkeys";
    }

    /**
     * Removing the password cannot be undone from a lost device, so it is a page of its own first
     * (no script needed): what stops working, and with a single passkey, what losing that device
     * would mean and what way back in is left.
     */
    @GetMapping("/me/passkeys/stop-using-password")
    String confirmStopUsingPassword(Viewer viewer, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!SignIn.confirmedRecently(request, clock.millis())) {
            redirect.addFlashAttribute(Page.NOTICE, "Type your password again first, then remove it.");
            return "redirect:/me/passkeys";
        }
        if (!members.hasPassword(viewer.memberId())) {
            return "redirect:/me/passkeys";
        }
        var mine = passkeys.of(viewer);
        if (mine.isEmpty()) {
            redirect.addFlashAttribute(Page.NOTICE, "Add a passkey first: without one, you could not sign in any more.");
            return "redirect:/me/passkeys";
        }
        model.addAttribute("passkeys", mine);
        model.addAttribute("recoveryAddress", members.verifiedEmail(viewer.memberId()).orElse(null));
        model.addAttribute("secondFactor", secondFactors.enrolled(viewer.memberId()));
        model.addAttribute(Page.NOINDEX, true);
        return REMOVE_PASSWORD;
    }

    @PostMapping("/me/passkeys/stop-using-password")
    String stopUsingPassword(Viewer viewer, @RequestParam(required = false) String understood,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (!SignIn.confirmedRecently(request, clock.millis())) {
            redirect.addFlashAttribute(Page.NOTICE, "Type your password again first, then remove it.");
            return "redirect:/me/passkeys";
        }
        if (!"yes".equals(understood)) {
            return "redirect:/me/passkeys/stop-using-password";
        }
        redirect.addFlashAttribute(Page.NOTICE, passkeys.stopUsingPassword(viewer)
                ? "Your password is removed. From now on you sign in with a passkey."
                : "Add a passkey first: without one, you could not sign in any more.");
        return "redirect:/me/passkeys";
    }
}
