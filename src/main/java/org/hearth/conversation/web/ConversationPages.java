package org.hearth.conversation.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.hearth.community.Access;
import org.hearth.community.Audience;
import org.hearth.community.Communities;
import org.hearth.community.CommunityNames;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.DeletePost;
import org.hearth.conversation.EditPost;
import org.hearth.conversation.PostCheck;
import org.hearth.conversation.PostChecks;
import org.hearth.conversation.PostView;
import org.hearth.conversation.PostsOnPage;
import org.hearth.conversation.ReactToPost;
import org.hearth.conversation.ReactionKind;
import org.hearth.conversation.ReadersChoices;
import org.hearth.conversation.ReplyToTopic;
import org.hearth.conversation.StartTopic;
import org.hearth.conversation.TopicExtension;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.text.Markdown;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Topic pages and their live replies, and writing: new topics, replies, edits, deletions and
 * reactions. Anything the viewer may not see answers 404. (The community page, whose topic list
 * is {@code topics.jte}, is composed in {@code org.hearth.web}.)
 */
@Controller
class ConversationPages {

    private static final String NEW_TOPIC = "org/hearth/conversation/web/new-topic";
    private static final String TOPIC = "org/hearth/conversation/web/topic";
    private static final String EDIT = "org/hearth/conversation/web/edit-post";
    private static final String DELETE = "org/hearth/conversation/web/delete-post";
    private static final int YOUR_POSTS_SHOWN = 200;

    private final Communities communities;
    private final CommunityNames communityNames;
    private final Conversations conversations;
    private final StartTopic startTopic;
    private final ReplyToTopic replyToTopic;
    private final EditPost editPost;
    private final DeletePost deletePost;
    private final ReactToPost reactToPost;
    private final LiveTopics live;
    private final PostExtensions extensions;
    private final TopicExtensions topicExtensions;
    private final PostChecks checks;
    private final Markdown markdown;
    /** Whether a feature keeps readers' choices, and so answers the topic page's mute forms. */
    private final boolean mutable;

    ConversationPages(Communities communities, CommunityNames communityNames, Conversations conversations, StartTopic startTopic,
            ReplyToTopic replyToTopic, EditPost editPost, DeletePost deletePost, ReactToPost reactToPost,
            LiveTopics live, PostExtensions extensions, TopicExtensions topicExtensions, PostChecks checks, Markdown markdown,
            ObjectProvider<ReadersChoices> readersChoices) {
        this.topicExtensions = topicExtensions;
        this.communities = communities;
        this.communityNames = communityNames;
        this.conversations = conversations;
        this.startTopic = startTopic;
        this.replyToTopic = replyToTopic;
        this.editPost = editPost;
        this.deletePost = deletePost;
        this.reactToPost = reactToPost;
        this.live = live;
        this.extensions = extensions;
        this.checks = checks;
        this.markdown = markdown;
        this.mutable = readersChoices.getIfUnique() != null;
    }

