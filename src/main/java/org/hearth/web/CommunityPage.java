package org.hearth.web;

import org.hearth.clinician.AdvisoryBoards;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.Rules;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.TopicKind;
import org.hearth.conversation.TopicSummary;
import org.hearth.decision.DecisionTopics;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A community's page: the community's header (what it is for, joining and leaving) above its
 * topics, with its clinical advisory board when it has one. A community the viewer may not see answers 404.
 */
@Controller
class CommunityPage {

    private final Communities communities;
    private final Conversations conversations;
    private final Rules rules;
    private final AdvisoryBoards boards;
    private final DecisionTopics decisionTopics;

    CommunityPage(Communities communities, Conversations conversations, Rules rules, AdvisoryBoards boards, DecisionTopics decisionTopics) {
        this.decisionTopics = decisionTopics;
        this.communities = communities;
        this.conversations = conversations;
        this.rules = rules;
        this.boards = boards;
    }

    @GetMapping("/c/{slug}")
    String community(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        int topicCount = conversations.topicCount(access);
        int pageCount = Math.max(1, (topicCount + Conversations.TOPICS_PER_PAGE - 1) / Conversations.TOPICS_PER_PAGE);
        int shown = Math.min(Math.max(1, page), pageCount);
        model.addAttribute("access", access);
        model.addAttribute(Page.NOINDEX, !access.community().openToSearchEngines());
        var topics = conversations.topics(access, viewer, shown);
        model.addAttribute("topics", topics);
        // a decision says how many options and experiences it has, beside its kind
        model.addAttribute("topicNotes", decisionTopics.listed(topics.stream().filter(t -> t.kind() == TopicKind.DECISION)
                .map(TopicSummary::id).toList()));
        model.addAttribute("pageNumber", shown);
        model.addAttribute("pageCount", pageCount);
        var board = boards.board(access);
        model.addAttribute("board", board);
        model.addAttribute("advisor", viewer != null && board.stream().anyMatch(a -> a.memberId().equals(viewer.memberId())));
        model.addAttribute("rulesChangedTo", viewer == null ? null : rules.changedSinceJoined(access, viewer.memberId()).orElse(null));
        return "org/hearth/web/community";
    }
}
