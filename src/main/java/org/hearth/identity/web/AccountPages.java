package org.hearth.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.ZoneId;
import org.hearth.identity.EmailLinks;
import org.hearth.identity.Handles;
import org.hearth.identity.Members;
import org.hearth.platform.security.SignIn;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.hearth.platform.web.When;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Joining Hearth, signing in, the first administrator's setup link, and profiles. */
@Controller
class AccountPages {

    private static final String SIGN_UP = "org/hearth/identity/web/sign-up";
    private static final String SIGN_IN = "org/hearth/identity/web/sign-in";
    private static final String SETUP = "org/hearth/identity/web/setup";
    static final String HANDLE_TAKEN = "Someone already uses this handle, or one that looks just like it. Try another one.";

    private final Members members;
    private final SetupLink setupLink;
    private final SignIn signIn;
    private final PasswordPolicy passwordPolicy;
    private final EmailLinks emailLinks;

    AccountPages(Members members, SetupLink setupLink, SignIn signIn, PasswordPolicy passwordPolicy,
            EmailLinks emailLinks) {
        this.emailLinks = emailLinks;
        this.members = members;
        this.setupLink = setupLink;
        this.signIn = signIn;
        this.passwordPolicy = passwordPolicy;
    }

    @GetMapping("/sign-up")
    String signUpForm(Model model) {
        model.addAttribute("form", AccountForms.SignUp.empty());
        model.addAttribute("errors", FormErrors.NONE);
        return SIGN_UP;
    }

    @PostMapping("/sign-up")
    String signUp(@Valid @ModelAttribute("form") AccountForms.SignUp form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        checkHandle(form, result);
        checkPassword(form, result);
        return createAccount(form, result, model, request, response, redirect, false, SIGN_UP);
    }

    @GetMapping("/sign-in")
    String signInForm(@RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        model.addAttribute("handle", "");
        model.addAttribute("failed", false);
        if (signedOut != null) {
            model.addAttribute(Page.NOTICE, "You are signed out. Anyone using this device after you cannot read your communities.");
        }
        return SIGN_IN;
    }

