package org.hearth.clinician.web;

import org.hearth.clinician.NotesOnPosts;
import org.hearth.clinician.RateEvidenceNote;
import org.hearth.clinician.Stance;
import org.hearth.clinician.WriteEvidenceNote;
import org.hearth.clinician.web.ClinicianForms.NoteForm;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.conversation.Conversations.Location;
import org.hearth.conversation.HiddenPosts;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Writing an evidence note on a post, a note's own page where it is rated, and the notes that need ratings. */
@Controller
class EvidenceNotePages {

    private static final String FORM = "org/hearth/clinician/web/note-form";

    private final Communities communities;
    private final WriteEvidenceNote write;
    private final RateEvidenceNote rate;
    private final NotesOnPosts notes;

    EvidenceNotePages(Communities communities, WriteEvidenceNote write, RateEvidenceNote rate, NotesOnPosts notes) {
        this.communities = communities;
        this.write = write;
        this.rate = rate;
        this.notes = notes;
    }

    @GetMapping("/c/{slug}/p/{postId}/notes/new")
    String form(@PathVariable String slug, @PathVariable String postId, Viewer viewer, Model model, RedirectAttributes redirect) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        HiddenPosts.Post post = write.post(access, postId).orElseThrow(NotFound::new);
        if (!write.mayWrite(access, viewer)) {
            return back(redirect, slug, post.location(), "Evidence notes are written by verified clinicians, and by expert patients where the community allows it.");
        }
        return formPage(model, access, post, NoteForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/p/{postId}/notes")
    String write(@PathVariable String slug, @PathVariable String postId, @ModelAttribute NoteForm form, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        var outcome = write.run(new WriteEvidenceNote.Input(access, viewer, postId, form.stance(), form.explanation(), form.citations()));
        return switch (outcome) {
            case WriteEvidenceNote.Outcome.Written(var noteId, var location) -> back(redirect, slug, location,
                    "Your evidence note is saved. It shows under the post once patients and a clinician rate it helpful"
                            + " (at once when you serve on the community's clinical advisory board).");
            case WriteEvidenceNote.Outcome.NotFound n -> throw new NotFound();
            case WriteEvidenceNote.Outcome.NotVerified(var location) -> back(redirect, slug, location,
                    "Evidence notes are written by verified clinicians, and by expert patients where the community allows it.");
            case WriteEvidenceNote.Outcome.KeptAtADistance(var location) -> back(redirect, slug, location,
                    "This community keeps clinicians at a distance: only its clinical advisors write evidence notes here.");
            case WriteEvidenceNote.Outcome.NotAMember(var location) -> back(redirect, slug, location,
                    "Join this community to write evidence notes on its posts.");
            case WriteEvidenceNote.Outcome.Restricted(var location) -> back(redirect, slug, location,
                    "You cannot write here while you are muted or suspended. The reason is on your decisions page, /me/decisions.");
            case WriteEvidenceNote.Outcome.OwnPost(var location) -> back(redirect, slug, location,
                    "Evidence notes are about others' posts: you can edit your own post instead.");
            case WriteEvidenceNote.Outcome.AlreadyWritten(var noteId, var location) -> back(redirect, slug, location,
                    "You already wrote an evidence note on this post.");
            case WriteEvidenceNote.Outcome.Invalid(var problems) -> formPage(model, access,
                    write.post(access, postId).orElseThrow(NotFound::new), form, new FormErrors(problems));
        };
    }

    private String formPage(Model model, Access access, HiddenPosts.Post post, NoteForm form, FormErrors errors) {
        model.addAttribute("access", access);
        model.addAttribute("post", post);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("stances", Stance.values());
        model.addAttribute("explanationMax", WriteEvidenceNote.EXPLANATION_MAX);
        model.addAttribute(Page.NOINDEX, true);
        return FORM;
    }

    @GetMapping("/c/{slug}/notes/{noteId}")
    String note(@PathVariable String slug, @PathVariable String noteId, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        return notePage(model, access, notes.note(access, viewer, noteId).orElseThrow(NotFound::new), FormErrors.NONE, null, "");
    }

    private String notePage(Model model, Access access, NotesOnPosts.WithPost note, FormErrors errors, String helpful, String reason) {
        model.addAttribute("access", access);
        model.addAttribute("note", note.note());
        model.addAttribute("post", note.post());
        model.addAttribute("errors", errors);
        model.addAttribute("helpful", helpful);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonMax", RateEvidenceNote.REASON_MAX);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/clinician/web/note-page";
    }

    @PostMapping("/c/{slug}/notes/{noteId}/ratings")
    String rate(@PathVariable String slug, @PathVariable String noteId, @RequestParam(required = false) String helpful,
            @RequestParam(defaultValue = "") String reason, Viewer viewer, Model model, RedirectAttributes redirect) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        var outcome = rate.run(new RateEvidenceNote.Input(access, viewer, noteId, helpful, reason));
        return switch (outcome) {
            case RateEvidenceNote.Outcome.Rated(var location, var shown) -> toNotes(redirect, slug, shown
                    ? "Thank you for rating. The note shows under its post."
                    : "Thank you for rating. The note shows under its post once enough patients and clinicians found it helpful.");
            case RateEvidenceNote.Outcome.NotFound n -> throw new NotFound();
            case RateEvidenceNote.Outcome.NotARater(var location) -> back(redirect, slug, location,
                    "Members of this community, and its clinical advisors, rate its evidence notes.");
            case RateEvidenceNote.Outcome.OwnNote(var location) -> back(redirect, slug, location, "Others rate your note; you cannot rate it yourself.");
            case RateEvidenceNote.Outcome.OnYourPost(var location) -> back(redirect, slug, location,
                    "This note is about your post, so others rate it.");
            case RateEvidenceNote.Outcome.AlreadyRated(var location) -> back(redirect, slug, location, "You have already rated this note.");
            case RateEvidenceNote.Outcome.ChoiceMissing c -> notePage(model, access, notes.note(access, viewer, noteId).orElseThrow(NotFound::new),
                    FormErrors.of("helpful", "Say whether the note was helpful or not."), null, reason);
            case RateEvidenceNote.Outcome.ReasonTooLong(var max) -> notePage(model, access,
                    notes.note(access, viewer, noteId).orElseThrow(NotFound::new),
                    FormErrors.of("reason", "Keep the reason under " + max + " characters; yours has " + reason.strip().length() + "."), helpful, reason);
        };
    }

    @GetMapping("/c/{slug}/notes")
    String needingRatings(@PathVariable String slug, Viewer viewer, Model model) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        model.addAttribute("access", access);
        model.addAttribute("waiting", notes.needingRatings(access, viewer));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/clinician/web/notes-needing-ratings";
    }

    private static String toNotes(RedirectAttributes redirect, String slug, String notice) {
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/c/" + slug + "/notes";
    }

    private static String back(RedirectAttributes redirect, String slug, Location location, String notice) {
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/c/" + slug + "/t/" + location.topicId() + "?page=" + location.page() + "#p-" + location.postId();
    }
}
