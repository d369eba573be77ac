package org.hearth.clinician.web;

import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.moderation.SettleMisinformationFlags;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
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
 * The clinical review of flags of possible medical misinformation, for a community's advisors and
 * moderators (404 for everyone else): answer with an evidence note, or turn the flags down with
 * a reason.
 */
@Controller
class MisinformationPages {

    private static final String PAGE = "org/hearth/clinician/web/misinformation";

    private final Communities communities;
    private final SettleMisinformationFlags settle;

    MisinformationPages(Communities communities, SettleMisinformationFlags settle) {
        this.communities = communities;
        this.settle = settle;
    }

    @GetMapping("/c/{slug}/review/misinformation")
    String review(@PathVariable String slug, Viewer viewer, Model model) {
        return page(model, access(slug, viewer), viewer, null, FormErrors.NONE, "");
    }

    @PostMapping("/c/{slug}/review/misinformation/{postId}/dismiss")
    String dismiss(@PathVariable String slug, @PathVariable String postId, @RequestParam(defaultValue = "") String reason, Viewer viewer,
            Model model, RedirectAttributes redirect) {
        Access access = access(slug, viewer);
        var outcome = settle.run(new SettleMisinformationFlags.Input(access, viewer, postId, SettleMisinformationFlags.Answer.DISMISS, reason));
        String notice = switch (outcome) {
            case SettleMisinformationFlags.Outcome.Settled s -> s.flags() == 1 ? "The flag is turned down; the member who raised it is told."
                    : "The " + s.flags() + " flags are turned down; the members who raised them are told.";
            case SettleMisinformationFlags.Outcome.NothingWaiting n -> "No flag waits on that post any more: someone settled it a moment ago.";
            case SettleMisinformationFlags.Outcome.NotFound n -> throw new NotFound();
            case SettleMisinformationFlags.Outcome.NotAReviewer n -> throw new NotFound();
            case SettleMisinformationFlags.Outcome.ReasonMissing m -> null;
            case SettleMisinformationFlags.Outcome.ReasonTooLong t -> null;
        };
        if (notice == null) {
            String problem = outcome instanceof SettleMisinformationFlags.Outcome.ReasonTooLong(var max)
                    ? "Keep the reason under " + max + " characters; yours has " + reason.strip().length() + "."
                    : "Say why the flags are turned down: the members who raised them read it, and so does the public log.";
            return page(model, access, viewer, postId, FormErrors.of("reason", problem), reason);
        }
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/c/" + slug + "/review/misinformation";
    }

    private Access access(String slug, Viewer viewer) {
        if (viewer == null) {
            throw new NotFound();
        }
        return communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
    }

    private String page(Model model, Access access, Viewer viewer, String failedPostId, FormErrors errors, String reason) {
        model.addAttribute("review", settle.review(access, viewer).orElseThrow(NotFound::new));
        model.addAttribute("failedPostId", failedPostId);
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonMax", SettleMisinformationFlags.REASON_MAX);
        model.addAttribute(Page.NOINDEX, true);
        return PAGE;
    }
}