    @GetMapping("/c/{slug}/new")
    String newTopic(@PathVariable String slug, Viewer viewer, Model model, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        if (!access.canPost()) {
            redirect.addFlashAttribute(Page.NOTICE, cannotWrite(access, "Join this community to start a topic."));
            return "redirect:/c/" + slug;
        }
        return topicForm(model, PostForms.NewTopic.empty(), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/topics")
    String startTopic(@PathVariable String slug, @Valid @ModelAttribute("form") PostForms.NewTopic form,
            BindingResult result, Viewer viewer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        if (!access.canPost()) {
            redirect.addFlashAttribute(Page.NOTICE, cannotWrite(access, "Join this community to start a topic."));
            return "redirect:/c/" + slug;
        }
        if (result.hasErrors()) {
            return topicForm(model, form, FormErrors.of(result));
        }
        var checked = new PostCheck.Post(access, viewer, PostCheck.Kind.TOPIC, form.title(), form.body(),
                Boolean.TRUE.equals(form.anonymous()), form.answer(), "/c/" + slug + "/topics", form.fields());
        switch (checks.check(checked)) {
            case PostCheck.Verdict.Show(var view, var shown) -> {
                model.addAllAttributes(shown);
                return view;
            }
            case PostCheck.Verdict.BackToForm back -> {
                return topicForm(model, form.unanswered(), FormErrors.NONE);
            }
            case PostCheck.Verdict.Store store -> {
            }
        }
        var input = new StartTopic.Input(access, viewer, form.draft(), form.shown(), form.key());
        StartTopic.Outcome outcome;
        try {
            outcome = startTopic.run(input);
        } catch (DataAccessException | TransactionException e) {
            // The database failed, perhaps while committing: look for what this form stored before saying anything.
            Optional<StartTopic.Outcome.AlreadySaved> saved = ifReadable(() -> startTopic.savedEarlier(input));
            if (saved.isPresent()) {
                outcome = saved.get();
            } else {
                result.reject("unconfirmed", "We could not confirm that your topic was saved. Look for it among the community's "
                        + "topics (the link above): if it is not there, post it again. It will not be stored twice.");
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                return topicForm(model, form, FormErrors.of(result));
            }
        }
        return switch (outcome) {
            case StartTopic.Outcome.Started(var topicId, var held) -> {
                String told = checked.answered()
                        ? conversations.openingPostId(access, topicId).map(postId -> checks.stored(checked, postId)).orElse("") : "";
                String posted = held ? "Your topic is saved. This community lets new members' posts through one by one: others "
                        + "will see it once a moderator has. " : "Your topic is posted. ";
                redirect.addFlashAttribute(Page.NOTICE, withImageNote((posted + told).strip(), form.body()));
                yield "redirect:/c/" + slug + "/t/" + topicId;
            }
            case StartTopic.Outcome.AlreadySaved(var topicId) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Your topic is posted. It was sent more than once and is stored once.");
                yield "redirect:/c/" + slug + "/t/" + topicId;
            }
            case StartTopic.Outcome.NotAMember n -> {
                redirect.addFlashAttribute(Page.NOTICE, cannotWrite(access, "Join this community to start a topic."));
                yield "redirect:/c/" + slug;
            }
            case StartTopic.Outcome.AudienceWidened(var now) -> {
                result.reject("audience-widened", now.widenedWhileWriting(form.shown()));
                visible(slug, viewer, model); // the form again, telling who reads the community now
                yield topicForm(model, form, FormErrors.of(result));
            }
            case StartTopic.Outcome.OverLimit(var why) -> {
                result.reject("over-limit", why);
                response.setStatus(422);
                yield topicForm(model, form, FormErrors.of(result));
            }
        };
    }

    @GetMapping("/c/{slug}/t/{topicId}")
    String topic(@PathVariable String slug, @PathVariable String topicId, @RequestParam(defaultValue = "1") int page,
            @RequestParam MultiValueMap<String, String> parameters, Viewer viewer, Model model) {
        Access access = visible(slug, viewer, model);
        return showTopic(access, topicId, page, viewer, model, PostForms.Reply.empty(), FormErrors.NONE, parameters);
    }

    /**
     * New posts of a topic as server-sent events, for /js/live.js on the topic's last page. Who
     * may follow it is decided as for the page itself. {@code after} is the last position the
     * page shows; a reconnecting browser says what it has with {@code Last-Event-ID} instead.
     */
    @GetMapping("/c/{slug}/t/{topicId}/live")
    SseEmitter live(@PathVariable String slug, @PathVariable String topicId, @RequestParam(required = false) String after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Viewer viewer, Model model,
            HttpServletResponse response) {
        Access access = visible(slug, viewer, model);
        OptionalInt latest = conversations.latestPosition(access, topicId);
        var opening = conversations.opening(access, topicId);
        if (latest.isEmpty() || opening.isEmpty()) {
            throw new NotFound();
        }
        if (!live.hasRoom()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE); // the browser stops asking
        }
        response.setHeader("X-Accel-Buffering", "no"); // a proxy must pass events on as they come
        Integer known = position(lastEventId);
        return live.open(access, viewer, topicId, opening.get().kind(), latest.getAsInt(), known != null ? known : position(after));
    }

