package org.hearth.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hearth.identity.MemberSessions;
import org.hearth.identity.SecondFactors;
import org.hearth.platform.security.AttemptLimits;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Setting up, replacing and removing the second factor (an authenticator app with recovery
 * codes), and the code page that finishes signing in for members who have one.
 */
@Controller
class SecondFactorPages {

    private static final String OVERVIEW = "org/hearth/identity/web/second-factor";
    private static final String SETUP = "org/hearth/identity/web/second-factor-setup";
    private static final String RECOVERY_CODES = "org/hearth/identity/web/recovery-codes";
    private static final String CODE = "org/hearth/identity/web/sign-in-code";

    private final SecondFactors secondFactors;
    private final MemberSessions sessions;
    private final SecondFactorRules rules;
    private final AttemptLimits limits;
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final Reconfirmations reconfirmations;

    SecondFactorPages(SecondFactors secondFactors, MemberSessions sessions, SecondFactorRules rules, AttemptLimits limits,
            Reconfirmations reconfirmations) {
        this.reconfirmations = reconfirmations;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.rules = rules;
        this.limits = limits;
    }

    @GetMapping("/me/second-factor")
    String overview(Viewer viewer, @RequestParam(required = false) String required, HttpServletRequest request,
            Model model) {
        return overviewPage(viewer, required != null, FormErrors.NONE, request, model);
    }

    private String overviewPage(Viewer viewer, boolean asked, FormErrors errors, HttpServletRequest request, Model model) {
        reconfirmations.show(viewer, request, model);
        Optional<String> because = secondFactors.requiredBecause(viewer);
        model.addAttribute("state", secondFactors.state(viewer.memberId()));
        model.addAttribute("requiredBecause", because.orElse(null));
        model.addAttribute("asked", asked && because.isPresent());
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return OVERVIEW;
    }

    /**
     * Setting up (or replacing) the authenticator starts with the password (or a passkey check):
     * whoever found the device unlocked cannot.
     */
    @PostMapping("/me/second-factor/setup")
    String start(Viewer viewer, @RequestParam(defaultValue = "") String password, HttpServletRequest request,
            Model model) {
        if (!secondFactors.start(viewer, reconfirmations.of(request, password))) {
            return overviewPage(viewer, false, FormErrors.of("password", reconfirmations.refusal(viewer, password)),
                    request, model);
        }
        return "redirect:/me/second-factor/setup";
    }

    @GetMapping("/me/second-factor/setup")
    String setupForm(Viewer viewer, Model model, RedirectAttributes redirect) {
        return setupPage(viewer, "", FormErrors.NONE, model, redirect);
    }

    private String setupPage(Viewer viewer, String code, FormErrors errors, Model model, RedirectAttributes redirect) {
        Optional<SecondFactors.Setup> setup = secondFactors.pendingSetup(viewer);
        if (setup.isEmpty()) {
            redirect.addFlashAttribute(Page.NOTICE, "Confirm it is you (your password, or a passkey if your account has no password) to set up an authenticator app.");
            return "redirect:/me/second-factor";
        }
        model.addAttribute("secret", setup.get().secret());
        model.addAttribute("qrCode", QrCodes.svgDataUri(setup.get().uri()));
        model.addAttribute("code", code);
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return SETUP;
    }

    @PostMapping("/me/second-factor/setup/confirm")
    String confirm(Viewer viewer, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        if (limited(viewer, request, response)) {
            return null;
        }
        Optional<List<String>> codes = secondFactors.confirm(viewer, code);
        if (codes.isEmpty()) {
            return setupPage(viewer, code, FormErrors.of("code", code.isBlank()
                    ? "Type the six-digit code your app shows for Hearth."
                    : "That code does not match. Check that the app shows Hearth and type the code it shows now."),
                    model, redirect);
        }
        // End the others first: the new id of this session reaches the database only after the request.
        int ended = sessions.endAllBut(viewer, request.getSession().getId());
        rules.grant(request, response);
        model.addAttribute("codes", codes.get());
        model.addAttribute("endedOthers", ended > 0);
        model.addAttribute(Page.NOINDEX, true);
        return RECOVERY_CODES;
    }

