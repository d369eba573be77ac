package org.hearth.community.web;

import jakarta.validation.Valid;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.ChangeRole;
import org.hearth.community.CreateCommunity;
import org.hearth.community.DecideJoinRequest;
import org.hearth.community.InviteMember;
import org.hearth.community.LeaveCommunity;
import org.hearth.community.Role;
import org.hearth.community.WithdrawFromCommunity;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory, a member's own communities, creating communities, and membership actions (joining is on {@link RulesPages}, with the rules). */
@Controller
class CommunityPages {

    /** Where a moderator or administrator without a second factor this sign-in is sent first. */
    private static final String SECOND_FACTOR_FIRST = "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";

    private final Communities communities;
    private final CreateCommunity createCommunity;
    private final WithdrawFromCommunity withdrawFromCommunity;
    private final LeaveCommunity leaveCommunity;
    private final DecideJoinRequest decideJoinRequest;
    private final InviteMember inviteMember;
    private final ChangeRole changeRole;

    CommunityPages(Communities communities, CreateCommunity createCommunity,
            WithdrawFromCommunity withdrawFromCommunity, LeaveCommunity leaveCommunity,
            DecideJoinRequest decideJoinRequest, InviteMember inviteMember, ChangeRole changeRole) {
        this.communities = communities;
        this.createCommunity = createCommunity;
        this.withdrawFromCommunity = withdrawFromCommunity;
        this.leaveCommunity = leaveCommunity;
        this.decideJoinRequest = decideJoinRequest;
        this.inviteMember = inviteMember;
        this.changeRole = changeRole;
    }

    @GetMapping("/")
    String directory(Viewer viewer, Model model) {
        model.addAttribute("communities", communities.directory(viewer));
        return "org/hearth/community/web/directory";
    }

    @GetMapping("/me/communities")
    String mine(Viewer viewer, Model model) {
        model.addAttribute("mine", communities.mine(viewer));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/mine";
    }

    @GetMapping("/admin/communities/new")
    String newCommunity(Model model) {
        model.addAttribute("form", CommunityForm.empty());
        model.addAttribute("errors", FormErrors.NONE);
        return "org/hearth/community/web/new-community";
    }

    @PostMapping("/admin/communities")
    String create(Viewer viewer, @Valid @ModelAttribute("form") CommunityForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            switch (createCommunity.run(CreateCommunity.Input.by(viewer, form.toNewCommunity(), form.key()))) {
                case CreateCommunity.Outcome.Created(var community) -> {
                    redirect.addFlashAttribute(Page.NOTICE, "The community " + community.name() + " is ready. You are its owner.");
                    return "redirect:/c/" + community.slug();
                }
                case CreateCommunity.Outcome.AlreadySaved(var community) -> {
                    redirect.addFlashAttribute(Page.NOTICE, "The community " + community.name()
                            + " is ready. You are its owner. The form was sent more than once and created it once.");
                    return "redirect:/c/" + community.slug();
                }
                case CreateCommunity.Outcome.AddressTaken() ->
                        result.rejectValue("slug", "taken", "Another community already uses this address. Choose another.");
                case CreateCommunity.Outcome.NotASiteAdministrator() -> throw new NotFound();
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", FormErrors.of(result));
        return "org/hearth/community/web/new-community";
    }

    @PostMapping("/c/{slug}/withdraw")
    String withdraw(@PathVariable String slug, Viewer viewer, RedirectAttributes redirect) {
        String notice = switch (withdrawFromCommunity.run(new WithdrawFromCommunity.Input(slug, viewer))) {
            case WithdrawFromCommunity.Outcome.RequestWithdrawn w -> "Your request to join is withdrawn.";
            case WithdrawFromCommunity.Outcome.InvitationDeclined d -> "You declined the invitation.";
            case WithdrawFromCommunity.Outcome.NothingPending p -> "Nothing is pending for you there any more.";
            case WithdrawFromCommunity.Outcome.NotFound n -> throw new NotFound();
        };
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/me/communities";
    }

    /** Leaving is asked twice: this page says what would be lost, and its form confirms. */
    @GetMapping("/c/{slug}/leave")
    String confirmLeaving(@PathVariable String slug, Viewer viewer, Model model, RedirectAttributes redirect) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        if (!access.member()) {
            redirect.addFlashAttribute(Page.NOTICE, "You are not a member there.");
            return "redirect:/c/" + slug;
        }
        model.addAttribute("leaving", new Leaving(access, communities.onlyOwner(access)));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/leave";
    }