    private static Integer position(String text) {
        if (text == null || text.isBlank() || text.length() > 9) {
            return null;
        }
        try {
            return Math.max(-1, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/c/{slug}/t/{topicId}/replies")
    String reply(@PathVariable String slug, @PathVariable String topicId,
            @Valid @ModelAttribute("form") PostForms.Reply form, BindingResult result, Viewer viewer, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        PostCheck.Post checked = null;
        if (!result.hasErrors() && viewer != null && access.canPost()) {
            checked = new PostCheck.Post(access, viewer, PostCheck.Kind.REPLY, null, form.body(),
                    Boolean.TRUE.equals(form.anonymous()), form.answer(), "/c/" + slug + "/t/" + topicId + "/replies", form.fields());
            switch (checks.check(checked)) {
                case PostCheck.Verdict.Show(var view, var shown) -> {
                    model.addAllAttributes(shown);
                    return view;
                }
                case PostCheck.Verdict.BackToForm back -> {
                    return showTopic(access, topicId, Integer.MAX_VALUE, viewer, model, form.unanswered(), FormErrors.NONE);
                }
                case PostCheck.Verdict.Store store -> {
                }
            }
        }
        if (!result.hasErrors()) {
            var input = new ReplyToTopic.Input(access, viewer, topicId, form.draft(), form.shown(), form.key());
            ReplyToTopic.Outcome outcome;
            try {
                outcome = replyToTopic.run(input);
            } catch (DataAccessException | TransactionException e) {
                // The database failed, perhaps while committing: look for what this form stored before saying anything.
                Optional<ReplyToTopic.Outcome.AlreadySaved> saved = ifReadable(() -> replyToTopic.savedEarlier(input));
                if (saved.isEmpty()) {
                    result.reject("unconfirmed", "We could not confirm that your reply was saved. Here is the topic: if your "
                            + "reply is not there, post it again. It will not be stored twice.");
                    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                    return showTopic(access, topicId, Integer.MAX_VALUE, viewer, model, form, FormErrors.of(result));
                }
                outcome = saved.get();
            }
            switch (outcome) {
                case ReplyToTopic.Outcome.Replied(var location, var held) -> {
                    String told = checked != null ? checks.stored(checked, location.postId()) : "";
                    if (held) {
                        told = ("This community lets new members' posts through one by one: others will see your reply once a "
                                + "moderator has. " + told).strip();
                    }
                    if (markdown.hasImages(form.body()) || !told.isEmpty()) { // otherwise the reply itself says it was posted
                        redirect.addFlashAttribute(Page.NOTICE, ("Your reply is posted. " + told + " "
                                + (markdown.hasImages(form.body()) ? Markdown.WHY_NO_IMAGES : "")).strip());
                    }
                    return to(slug, location);
                }
                case ReplyToTopic.Outcome.AlreadySaved(var location) -> {
                    redirect.addFlashAttribute(Page.NOTICE, "Your reply is posted. It was sent more than once and is stored once.");
                    return to(slug, location);
                }
                case ReplyToTopic.Outcome.Locked l -> result.reject("locked",
                        "A moderator locked this topic: it takes no new replies. Nothing was posted; what you wrote is still below.");
                case ReplyToTopic.Outcome.NotAMember n -> result.reject("not-member", cannotWrite(access, "Join this community to reply."));
                case ReplyToTopic.Outcome.NoSuchTopic n -> throw new NotFound();
                case ReplyToTopic.Outcome.AudienceWidened(var now) -> {
                    result.reject("audience-widened", now.widenedWhileWriting(form.shown()));
                    access = visible(slug, viewer, model); // the form again, telling who reads the community now
                }
                case ReplyToTopic.Outcome.OverLimit(var why) -> result.reject("over-limit", why);
            }
        }
        response.setStatus(422); // the form again, with what they wrote and why it was not posted
        return showTopic(access, topicId, Integer.MAX_VALUE, viewer, model, form, FormErrors.of(result));
    }

    /** What a lookup finds; empty when the database cannot answer it either. */
    private static <T> Optional<T> ifReadable(Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (DataAccessException | TransactionException e) {
            return Optional.empty();
        }
    }

    @GetMapping("/c/{slug}/p/{postId}/edit")
    String editForm(@PathVariable String slug, @PathVariable String postId, Viewer viewer, Model model) {
        Access access = visible(slug, viewer, model);
        var draft = conversations.ownDraft(access, viewer, postId).orElseThrow(NotFound::new);
        return editForm(model, access, postId, new PostForms.Edit(draft.title(), draft.body(),
                draft.contentWarning() == null ? "" : draft.contentWarning()), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/p/{postId}/edit")
    String edit(@PathVariable String slug, @PathVariable String postId, @Valid @ModelAttribute("form") PostForms.Edit form,
            BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        PostCheck.Post checked = null;
        if (!result.hasErrors() && conversations.ownDraft(access, viewer, postId).isPresent()) {
            checked = new PostCheck.Post(access, viewer, PostCheck.Kind.EDIT, form.title(), form.body(), false, form.answer(),
                    "/c/" + slug + "/p/" + postId + "/edit", form.fields());
            switch (checks.check(checked)) {
                case PostCheck.Verdict.Show(var view, var shown) -> {
                    model.addAllAttributes(shown);
                    return view;
                }
                case PostCheck.Verdict.BackToForm back -> {
                    return editForm(model, access, postId, form.unanswered(), FormErrors.NONE);
                }
                case PostCheck.Verdict.Store store -> {
                }
            }
        }
        if (!result.hasErrors()) {
            switch (editPost.run(new EditPost.Input(access, viewer, postId, form.draft()))) {
                case EditPost.Outcome.Edited(var location) -> {
                    String told = checked != null ? checks.stored(checked, location.postId()) : "";
                    redirect.addFlashAttribute(Page.NOTICE, withImageNote(("Your changes are saved. " + told).strip(), form.body()));
                    // someone who left a members-only community sees their own post only, here
                    return access.canRead() ? to(slug, location) : "redirect:/c/" + slug + "/p/" + postId + "/edit";
                }
                case EditPost.Outcome.TitleMissing t -> result.rejectValue("title", "blank", "A topic needs a title.");
                case EditPost.Outcome.AlreadyDeleted d ->
                        result.reject("deleted", "This post was deleted meanwhile, so nothing was saved. What you wrote is still below.");
                case EditPost.Outcome.WaitsForModerators w -> result.reject("waits",
                        "This post is hidden and waits for a moderator: it was already edited once to ask for another look, "
                        + "or a moderator hid it. Nothing was saved; what you wrote is still below.");
                case EditPost.Outcome.NotFound n -> throw new NotFound();
                case EditPost.Outcome.NotYourPost n -> throw new NotFound();
                case EditPost.Outcome.OverLimit(var why) -> result.reject("over-limit", why);
            }
        }
        return editForm(model, access, postId, form, FormErrors.of(result));
    }

    private String editForm(Model model, Access access, String postId, PostForms.Edit form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("opening", form.title() != null); // the form of an opening post always sends its title
        model.addAttribute("postId", postId);
        model.addAttribute("errors", errors);
        model.addAttribute("imagesLeftOut", markdown.hasImages(form.body()));
        return EDIT;
    }

    /**
     * Asks before a post is deleted, and says what is lost: a page of its own, so that it works
     * without JavaScript and one stray tap deletes nothing.
     */
    @GetMapping("/c/{slug}/p/{postId}/delete")
    String confirmDelete(@PathVariable String slug, @PathVariable String postId, Viewer viewer, Model model) {
        Access access = visible(slug, viewer, model);
        var draft = conversations.ownDraft(access, viewer, postId).orElseThrow(NotFound::new);
        model.addAttribute("draft", draft);
        model.addAttribute("postId", postId);
        model.addAttribute("back", access.canRead()
                ? conversations.locate(access, postId).map(l -> "/c/" + slug + "/t/" + l.topicId() + "?page=" + l.page() + "#p-" + postId)
                        .orElse("/c/" + slug)
                : "/c/" + slug + "/p/" + postId + "/edit");
        model.addAttribute(Page.NOINDEX, true);
        return DELETE;
    }

    @PostMapping("/c/{slug}/p/{postId}/delete")
    String delete(@PathVariable String slug, @PathVariable String postId, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        return switch (deletePost.run(new DeletePost.Input(access, viewer, postId))) {
            case DeletePost.Outcome.Deleted(var location) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Your post is deleted, with its earlier versions.");
                // someone who left a members-only community no longer reads its topics: back to their own posts
                yield access.canRead() ? to(slug, location) : "redirect:/me/posts";
            }
            case DeletePost.Outcome.AlreadyDeleted(var location) -> {
                redirect.addFlashAttribute(Page.NOTICE, "That post was already deleted.");
                yield to(slug, location);
            }
            case DeletePost.Outcome.NotYourPost n -> throw new NotFound();
            case DeletePost.Outcome.NotFound n -> throw new NotFound();
        };
    }

    @PostMapping("/c/{slug}/p/{postId}/reactions")
    String react(@PathVariable String slug, @PathVariable String postId, @RequestParam ReactionKind kind,
            @RequestParam(required = false) String had, Viewer viewer, Model model, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        // the page showed the reaction as given (then this takes it back) or not (then this gives it)
        Boolean give = had == null ? null : !List.of(had.split(",")).contains(kind.name());
        return switch (reactToPost.run(new ReactToPost.Input(access, viewer, postId, kind, give))) {
            case ReactToPost.Outcome.Given(var location) -> to(slug, location);
            case ReactToPost.Outcome.TakenBack(var location) -> to(slug, location);
            case ReactToPost.Outcome.NotAMember(var location) -> {
                redirect.addFlashAttribute(Page.NOTICE, cannotWrite(access, "Join this community to react to posts."));
                yield to(slug, location);
            }
            case ReactToPost.Outcome.PostDeleted(var location) -> {
                redirect.addFlashAttribute(Page.NOTICE, "That post was deleted by its author.");
                yield to(slug, location);
            }
            case ReactToPost.Outcome.NotFound n -> throw new NotFound();
        };
    }

    /**
     * The member's own posts, with their edit and delete links: the way back to what they wrote
     * in a community they left. Communities they may no longer even see (hidden ones) are left out.
     */
    @GetMapping("/me/posts")
    String yourPosts(Viewer viewer, Model model) {
        List<Access> visible = communityNames.byId(conversations.communitiesWrittenIn(viewer)).values().stream()
                .flatMap(named -> communities.visibleTo(named.slug(), viewer).stream())
                .toList();
        model.addAttribute("posts", conversations.ownPosts(viewer, visible, YOUR_POSTS_SHOWN));
        model.addAttribute("limit", YOUR_POSTS_SHOWN);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/conversation/web/your-posts";
    }

    @GetMapping("/c/{slug}/p/{postId}/history")
    String history(@PathVariable String slug, @PathVariable String postId, Viewer viewer, Model model) {
        Access access = visible(slug, viewer, model);
        if (access.moderates() && !access.canModerate()) {
            return "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required"; // earlier versions are private
        }
        model.addAttribute("revisions", conversations.revisions(access, viewer, postId).orElseThrow(NotFound::new));
        model.addAttribute("location", conversations.locate(access, postId).orElseThrow(NotFound::new));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/conversation/web/history";
    }

    private String showTopic(Access access, String topicId, int page, Viewer viewer, Model model,
            PostForms.Reply form, FormErrors errors) {
        return showTopic(access, topicId, page, viewer, model, form, errors, new LinkedMultiValueMap<>());
    }

    private String showTopic(Access access, String topicId, int page, Viewer viewer, Model model,
            PostForms.Reply form, FormErrors errors, MultiValueMap<String, String> parameters) {
        var topic = conversations.topic(access, topicId, viewer, page).orElseThrow(NotFound::new);
        model.addAttribute("topic", topic);
        // what other features add to the topic as a whole, with its opening post and concealed with it
        PostView opening = topic.posts().isEmpty() ? null : topic.posts().getFirst();
        model.addAttribute("aboveReplies", opening != null && opening.opening() && !opening.concealed()
                ? topicExtensions.of(new TopicExtension.TopicShown(access, viewer, topic.id(), topic.kind(), topic.locked(),
                        opening.mine() && !opening.deleted(), parameters))
                : List.of());
        model.addAttribute("additions", extensions.of(PostsOnPage.asSeenBy(access, viewer, topic.id(), topic.kind(), topic.posts())));
        // what other features offer a member on every page of it: following its replies
        model.addAttribute("forMember", viewer != null && access.member()
                ? topicExtensions.forMember(new TopicExtension.TopicShown(access, viewer, topic.id(), topic.kind(), topic.locked(),
                        opening != null && opening.opening() && opening.mine() && !opening.deleted(), parameters))
                : List.of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reactionKinds", ReactionKind.values());
        model.addAttribute("mutable", mutable);
        return TOPIC;
    }

    /** A notice, and why images are not shown when the text had some. */
    private String withImageNote(String notice, String body) {
        return markdown.hasImages(body) ? notice + " " + Markdown.WHY_NO_IMAGES : notice;
    }

    private String topicForm(Model model, PostForms.NewTopic form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        // a decision sets out its options on a form of its own (the decision feature's); one sent from here has none yet
        model.addAttribute("kinds", java.util.Arrays.stream(TopicKind.values()).filter(kind -> kind != TopicKind.DECISION).toArray(TopicKind[]::new));
        return NEW_TOPIC;
    }

    private static String to(String slug, Conversations.Location location) {
        return "redirect:/c/" + slug + "/t/" + location.topicId() + "?page=" + location.page() + "#p-" + location.postId();
    }

    /** The community as this viewer may see it; adds it to the model, keeps non-public pages out of search engines. */
    private Access visible(String slug, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        model.addAttribute("access", access);
        model.addAttribute(Page.NOINDEX, !access.community().openToSearchEngines());
        return access;
    }

    /** Why this member may not write here: a mute or suspension in force, or clinicians kept at a distance, in words, or else the given reason. */
    static String cannotWrite(Access access, String otherwise) {
        Access.Restriction restriction = access.restriction();
        if (access.readsOnly()) {
            return "This community keeps clinicians at a distance: you read here, but do not write, reply or react.";
        }
        return restriction == null ? otherwise : "You are " + restriction.kind().word() + " in this community until "
                + org.hearth.platform.web.When.readable(restriction.until()) + ". The reason is on your decisions page, /me/decisions.";
    }
}
