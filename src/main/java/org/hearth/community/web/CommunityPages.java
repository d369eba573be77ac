package org.hearth.community.web;

import jakarta.validation.Valid;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.Role;
import org.hearth.identity.SecondFactors;
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

/** The directory, a member's own communities, creating communities, and membership actions. */
@Controller
class CommunityPages {

    private final Communities communities;
    private final SecondFactors secondFactors;

    CommunityPages(Communities communities, SecondFactors secondFactors) {
        this.communities = communities;
        this.secondFactors = secondFactors;
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
            try {
                var community = communities.create(form.toNewCommunity(), viewer.memberId());
                redirect.addFlashAttribute(Page.NOTICE, "The community " + community.name() + " is ready. You are its owner.");
                return "redirect:/c/" + community.slug();
            } catch (Communities.SlugTaken taken) {
                result.rejectValue("slug", "taken", "Another community already uses this address. Choose another.");
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", FormErrors.of(result));
        return "org/hearth/community/web/new-community";
    }

    @PostMapping("/c/{slug}/join")
    String join(@PathVariable String slug, Viewer viewer, RedirectAttributes redirect) {
        switch (communities.join(slug, viewer)) {
            case JOINED -> redirect.addFlashAttribute(Page.NOTICE, "Welcome! You are now a member.");
            case REQUESTED -> redirect.addFlashAttribute(Page.NOTICE,
                    "Your request is sent. A moderator will look at it; you will see the answer under Mine.");
            case NOT_ALLOWED -> {
                if (communities.visibleTo(slug, viewer).isEmpty()) {
                    throw new NotFound();
                }
                redirect.addFlashAttribute(Page.NOTICE, "This community takes new members by invitation only.");
            }
        }
        return "redirect:/c/" + slug;
    }

    @PostMapping("/c/{slug}/withdraw")
    String withdraw(@PathVariable String slug, Viewer viewer, RedirectAttributes redirect) {
        communities.withdraw(slug, viewer);
        redirect.addFlashAttribute(Page.NOTICE, "Done. Nothing is pending for you there any more.");
        return "redirect:/me/communities";
    }

    @PostMapping("/c/{slug}/leave")
    String leave(@PathVariable String slug, Viewer viewer, RedirectAttributes redirect) {
        if (communities.visibleTo(slug, viewer).isEmpty()) {
            throw new NotFound();
        }
        redirect.addFlashAttribute(Page.NOTICE, communities.leave(slug, viewer)
                ? "You have left the community."
                : "You are its only owner. Make another member an owner before you leave.");
        return "redirect:/me/communities";
    }

    @GetMapping("/c/{slug}/members")
    String members(@PathVariable String slug, Viewer viewer, Model model) {
        requireModerator(slug, viewer); // the member list is private: reading it is acting as a moderator
        var list = communities.members(slug, viewer).orElseThrow(NotFound::new);
        model.addAttribute("list", list);
        model.addAttribute("roles", Role.values());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/members";
    }

    @PostMapping("/c/{slug}/requests/{memberId}")
    String decide(@PathVariable String slug, @PathVariable String memberId, @RequestParam String decision,
            Viewer viewer, RedirectAttributes redirect) {
        requireModerator(slug, viewer);
        boolean approve = "approve".equals(decision);
        boolean done = communities.decideRequest(slug, viewer, memberId, approve);
        redirect.addFlashAttribute(Page.NOTICE, !done ? "That request was already answered."
                : approve ? "Request approved: they are a member now." : "Request declined.");
        return "redirect:/c/" + slug + "/members";
    }

    @PostMapping("/c/{slug}/invitations")
    String invite(@PathVariable String slug, @RequestParam(defaultValue = "") String handle, Viewer viewer,
            RedirectAttributes redirect) {
        requireModerator(slug, viewer);
        if (handle.isBlank() || handle.length() > 30) {
            redirect.addFlashAttribute(Page.NOTICE, "Write the handle of the person you want to invite.");
        } else {
            communities.invite(slug, viewer, handle.strip());
            redirect.addFlashAttribute(Page.NOTICE, "If a member uses the handle " + handle.strip()
                    + ", they will find your invitation under Mine.");
        }
        return "redirect:/c/" + slug + "/members";
    }

    @PostMapping("/c/{slug}/members/{memberId}/role")
    String changeRole(@PathVariable String slug, @PathVariable String memberId, @RequestParam Role role,
            Viewer viewer, RedirectAttributes redirect) {
        requireModerator(slug, viewer);
        redirect.addFlashAttribute(Page.NOTICE, communities.changeRole(slug, viewer, memberId, role)
                ? "Role changed to " + role.label().toLowerCase() + "."
                : "Only owners change roles, and not their own.");
        return "redirect:/c/" + slug + "/members";
    }

    /** Moderators act only with a second factor: a stolen password alone must not let anyone moderate. */
    private void requireModerator(String slug, Viewer viewer) {
        communities.visibleTo(slug, viewer).filter(Access::moderates).orElseThrow(NotFound::new);
        secondFactors.require(viewer);
    }
}
