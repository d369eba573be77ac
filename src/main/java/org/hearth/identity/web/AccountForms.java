package org.hearth.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The forms of account pages; messages are written for the person filling them in. */
public final class AccountForms {

    private AccountForms() {
    }

    public record SignUp(
            String handle, // checked by Handles.refusal, which says why a handle cannot be used
            @NotBlank(message = "Choose a password.")
            @Size(min = 10, max = 128, message = "Use at least 10 characters for your password (and at most 128).")
            String password,
            @Size(max = 254, message = "That e-mail address is too long.")
            @Email(message = "That does not look like an e-mail address. Check it, or leave it empty.")
            String email) {

        static SignUp empty() {
            return new SignUp("", "", "");
        }

        String handleValue() {
            return handle == null ? "" : handle.strip();
        }
    }

    public record About(
            @Size(max = 500, message = "Keep this under 500 characters.")
            String about) {
    }
}
