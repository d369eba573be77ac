package org.hearth.crisis.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.conversation.Conversations;
import org.hearth.crisis.CrisisResources;
import org.hearth.crisis.HandleAlert;
import org.hearth.crisis.ReportConcern;
import org.hearth.crisis.SupportAlerts;
import org.hearth.identity.Members;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
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
 * The moderators' list of members who may need support ({@code /c/{slug}/support}), and the
 * page on which a member says they are worried about a post's author. Anyone else gets 404.
 * A simple list for now: a moderation queue may take these alerts over.
 */
@Controller
class SupportPages {

    private static final int SHOWN = 200;

    private final Communities communities;
    private final Conversations conversations;
    private final SupportAlerts alerts;
    private final HandleAlert handleAlert;
    private final ReportConcern reportConcern;
    private final Members members;
    private final CrisisResources resources;

    SupportPages(Communities communities, Conversations conversations, SupportAlerts alerts, HandleAlert handleAlert,
            ReportConcern reportConcern, Members members, CrisisResources resources) {
        this.communities = communities;
        this.conversations = conversations;
        this.alerts = alerts;
        this.handleAlert = handleAlert;
        this.reportConcern = reportConcern;
        this.members = members;
        this.resources = resources;
    }

    @GetMapping("/c/{slug}/support")
    String list(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = moderated(slug, viewer);
        if (!access.canModerate()) {
            return "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";
        }
        List<SupportAlerts.Alert> found = alerts.ofCommunity(access.community().id(), SHOWN);
        Set<String> people = new HashSet<>();
        found.forEach(a -> {
            people.add(a.memberId());
            if (a.reportedBy() != null) {
                people.add(a.reportedBy());
            }
            if (a.handledBy() != null) {
                people.add(a.handledBy());
            }
        });
        Map<String, String> handles = members.handles(people);
        Map<String, Conversations.Location> places = conversations.locate(access, found.stream().map(SupportAlerts.Alert::postId).toList());
        model.addAttribute("access", access);
        model.addAttribute("rows", found.stream().map(a -> new SupportRow(a.id(), a.kind() == SupportAlerts.Kind.ASKED, a.createdAt(),
                java.util.Optional.ofNullable(places.get(a.postId()))
                        .map(l -> "/c/" + slug + "/t/" + l.topicId() + "?page=" + l.page() + "#p-" + l.postId()).orElse(null),
                handles.get(a.memberId()), a.anonymous(), a.reportedBy() == null ? null : handles.get(a.reportedBy()),
                a.kind() == SupportAlerts.Kind.CONCERN && a.reportedBy() == null, a.note(), a.handledAt(),
                a.handledBy() == null ? null : handles.get(a.handledBy()))).toList());
        model.addAttribute("limit", SHOWN);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/crisis/web/support";
    }

    @PostMapping("/c/{slug}/support/{alertId}/handled")
    String handled(@PathVariable String slug, @PathVariable String alertId, Viewer viewer, RedirectAttributes redirect) {
        Access access = moderated(slug, viewer);
        return switch (handleAlert.run(new HandleAlert.Input(access, viewer, alertId))) {
            case HandleAlert.Outcome.Handled h -> {
                redirect.addFlashAttribute(Page.NOTICE, "Marked as handled.");
                yield "redirect:/c/" + slug + "/support";
            }
            case HandleAlert.Outcome.AlreadyHandled h -> {
                redirect.addFlashAttribute(Page.NOTICE, "Another moderator marked it as handled first.");
                yield "redirect:/c/" + slug + "/support";
            }
            case HandleAlert.Outcome.SecondFactorNeeded s -> "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";
            case HandleAlert.Outcome.NotFound n -> throw new NotFound();
        };
    }

    @GetMapping("/c/{slug}/p/{postId}/worried")
    String worriedForm(@PathVariable String slug, @PathVariable String postId, Viewer viewer, Model model) {
        Access access = reportable(slug, postId, viewer);
        return worried(model, access, postId, "", null);
    }

    @PostMapping("/c/{slug}/p/{postId}/worried")
    String worried(@PathVariable String slug, @PathVariable String postId, @RequestParam(defaultValue = "") String note,
            Viewer viewer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access access = reportable(slug, postId, viewer);
        String error = switch (reportConcern.run(new ReportConcern.Input(access, viewer, postId, note))) {
            case ReportConcern.Outcome.Reported(var alertId, var post) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Thank you for looking out for them. The moderators of "
                        + access.community().name() + " will look in. Nobody is told that it was you.");
                yield null;
            }
            case ReportConcern.Outcome.NotAMember n -> throw new NotFound();
            case ReportConcern.Outcome.NoSuchPost n -> throw new NotFound();
            case ReportConcern.Outcome.OwnPost own ->
                    "This is your own post. If you are struggling, the people below listen, day or night.";
            case ReportConcern.Outcome.NoteTooLong(var length) ->
                    "Keep the note under " + ReportConcern.MAX_NOTE + " characters; yours has " + length + ".";
            case ReportConcern.Outcome.AlreadyReported(var every) ->
                    "You told the moderators about this member in the last " + every.toDays()
                            + " days, and they have it. If you think they are in danger now, call your local emergency number.";
            case ReportConcern.Outcome.TooManyToday(var perDay) ->
                    "You have told moderators about " + perDay + " members today, as many as a day allows. Try again "
                            + "tomorrow. If you think someone is in danger now, call your local emergency number.";
        };
        if (error == null) {
            return conversations.locate(access, postId)
                    .map(l -> "redirect:/c/" + slug + "/t/" + l.topicId() + "?page=" + l.page() + "#p-" + l.postId())
                    .orElse("redirect:/c/" + slug);
        }
        response.setStatus(422);
        return worried(model, access, postId, note, error);
    }

    private String worried(Model model, Access access, String postId, String note, String error) {
        model.addAttribute("access", access);
        model.addAttribute("postId", postId);
        model.addAttribute("note", note);
        model.addAttribute("error", error);
        model.addAttribute("maxNote", ReportConcern.MAX_NOTE);
        model.addAttribute("resources", resources.all());
        model.addAttribute("back", conversations.locate(access, postId)
                .map(l -> "/c/" + access.community().slug() + "/t/" + l.topicId() + "?page=" + l.page() + "#p-" + l.postId())
                .orElse("/c/" + access.community().slug()));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/crisis/web/worried";
    }

    /** A community this viewer moderates (second factor or not); 404 for anyone else, as if there were no such page. */
    private Access moderated(String slug, Viewer viewer) {
        return communities.visibleTo(slug, viewer).filter(Access::moderates).orElseThrow(NotFound::new);
    }

    /** A post a member of the community may read and that is still there; 404 otherwise. */
    private Access reportable(String slug, String postId, Viewer viewer) {
        Access access = communities.visibleTo(slug, viewer).filter(Access::canPost).orElseThrow(NotFound::new);
        conversations.writtenBy(access, postId).filter(p -> !p.deleted()).orElseThrow(NotFound::new);
        return access;
    }
}
