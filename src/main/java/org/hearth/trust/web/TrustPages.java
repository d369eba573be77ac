package org.hearth.trust.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.Communities.Membership;
import org.hearth.identity.Members;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.hearth.privacy.StaffAccess;
import org.hearth.trust.SetTrustLevel;
import org.hearth.trust.TrustLevel;
import org.hearth.trust.TrustLevels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own standing in a community, and the page on which the community's moderators see
 * a member's standing and set their level. No one else sees anyone's level: every other visitor
 * gets the same 404 as for a community or member that does not exist.
 */
@Controller
class TrustPages {

    private static final String SECOND_FACTOR_FIRST = "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";
    private static final String AUTOMATIC = "earned";

    private final Communities communities;
    private final TrustLevels levels;
    private final SetTrustLevel setTrustLevel;
    private final Members members;
    private final StaffAccess staffAccess;

    TrustPages(Communities communities, TrustLevels levels, SetTrustLevel setTrustLevel, Members members, StaffAccess staffAccess) {
        this.staffAccess = staffAccess;
        this.communities = communities;
        this.levels = levels;
        this.setTrustLevel = setTrustLevel;
        this.members = members;
    }

    @GetMapping("/c/{slug}/standing")
    String own(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).filter(Access::member).orElseThrow(NotFound::new);
        model.addAttribute("access", access);
        model.addAttribute("standing", levels.standing(access.community().id(), viewer.memberId()));
        model.addAttribute("changes", levels.changes(access.community().id(), viewer.memberId()));
        model.addAttribute("levels", TrustLevel.values());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/trust/web/standing";
    }

    @GetMapping("/c/{slug}/members/{memberId}/trust")
    String member(@PathVariable String slug, @PathVariable String memberId, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).filter(Access::moderates).orElseThrow(NotFound::new);
        if (!access.canModerate()) {
            return SECOND_FACTOR_FIRST;
        }
        Membership member = communities.member(access, memberId).orElseThrow(NotFound::new);
        // what a member did in their community is theirs: the moderator's look is in their record
        staffAccess.record(member.memberId(), access.staffRole(),
                new StaffAccess.Where(access.community().id(), access.community().name()), StaffAccess.Seen.READ_TRUST_STANDING);
        return memberPage(model, access, member, null, "", null);
    }

    @PostMapping("/c/{slug}/members/{memberId}/trust")
    String set(@PathVariable String slug, @PathVariable String memberId, @RequestParam(defaultValue = "") String level,
            @RequestParam(required = false) String seen, @RequestParam(defaultValue = "") String reason, Viewer viewer,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (viewer == null) {
            throw new NotFound();
        }
        var input = new SetTrustLevel.Input(slug, viewer, memberId, levelOf(level), seenOf(seen), reason);
        String error = switch (setTrustLevel.run(input)) {
            case SetTrustLevel.Outcome.Set(var access, var from, var to, var held) -> {
                redirect.addFlashAttribute(Page.NOTICE, held
                        ? "Their level is now " + to.label() + ", and stays so until a moderator changes it."
                        : "Their level follows what they do here again: " + to.label() + " for now.");
                yield null;
            }
            case SetTrustLevel.Outcome.Unchanged(var now) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Nothing changed: their level already was " + now.label() + ".");
                yield null;
            }
            case SetTrustLevel.Outcome.NotFound n -> throw new NotFound();
            case SetTrustLevel.Outcome.SecondFactorNeeded f -> SECOND_FACTOR_FIRST;
            case SetTrustLevel.Outcome.OwnLevel o -> "No one sets their own level; another moderator can.";
            case SetTrustLevel.Outcome.ReasonMissing r -> "Say why, in a few words: the member reads it.";
            case SetTrustLevel.Outcome.ReasonTooLong r -> "Keep the reason under " + SetTrustLevel.MAX_REASON + " characters.";
            case SetTrustLevel.Outcome.ChangedMeanwhile(var now) -> "Another moderator changed their level meanwhile: it is "
                    + now.label() + " now. Look at it again below before changing it.";
        };
        if (error == null) {
            return "redirect:/c/" + slug + "/members/" + memberId + "/trust";
        }
        if (error.startsWith("redirect:")) {
            return error;
        }
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        Membership member = communities.member(access, memberId).orElseThrow(NotFound::new);
        response.setStatus(422);
        return memberPage(model, access, member, error, reason, level);
    }

    private String memberPage(Model model, Access access, Membership member, String error, String reason, String level) {
        var changes = levels.changes(access.community().id(), member.memberId());
        Set<String> changers = new HashSet<>();
        changes.stream().map(TrustLevels.Change::changedBy).filter(id -> id != null).forEach(changers::add);
        Map<String, String> handles = new HashMap<>(members.handles(changers));
        var standing = levels.standing(access.community().id(), member.memberId());
        model.addAttribute("access", access);
        model.addAttribute("member", member);
        model.addAttribute("standing", standing);
        model.addAttribute("changes", changes);
        model.addAttribute("changers", handles);
        model.addAttribute("levels", TrustLevel.values());
        model.addAttribute("error", error);
        model.addAttribute("reason", reason);
        model.addAttribute("chosen", level == null ? (standing.setByModerator() ? standing.level().name() : AUTOMATIC) : level);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/trust/web/member-trust";
    }

    private static TrustLevel levelOf(String sent) {
        for (TrustLevel level : TrustLevel.values()) {
            if (level.name().equals(sent)) {
                return level;
            }
        }
        return null; // "earned", or anything else: back to what they earned
    }

    private static TrustLevel seenOf(String sent) {
        return sent == null ? null : levelOf(sent);
    }
}
