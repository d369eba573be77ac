package org.hearth.identity.web;

import org.hearth.identity.Members;
import org.hearth.identity.Passkeys;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's passkeys: the list, removing one, and giving up the password once a passkey is
 * there. Adding a passkey happens in the browser (/js/passkeys.js talks to Spring Security's
 * WebAuthn endpoints); this page only needs JavaScript for that.
 */
@Controller
class PasskeyPages {

    private static final String PASSKEYS = "org/hearth/identity/web/passkeys";

    private final Passkeys passkeys;
    private final Members members;

    PasskeyPages(Passkeys passkeys, Members members) {
        this.passkeys = passkeys;
        this.members = members;
    }

    @GetMapping("/me/passkeys")
    String list(Viewer viewer, Model model) {
        model.addAttribute("passkeys", passkeys.of(viewer));
        model.addAttribute("hasPassword", members.hasPassword(viewer.memberId()));
        model.addAttribute(Page.NOINDEX, true);
        return PASSKEYS;
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

    @PostMapping("/me/passkeys/stop-using-password")
    String stopUsingPassword(Viewer viewer, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Page.NOTICE, passkeys.stopUsingPassword(viewer)
                ? "Your password is removed. From now on you sign in with a passkey."
                : "Add a passkey first: without one, you could not sign in any more.");
        return "redirect:/me/passkeys";
    }
}
