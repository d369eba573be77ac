package org.hearth.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.hearth.identity.AccountDeletion;
import org.hearth.identity.Handles;
import org.hearth.identity.MemberSessions;
import org.hearth.identity.Members;
import org.hearth.identity.SecurityEvent;
import org.hearth.identity.SecurityLog;
import org.hearth.platform.security.SignIn;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a member sees where they are signed in, ends sessions, and changes their password. */
@Controller
class AccountSecurityPages {

    private static final String SESSIONS = "org/hearth/identity/web/sessions";
    private static final String PASSWORD = "org/hearth/identity/web/password";
    private static final String DELETE = "org/hearth/identity/web/delete";
    private static final String HANDLE = "org/hearth/identity/web/handle";

    private final MemberSessions sessions;
    private final Members members;
    private final PasswordPolicy passwordPolicy;
    private final SecurityLog log;
    private final SignIn signIn;
    private final AccountDeletion deletion;
    private final Reconfirmations reconfirmations;

    AccountSecurityPages(MemberSessions sessions, Members members, PasswordPolicy passwordPolicy, SecurityLog log,
            SignIn signIn, AccountDeletion deletion, Reconfirmations reconfirmations) {
        this.reconfirmations = reconfirmations;
        this.signIn = signIn;
        this.deletion = deletion;
        this.sessions = sessions;
        this.members = members;
        this.passwordPolicy = passwordPolicy;
        this.log = log;
    }

    @GetMapping("/me/security")
    String securityLog(Viewer viewer, Model model) {
        model.addAttribute("entries", log.of(viewer.memberId()));
        model.addAttribute("failed", log.failedSinceLastSignIn(viewer.memberId()));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/security-log";
    }

    /**
     * The password form: the current password proves it is really the member at the keyboard;
     * an account with passkeys only has none, and a recent passkey check stands in for it.
     */
    public record PasswordChange(String currentPassword, @NotBlank(message = "Choose a new password.") String newPassword) {
    }

    @GetMapping("/me/sessions")
    String list(Viewer viewer, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", sessions.of(viewer, request.getSession().getId()));
        model.addAttribute(Page.NOINDEX, true);
        return SESSIONS;
    }

    @PostMapping("/me/sessions/{key}/end")
    String end(@PathVariable String key, Viewer viewer, RedirectAttributes redirect) {
        boolean ended = sessions.end(viewer, key);
        if (ended) {
            log.record(viewer.memberId(), SecurityEvent.SESSIONS_ENDED);
        }
        redirect.addFlashAttribute(Page.NOTICE, ended ? "That device is signed out." : "That session had already ended.");
        return "redirect:/me/sessions";
    }

    @PostMapping("/me/sessions/end-others")
    String endOthers(Viewer viewer, HttpServletRequest request, RedirectAttributes redirect) {
        int ended = sessions.endAllBut(viewer, request.getSession().getId());
        if (ended > 0) {
            log.record(viewer.memberId(), SecurityEvent.SESSIONS_ENDED);
        }
        redirect.addFlashAttribute(Page.NOTICE, ended == 0 ? "You were not signed in anywhere else."
                : "Signed out everywhere else (" + ended + (ended == 1 ? " device)." : " devices)."));
        return "redirect:/me/sessions";
    }

    @GetMapping("/me/password")
    String passwordForm(Viewer viewer, HttpServletRequest request, Model model) {
        reconfirmations.show(viewer, request, model);
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute(Page.NOINDEX, true);
        return PASSWORD;
    }

