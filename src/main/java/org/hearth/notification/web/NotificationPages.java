package org.hearth.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.notification.FollowCommunity;
import org.hearth.notification.FollowTopic;
import org.hearth.notification.Notifications;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /me/notifications}: what a member was told, grouped by topic, with the communities whose
 * new topics they follow. Opening one marks it read and goes to the post. Only its owner ever
 * sees the page; a notification of someone else is answered like a missing page.
 */
@Controller
class NotificationPages {

    private static final String PAGE = "redirect:/me/notifications";

    private final Notifications notifications;
    private final FollowCommunity followCommunity;
    private final FollowTopic followTopic;
    private final Communities communities;
    private final LiveUnreadCounts live;

    NotificationPages(Notifications notifications, FollowCommunity followCommunity, FollowTopic followTopic, Communities communities,
            LiveUnreadCounts live) {
        this.live = live;
        this.notifications = notifications;
        this.followCommunity = followCommunity;
        this.followTopic = followTopic;
        this.communities = communities;
    }

    @GetMapping("/me/notifications")
    String page(@RequestParam(defaultValue = "1") String page, Viewer viewer, Model model) {
        var followed = followCommunity.followedBy(viewer);
        List<Followable> mine = communities.mine(viewer).stream().filter(Access::member)
                .map(a -> new Followable(a, followed.contains(a.community().id()))).toList();
        model.addAttribute("listing", notifications.of(viewer, pageNumber(page)));
        model.addAttribute("communities", mine);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/notification/web/notifications";
    }

    /**
     * The member's unread count as server-sent events, for /js/unread.js in the header: the count
     * now, then again whenever it changes. 503 when the node keeps as many streams as it can: the
     * browser stops asking, and the header keeps the count of the page.
     */
    @GetMapping(path = "/me/notifications/live", produces = "text/event-stream")
    SseEmitter live(Viewer viewer, HttpServletResponse response) {
        if (!live.hasRoom()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
        }
        response.setHeader("X-Accel-Buffering", "no"); // a proxy must pass events on as they come
        return live.open(viewer.memberId());
    }

    @GetMapping("/me/notifications/{id}")
    String open(@PathVariable String id, Viewer viewer) {
        return "redirect:" + notifications.open(viewer, id).orElseThrow(NotFound::new);
    }

    @PostMapping("/me/notifications/read")
    String readAll(Viewer viewer, RedirectAttributes redirect) {
        int read = notifications.readAll(viewer);
        redirect.addFlashAttribute(Page.NOTICE, read == 0 ? "Nothing was unread." : "All your notifications are marked read.");
        return PAGE;
    }

    @PostMapping("/me/notifications/communities/{slug}")
    String followCommunity(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean follow, Viewer viewer,
            RedirectAttributes redirect) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        redirect.addFlashAttribute(Page.NOTICE, switch (followCommunity.run(new FollowCommunity.Input(access, viewer, follow))) {
            case FollowCommunity.Outcome.Following(var name) -> "You will hear about every new topic in " + name + ".";
            case FollowCommunity.Outcome.Stopped(var name) -> "You no longer hear about new topics in " + name
                    + ". You still hear about topics you wrote in.";
            case FollowCommunity.Outcome.NotAMember n -> "Only members of a community hear about its new topics. Join it first.";
        });
        return PAGE;
    }

    @PostMapping("/c/{slug}/t/{topicId}/follow")
    String followTopic(@PathVariable String slug, @PathVariable String topicId, @RequestParam(defaultValue = "false") boolean follow,
            @RequestParam(defaultValue = "") String back, Viewer viewer, RedirectAttributes redirect) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        redirect.addFlashAttribute(Page.NOTICE, switch (followTopic.run(new FollowTopic.Input(access, viewer, topicId, follow))) {
            case FollowTopic.Outcome.Following f -> "You will hear about new replies in this topic.";
            case FollowTopic.Outcome.Stopped s -> "You no longer hear about replies in this topic, even when you write in it again.";
            case FollowTopic.Outcome.NotAMember n -> "Only members of this community hear about its topics. Join it first.";
            case FollowTopic.Outcome.NoSuchTopic n -> throw new NotFound();
        });
        return "notifications".equals(back) ? PAGE : "redirect:/c/" + slug + "/t/" + topicId;
    }

    /** Anything that is not a page number shows the first page. */
    private static int pageNumber(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
