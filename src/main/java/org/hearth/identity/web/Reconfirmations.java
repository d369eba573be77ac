package org.hearth.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.hearth.identity.Members;
import org.hearth.identity.Reconfirmation;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The "confirm it is you" part of the forms that change an account: a member with a password
 * types it; a member with passkeys only uses one of them (a passkey check, or a passkey sign-in,
 * in the last few minutes). Pages include {@code confirm-it-is-you.jte} with what this puts in the model.
 */
@Component
class Reconfirmations {

    private final Members members;
    private final SignIn signIn;

    Reconfirmations(Members members, SignIn signIn) {
        this.members = members;
        this.signIn = signIn;
    }

    /** What the member sent: the typed password, and whether a passkey check is recent enough. */
    Reconfirmation of(HttpServletRequest request, String password) {
        return new Reconfirmation(password, signIn.passkeyCheckedRecently(request));
    }

    /** Puts {@code hasPassword} and {@code passkeyChecked} into the model for the form. */
    void show(Viewer viewer, HttpServletRequest request, Model model) {
        model.addAttribute("hasPassword", members.hasPassword(viewer.memberId()));
        model.addAttribute("passkeyChecked", signIn.passkeyCheckedRecently(request));
    }

    /** Why the member was not taken to be themselves, in words for the form. */
    String refusal(Viewer viewer, String password) {
        if (!members.hasPassword(viewer.memberId())) {
            return "Confirm it is you with your passkey first, then send the form again.";
        }
        return password == null || password.isEmpty() ? "Type your password to go on." : "That is not your password.";
    }
}