    /** Only the confirmation page's form leaves; anything else is sent to that page first. */
    @PostMapping("/c/{slug}/leave")
    String leave(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean confirmed, Viewer viewer,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return "redirect:/c/" + slug + "/leave";
        }
        String notice = switch (leaveCommunity.run(new LeaveCommunity.Input(slug, viewer))) {
            case LeaveCommunity.Outcome.Left l -> "You have left the community.";
            case LeaveCommunity.Outcome.NotAMember m -> "You are not a member there.";
            case LeaveCommunity.Outcome.LastOwner o ->
                    "You are its only owner. Make another member an owner before you leave.";
            case LeaveCommunity.Outcome.NotFound n -> throw new NotFound();
        };
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/me/communities";
    }

    @GetMapping("/c/{slug}/members")
    String members(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).filter(Access::moderates).orElseThrow(NotFound::new);
        var list = communities.members(access, viewer);
        if (list.isEmpty()) {
            return SECOND_FACTOR_FIRST; // the member list is private: reading it is acting as a moderator
        }
        model.addAttribute("list", list.get());
        model.addAttribute("roles", Role.values());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/members";
    }

    @PostMapping("/c/{slug}/requests/{memberId}")
    String decide(@PathVariable String slug, @PathVariable String memberId, @RequestParam String decision,
            Viewer viewer, RedirectAttributes redirect) {
        var input = new DecideJoinRequest.Input(slug, viewer, memberId, "approve".equals(decision));
        return switch (decideJoinRequest.run(input)) {
            case DecideJoinRequest.Outcome.Approved a -> toMembers(slug, redirect, "Request approved: they are a member now.");
            case DecideJoinRequest.Outcome.Declined d -> toMembers(slug, redirect, "Request declined.");
            case DecideJoinRequest.Outcome.CliniciansNotAdmitted c -> toMembers(slug, redirect,
                    "They are a verified clinician now, and this community does not admit clinicians: the request waits for you to decline it.");
            case DecideJoinRequest.Outcome.NoSuchRequest r -> toMembers(slug, redirect,
                    "That request is no longer waiting: another moderator answered it, or it was withdrawn.");
            case DecideJoinRequest.Outcome.SecondFactorNeeded f -> SECOND_FACTOR_FIRST;
            case DecideJoinRequest.Outcome.NotFound n -> throw new NotFound();
        };
    }

    @PostMapping("/c/{slug}/invitations")
    String invite(@PathVariable String slug, @RequestParam(defaultValue = "") String handle, Viewer viewer,
            RedirectAttributes redirect) {
        return switch (inviteMember.run(new InviteMember.Input(slug, viewer, handle))) {
            case InviteMember.Outcome.Invited(var community, var invited) -> toMembers(slug, redirect,
                    "If a member uses the handle " + invited + ", they will find your invitation under Mine.");
            case InviteMember.Outcome.NoHandle h -> toMembers(slug, redirect, "Write the handle of the person you want to invite.");
            case InviteMember.Outcome.Banned(var community, var banned) -> toMembers(slug, redirect, banned
                    + " was banned from this community. A ban is lifted by upholding their appeal, not by an invitation.");
            case InviteMember.Outcome.SecondFactorNeeded f -> SECOND_FACTOR_FIRST;
            case InviteMember.Outcome.NotFound n -> throw new NotFound();
        };
    }

    @PostMapping("/c/{slug}/members/{memberId}/role")
    String changeRole(@PathVariable String slug, @PathVariable String memberId, @RequestParam Role role,
            Viewer viewer, RedirectAttributes redirect) {
        return switch (changeRole.run(new ChangeRole.Input(slug, viewer, memberId, role))) {
            case ChangeRole.Outcome.Changed c -> toMembers(slug, redirect, "Role changed to " + c.role().label().toLowerCase() + ".");
            case ChangeRole.Outcome.NotAnOwner o -> toMembers(slug, redirect, "Only owners change roles.");
            case ChangeRole.Outcome.OwnRole o -> toMembers(slug, redirect,
                    "No one changes their own role: another owner can, so the community always keeps one.");
            case ChangeRole.Outcome.NotAMember m -> toMembers(slug, redirect, "That person is not a member here any more.");
            case ChangeRole.Outcome.LastOwner o -> toMembers(slug, redirect,
                    "The community would be left without an owner. Nothing was changed.");
            case ChangeRole.Outcome.SecondFactorNeeded f -> SECOND_FACTOR_FIRST;
            case ChangeRole.Outcome.NotFound n -> throw new NotFound();
        };
    }

    private static String toMembers(String slug, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/c/" + slug + "/members";
    }
}