    @PostMapping("/me/password")
    String changePassword(Viewer viewer, @Validated @ModelAttribute("form") PasswordChange form, BindingResult result,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("newPassword")) {
            passwordPolicy.weakness(form.newPassword(), viewer.handle())
                    .ifPresent(reason -> result.rejectValue("newPassword", "weak", reason));
        }
        if (!result.hasErrors() && !members.changePassword(viewer.memberId(),
                reconfirmations.of(request, form.currentPassword()), form.newPassword())) {
            result.rejectValue("currentPassword", "wrong", reconfirmations.refusal(viewer, form.currentPassword()));
        }
        if (result.hasErrors()) {
            reconfirmations.show(viewer, request, model);
            model.addAttribute("errors", FormErrors.of(result));
            model.addAttribute(Page.NOINDEX, true);
            return PASSWORD;
        }
        // End the others first: the new id of this session reaches the database only after the request.
        int ended = sessions.endAllBut(viewer, request.getSession().getId());
        request.changeSessionId();
        log.record(viewer.memberId(), SecurityEvent.PASSWORD_CHANGED);
        redirect.addFlashAttribute(Page.NOTICE, "Your password is changed."
                + (ended > 0 ? " Every other device was signed out." : ""));
        return "redirect:/me/sessions";
    }

    @GetMapping("/me/handle")
    String handleForm(Viewer viewer, HttpServletRequest request, Model model) {
        reconfirmations.show(viewer, request, model);
        model.addAttribute("typed", viewer.handle());
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute(Page.NOINDEX, true);
        return HANDLE;
    }

    /** A new handle, with the password (or a passkey check) asked again; old posts show the new name. */
    @PostMapping("/me/handle")
    String changeHandle(Viewer viewer, @RequestParam(defaultValue = "") String handle,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String wanted = handle.strip();
        FormErrors errors = FormErrors.NONE;
        var refused = Handles.refusal(wanted);
        if (refused.isPresent()) {
            errors = FormErrors.of("handle", refused.get());
        } else if (!members.confirms(viewer.memberId(), reconfirmations.of(request, password))) {
            errors = FormErrors.of("password", reconfirmations.refusal(viewer, password));
        }
        if (errors.any()) {
            reconfirmations.show(viewer, request, model);
            model.addAttribute("typed", handle);
            model.addAttribute("errors", errors);
            model.addAttribute(Page.NOINDEX, true);
            return HANDLE;
        }
        try {
            Viewer renamed = members.rename(viewer, wanted);
            signIn.renamed(renamed, request, response);
            // other devices still carry the old name: they sign in again
            sessions.endAllBut(renamed, request.getSession().getId());
            log.record(viewer.memberId(), SecurityEvent.HANDLE_CHANGED);
        } catch (Members.HandleTaken taken) {
            reconfirmations.show(viewer, request, model);
            model.addAttribute("typed", handle);
            model.addAttribute("errors", FormErrors.of("handle", AccountPages.HANDLE_TAKEN));
            model.addAttribute(Page.NOINDEX, true);
            return HANDLE;
        }
        redirect.addFlashAttribute(Page.NOTICE, "Your handle is now " + Handles.isolated(Handles.normalised(wanted)) + ". Your posts show it too.");
        return "redirect:/me/profile";
    }

    @GetMapping("/me/delete")
    String deleteForm(Viewer viewer, HttpServletRequest request, Model model) {
        reconfirmations.show(viewer, request, model);
        return deletePage(model, null, List.of());
    }

    /**
     * Deletes the account for real, or says what stands in the way; either way the page says
     * whether anything was erased. The member's sessions are erased with the account; this
     * one's cookie and sign-in end here.
     */
    @PostMapping("/me/delete")
    String delete(Viewer viewer, @RequestParam(defaultValue = "") String password, HttpServletRequest request,
            Model model) {
        AccountDeletion.Outcome outcome = deletion.delete(viewer.memberId(), reconfirmations.of(request, password));
        if (!(outcome instanceof AccountDeletion.Erased)) {
            reconfirmations.show(viewer, request, model);
        }
        return switch (outcome) {
            case AccountDeletion.WrongPassword _ -> deletePage(model,
                    reconfirmations.refusal(viewer, password) + " Nothing was deleted.", List.of());
            case AccountDeletion.NotYet notYet -> deletePage(model, null, notYet.firstSteps());
            case AccountDeletion.Erased _ -> {
                request.getSession().invalidate();
                SecurityContextHolder.clearContext();
                yield "org/hearth/identity/web/deleted";
            }
        };
    }

    private static String deletePage(Model model, String error, List<String> firstSteps) {
        model.addAttribute("error", error);
        model.addAttribute("firstSteps", firstSteps);
        model.addAttribute(Page.NOINDEX, true);
        return DELETE;
    }
}
