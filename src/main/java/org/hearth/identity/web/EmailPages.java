package org.hearth.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hearth.identity.EmailLinks;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's e-mail address, its verification link, and resetting a forgotten password. */
@Controller
class EmailPages {

    private static final String EMAIL = "org/hearth/identity/web/email";
    private static final String FORGOTTEN = "org/hearth/identity/web/forgotten";
    private static final String RESET = "org/hearth/identity/web/reset";

    private final EmailLinks links;
    private final Members members;
    private final PasswordPolicy passwordPolicy;
    private final Reconfirmations reconfirmations;

    EmailPages(EmailLinks links, Members members, PasswordPolicy passwordPolicy, Reconfirmations reconfirmations) {
        this.reconfirmations = reconfirmations;
        this.links = links;
        this.members = members;
        this.passwordPolicy = passwordPolicy;
    }

    public record AddressChange(
            @NotBlank(message = "Write the address you want to use.")
            @Size(max = 254, message = "That e-mail address is too long.")
            @Email(message = "That does not look like an e-mail address.")
            String email,
            String password) {
    }

    @GetMapping("/me/email")
    String email(Viewer viewer, HttpServletRequest request, Model model) {
        return emailPage(viewer, request, model, "", FormErrors.NONE);
    }

    @PostMapping("/me/email")
    String changeEmail(Viewer viewer, @Validated @ModelAttribute("form") AddressChange form, BindingResult result,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!members.confirms(viewer.memberId(), reconfirmations.of(request, form.password()))) {
            result.rejectValue("password", "wrong", reconfirmations.refusal(viewer, form.password()));
        }
        if (result.hasErrors()) {
            return emailPage(viewer, request, model, form.email() == null ? "" : form.email(), FormErrors.of(result));
        }
        links.changeAddress(viewer, form.email().strip());
        redirect.addFlashAttribute(Page.NOTICE, "We sent a link to " + form.email().strip()
                + ". Open it to confirm the address is yours.");
        return "redirect:/me/email";
    }

    private String emailPage(Viewer viewer, HttpServletRequest request, Model model, String typed, FormErrors errors) {
        reconfirmations.show(viewer, request, model);
        model.addAttribute("current", members.email(viewer.memberId()).orElse(null));
        model.addAttribute("verified", members.verifiedEmail(viewer.memberId()).isPresent());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return EMAIL;
    }

    @GetMapping("/email/verify/{token}")
    String verify(@PathVariable String token, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Page.NOTICE, links.verify(token)
                ? "Thank you: your e-mail address is confirmed."
                : "This link has expired or was already used. You can ask for a new one on your e-mail settings page.");
        return "redirect:/";
    }

    @GetMapping("/password/forgotten")
    String forgottenForm(Model model) {
        model.addAttribute("typed", "");
        model.addAttribute("sent", false);
        model.addAttribute(Page.NOINDEX, true);
        return FORGOTTEN;
    }

    @PostMapping("/password/forgotten")
    String forgotten(@RequestParam(defaultValue = "") String account, Model model) {
        model.addAttribute(Page.NOINDEX, true);
        if (account.isBlank() || account.length() > 254) {
            model.addAttribute("typed", account.length() > 254 ? "" : account);
            model.addAttribute("sent", false);
            model.addAttribute("error", "Write your handle or the e-mail address you confirmed.");
            return FORGOTTEN;
        }
        links.forgotten(account);
        model.addAttribute("typed", account);
        model.addAttribute("sent", true);
        return FORGOTTEN;
    }

    @GetMapping("/password/reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("works", links.handleOfResetLink(token).isPresent());
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute(Page.NOINDEX, true);
        return RESET;
    }

    @PostMapping("/password/reset/{token}")
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model,
            RedirectAttributes redirect) {
        var handle = links.handleOfResetLink(token);
        var weakness = passwordPolicy.weakness(password, handle.orElse(null));
        if (weakness.isPresent() || !links.reset(token, password)) {
            model.addAttribute("token", token);
            model.addAttribute("works", weakness.isPresent() && handle.isPresent());
            model.addAttribute("errors", weakness.map(w -> FormErrors.of("password", w)).orElse(FormErrors.NONE));
            model.addAttribute(Page.NOINDEX, true);
            return RESET;
        }
        redirect.addFlashAttribute(Page.NOTICE, "Your new password is set and every device was signed out. Sign in with it now.");
        return "redirect:/sign-in";
    }

    @GetMapping("/sign-in/link")
    String signInLinkForm(@RequestParam(required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/sign-in-link";
    }

    /** The link in the mail opens this page; its button posts the token (a GET alone never signs in). */
    @GetMapping("/sign-in/link/use")
    String useSignInLink(@RequestParam(defaultValue = "") String token, Model model) {
        var handle = links.handleOfSignInLink(token);
        model.addAttribute("token", token);
        model.addAttribute("handle", handle.orElse(null));
        model.addAttribute("failed", handle.isEmpty());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/use-sign-in-link";
    }

    @RequestMapping("/sign-in/link/failed")
    String signInLinkFailed(Model model, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(401);
        model.addAttribute("suspended", request.getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION)
                instanceof org.springframework.security.authentication.LockedException);
        model.addAttribute("token", "");
        model.addAttribute("handle", null);
        model.addAttribute("failed", true);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/use-sign-in-link";
    }
}