    @PostMapping("/me/second-factor/remove")
    String remove(Viewer viewer, @RequestParam(defaultValue = "") String removePassword, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        Optional<String> because = secondFactors.requiredBecause(viewer);
        if (because.isPresent()) {
            redirect.addFlashAttribute(Page.NOTICE, "You cannot turn the second factor off because "
                    + because.get() + ". You can set up a new authenticator instead.");
            return "redirect:/me/second-factor";
        }
        if (!secondFactors.remove(viewer, reconfirmations.of(request, removePassword))) {
            return overviewPage(viewer, false, FormErrors.of("removePassword",
                    reconfirmations.refusal(viewer, removePassword)), request, model);
        }
        int ended = sessions.endAllBut(viewer, request.getSession().getId());
        request.changeSessionId();
        redirect.addFlashAttribute(Page.NOTICE, "The second factor is off: your password alone signs you in now."
                + (ended > 0 ? " Every other device was signed out." : ""));
        return "redirect:/me/second-factor";
    }

    @GetMapping(SecondFactorRules.CODE_PAGE)
    String codeForm(Viewer viewer, Model model) {
        if (!owesCode(viewer)) {
            return "redirect:/";
        }
        model.addAttribute("code", "");
        model.addAttribute("keyLost", false);
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute(Page.NOINDEX, true);
        model.addAttribute(Page.SIGNING_IN, true);
        return CODE;
    }

    @PostMapping(SecondFactorRules.CODE_PAGE)
    String enterCode(Viewer viewer, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        if (!owesCode(viewer)) {
            return "redirect:/";
        }
        if (limited(viewer, request, response)) {
            return null;
        }
        SecondFactors.Outcome outcome = secondFactors.verify(viewer.memberId(), code);
        if (outcome == SecondFactors.Outcome.WRONG || outcome == SecondFactors.Outcome.KEY_LOST) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("code", code);
            model.addAttribute("keyLost", outcome == SecondFactors.Outcome.KEY_LOST);
            model.addAttribute("errors", FormErrors.of("code", outcome == SecondFactors.Outcome.KEY_LOST
                    ? "Codes from your app cannot be checked right now. Type one of your recovery codes."
                    : code.isBlank()
                    ? "Type the six-digit code from your authenticator app, or one of your recovery codes."
                    : "That code does not work. Type the code your app shows now, or an unused recovery code."));
            model.addAttribute(Page.NOINDEX, true);
            model.addAttribute(Page.SIGNING_IN, true);
            return CODE;
        }
        rules.grant(request, response);
        if (outcome == SecondFactors.Outcome.RECOVERY_CODE) {
            int left = secondFactors.state(viewer.memberId()).recoveryCodesLeft();
            redirect.addFlashAttribute(Page.NOTICE, "You used a recovery code; it will not work again. "
                    + (left == 0 ? "You have none left: set up your authenticator again to get new ones."
                    : "You have " + left + " left.") + " Lost your phone? Set up a new authenticator under Second factor.");
        }
        return "redirect:" + wantedPage(request, response);
    }

    /** Whether this is a member who gave their password and still owes a code. */
    private boolean owesCode(Viewer viewer) {
        return viewer != null && !SecondFactorRules.hasSecondFactor() && secondFactors.enrolled(viewer.memberId());
    }

    /** Few code guesses per account: six digits are quick to try otherwise. */
    private boolean limited(Viewer viewer, HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong wait = limits.tryAttempt(AttemptLimits.Kind.CODE_ENTRY_ACCOUNT, viewer.memberId());
        if (wait.isEmpty()) {
            return false;
        }
        response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
        request.setAttribute(AttemptLimits.RETRY_AFTER, wait.getAsLong());
        response.sendError(429);
        return true;
    }

    /** The page the member was on their way to when asked for a code, if it was one to look at. */
    private String wantedPage(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return saved != null && "GET".equals(saved.getMethod()) ? saved.getRedirectUrl() : "/";
    }
}