    /** Spring Security forwards a failed sign-in here, so the typed handle stays in the field. */
    @RequestMapping("/sign-in/failed")
    String signInFailed(@RequestParam(name = "handle", required = false) String handle,
            @RequestParam(name = "password", required = false) String password, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("handle", handle == null ? "" : handle);
        model.addAttribute("failed", true);
        // Spring Security refuses a suspended account before it checks the password; only someone
        // who knows the password learns that the account is suspended
        if (request.getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION)
                instanceof org.springframework.security.authentication.LockedException) {
            members.suspendedUntilByHandle(handle)
                    .filter(until -> members.idOfHandle(handle).filter(id -> members.passwordMatches(id, password)).isPresent())
                    .ifPresent(until -> model.addAttribute("suspendedUntil", org.hearth.platform.web.When.readable(until)));
        }
        return SIGN_IN;
    }

    @GetMapping("/setup/{token}")
    String setupForm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!setupLink.accepts(token)) {
            return spentSetupLink(token, model, response);
        }
        model.addAttribute("form", AccountForms.SignUp.empty());
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("token", token);
        model.addAttribute(Page.NOINDEX, true);
        return SETUP;
    }

    @PostMapping("/setup/{token}")
    String setup(@PathVariable String token, @Valid @ModelAttribute("form") AccountForms.SignUp form,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!setupLink.accepts(token)) {
            return spentSetupLink(token, model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute(Page.NOINDEX, true);
        checkHandle(form, result);
        checkPassword(form, result);
        if (result.hasErrors()) {
            return showForm(form, result, model, SETUP);
        }
        if (!setupLink.spend(token)) {
            return spentSetupLink(token, model, response); // used a moment ago, in another tab
        }
        return createAccount(form, result, model, request, response, redirect, true, SETUP);
    }

    /**
     * A setup link that no longer works says why: it was used, or the site has its administrator
     * already (a link of an earlier start or of another node). Any other token is simply unknown.
     */
    private String spentSetupLink(String token, Model model, HttpServletResponse response) {
        boolean used = setupLink.wasUsed(token);
        if (!used && !members.anySiteAdministrator()) {
            throw new NotFound();
        }
        response.setStatus(HttpServletResponse.SC_GONE);
        model.addAttribute("used", used);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/setup-used";
    }

    private String createAccount(AccountForms.SignUp form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
            boolean siteAdmin, String formView) {
        if (result.hasErrors()) {
            return showForm(form, result, model, formView);
        }
        Viewer viewer;
        try {
            viewer = members.create(form.handleValue(), form.password(), form.email(), siteAdmin);
        } catch (Members.HandleTaken taken) {
            result.rejectValue("handle", "taken", HANDLE_TAKEN);
            return showForm(form, result, model, formView);
        }
        if (form.email() != null && !form.email().isBlank()) {
            emailLinks.changeAddress(viewer, form.email().strip());
        }
        signIn.signIn(viewer, request, response);
        redirect.addFlashAttribute(Page.NOTICE, siteAdmin
                ? "Welcome, " + Handles.isolated(viewer.handle()) + ". You are this site's administrator."
                : "Welcome to Hearth, " + Handles.isolated(viewer.handle()) + ". Pick a community to join.");
        return "redirect:/";
    }

    /** Why a handle cannot be used: invisible characters, mixed alphabets, the wrong shape. */
    private static void checkHandle(AccountForms.SignUp form, BindingResult result) {
        Handles.refusal(form.handle()).ifPresent(reason -> result.rejectValue("handle", "refused", reason));
    }

    private void checkPassword(AccountForms.SignUp form, BindingResult result) {
        if (!result.hasFieldErrors("password")) {
            passwordPolicy.weakness(form.password(), form.handleValue())
                    .ifPresent(reason -> result.rejectValue("password", "weak", reason));
        }
    }

    private static String showForm(AccountForms.SignUp form, BindingResult result, Model model, String view) {
        // The password is never sent back into the page; everything else stays as typed.
        model.addAttribute("form", new AccountForms.SignUp(form.handle(), "", form.email()));
        model.addAttribute("errors", FormErrors.of(result));
        return view;
    }

    @GetMapping("/m/{memberId}")
    String profile(@PathVariable String memberId, Model model) {
        model.addAttribute("profile", members.profile(memberId).orElseThrow(NotFound::new));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/identity/web/profile";
    }

    @GetMapping("/me/profile")
    String myProfile(Viewer viewer, Model model) {
        var profile = members.profile(viewer.memberId()).orElseThrow(NotFound::new);
        model.addAttribute("profile", profile);
        model.addAttribute("about", profile.about() == null ? "" : profile.about());
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("lookAlikes", viewer.siteAdmin() ? members.lookAlikes().size() : 0);
        model.addAttribute("zone", members.timeZone(viewer.memberId()).map(ZoneId::getId).orElse(""));
        return "org/hearth/identity/web/my-profile";
    }

    /** The zone times are shown in; empty forgets the choice (then UTC, or the browser's zone). */
    @PostMapping("/me/time-zone")
    String saveTimeZone(Viewer viewer, @RequestParam(defaultValue = "") String zone, Model model, RedirectAttributes redirect) {
        String chosen = zone.strip();
        if (!chosen.isEmpty() && !When.ZONES.contains(chosen)) {
            var profile = members.profile(viewer.memberId()).orElseThrow(NotFound::new);
            model.addAttribute("profile", profile);
            model.addAttribute("about", profile.about() == null ? "" : profile.about());
            model.addAttribute("errors", FormErrors.of("zone", "Hearth does not know that time zone. Choose one from the list."));
            model.addAttribute("lookAlikes", 0);
            model.addAttribute("zone", chosen);
            return "org/hearth/identity/web/my-profile";
        }
        members.setTimeZone(viewer.memberId(), chosen.isEmpty() ? null : chosen);
        redirect.addFlashAttribute(Page.NOTICE, chosen.isEmpty()
                ? "Times are shown in your browser's time zone, or in UTC where that is not known."
                : "Times are shown in " + chosen + " time.");
        return "redirect:/me/profile";
    }

    @PostMapping("/me/profile")
    String saveProfile(Viewer viewer, @Valid @ModelAttribute("form") AccountForms.About form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("profile", members.profile(viewer.memberId()).orElseThrow(NotFound::new));
            model.addAttribute("about", form.about() == null ? "" : form.about());
            model.addAttribute("errors", FormErrors.of(result));
            model.addAttribute("lookAlikes", 0);
            model.addAttribute("zone", members.timeZone(viewer.memberId()).map(ZoneId::getId).orElse(""));
            return "org/hearth/identity/web/my-profile";
        }
        members.updateAbout(viewer.memberId(), form.about());
        redirect.addFlashAttribute(Page.NOTICE, "Your profile is saved.");
        return "redirect:/me/profile";
    }
}
