package org.hearth.blocking.web;

import java.util.List;
import java.util.Map;
import org.hearth.blocking.BlockMember;
import org.hearth.blocking.Blocks;
import org.hearth.blocking.MuteTopic;
import org.hearth.blocking.UnblockMember;
import org.hearth.blocking.UnmuteTopic;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.CommunityNames;
import org.hearth.conversation.Conversations;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Blocking from a member's profile, muting from a topic page, and {@code /me/blocked}, where a
 * member sees and takes back both. Nothing here is ever shown to the member who was blocked.
 */
@Controller
class BlockingPages {

    private static final String BLOCKED_PAGE = "redirect:/me/blocked";

    private final Blocks blocks;
    private final BlockMember blockMember;
    private final UnblockMember unblockMember;
    private final MuteTopic muteTopic;
    private final UnmuteTopic unmuteTopic;
    private final Communities communities;
    private final CommunityNames communityNames;
    private final Conversations conversations;

    BlockingPages(Blocks blocks, BlockMember blockMember, UnblockMember unblockMember, MuteTopic muteTopic,
            UnmuteTopic unmuteTopic, Communities communities, CommunityNames communityNames, Conversations conversations) {
        this.blocks = blocks;
        this.blockMember = blockMember;
        this.unblockMember = unblockMember;
        this.muteTopic = muteTopic;
        this.unmuteTopic = unmuteTopic;
        this.communities = communities;
        this.communityNames = communityNames;
        this.conversations = conversations;
    }

    @GetMapping("/me/blocked")
    String page(Viewer viewer, Model model) {
        List<Blocks.Muted> muted = blocks.mutedBy(viewer);
        List<String> ids = muted.stream().map(Blocks.Muted::topicId).toList();
        List<Access> accesses = communityNames.byId(conversations.communitiesOfTopics(ids)).values().stream()
                .flatMap(named -> communities.visibleTo(named.slug(), viewer).stream())
                .toList();
        Map<String, Conversations.TopicLink> readable = conversations.readableTopics(accesses, ids);
        model.addAttribute("blocked", blocks.blockedBy(viewer));
        model.addAttribute("muted", muted.stream().map(m -> {
            var link = readable.get(m.topicId());
            return link == null ? new MutedTopic(m.topicId(), null, null, m.since())
                    : new MutedTopic(m.topicId(), link.title(), "/c/" + link.access().community().slug() + "/t/" + m.topicId(), m.since());
        }).toList());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/blocking/web/blocked";
    }

    @PostMapping("/m/{memberId}/block")
    String block(@PathVariable String memberId, Viewer viewer, RedirectAttributes redirect) {
        return switch (blockMember.run(new BlockMember.Input(viewer, memberId))) {
            case BlockMember.Outcome.Blocked(var id, var handle) -> toBlocked(redirect, "You blocked " + handle
                    + ". Their posts are folded for you; they are not told. You can unblock them here.");
            case BlockMember.Outcome.AlreadyBlocked(var id, var handle) ->
                    toBlocked(redirect, "You had already blocked " + handle + ": nothing changed.");
            case BlockMember.Outcome.Yourself y -> {
                redirect.addFlashAttribute(Page.NOTICE, "You cannot block yourself.");
                yield "redirect:/m/" + memberId;
            }
            case BlockMember.Outcome.NoSuchMember n -> throw new NotFound();
        };
    }

    private static String toBlocked(RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return BLOCKED_PAGE;
    }

    @PostMapping("/m/{memberId}/unblock")
    String unblock(@PathVariable String memberId, Viewer viewer, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Page.NOTICE, switch (unblockMember.run(new UnblockMember.Input(viewer, memberId))) {
            case UnblockMember.Outcome.Unblocked u -> "Unblocked: their posts show unfolded again.";
            case UnblockMember.Outcome.NotBlocked n -> "That member was not blocked: nothing changed.";
        });
        return BLOCKED_PAGE;
    }

    @PostMapping("/c/{slug}/t/{topicId}/mute")
    String mute(@PathVariable String slug, @PathVariable String topicId, Viewer viewer, RedirectAttributes redirect) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        redirect.addFlashAttribute(Page.NOTICE, switch (muteTopic.run(new MuteTopic.Input(access, viewer, topicId))) {
            case MuteTopic.Outcome.Muted m -> "Topic muted: it is left out of your topic lists. It stays here at its link.";
            case MuteTopic.Outcome.AlreadyMuted m -> "You had already muted this topic: nothing changed.";
            case MuteTopic.Outcome.NoSuchTopic n -> throw new NotFound();
        });
        return "redirect:/c/" + slug + "/t/" + topicId;
    }

    @PostMapping("/c/{slug}/t/{topicId}/unmute")
    String unmute(@PathVariable String slug, @PathVariable String topicId, Viewer viewer, RedirectAttributes redirect) {
        communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        redirect.addFlashAttribute(Page.NOTICE, unmuted(viewer, topicId));
        return "redirect:/c/" + slug + "/t/" + topicId;
    }

    /** From {@code /me/blocked}, also for a topic the member can no longer read. */
    @PostMapping("/me/blocked/topics/{topicId}/unmute")
    String unmuteFromList(@PathVariable String topicId, Viewer viewer, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Page.NOTICE, unmuted(viewer, topicId));
        return BLOCKED_PAGE;
    }

    private String unmuted(Viewer viewer, String topicId) {
        return switch (unmuteTopic.run(new UnmuteTopic.Input(viewer, topicId))) {
            case UnmuteTopic.Outcome.Unmuted u -> "Topic unmuted: it is back in your topic lists.";
            case UnmuteTopic.Outcome.NotMuted n -> "That topic was not muted: nothing changed.";
        };
    }
}
