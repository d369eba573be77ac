package org.hearth.clinician;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.conversation.HiddenPosts;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * Evidence notes as a reader may see them. A note whose author no longer writes with standing
 * (verification ended or revoked, expert patient mark taken away) is shown to no one. A note
 * members see: shown by ratings, or by one of the community's advisors. A note that still needs
 * ratings: its author and those who rated it see it, and those who may rate it are offered it to
 * rate, on its own page and on the community's page of notes needing ratings. No one is shown how anyone rated, but
 * for their own rating.
 */
@Service
public class NotesOnPosts {

    private static final int NEEDING_RATINGS_SHOWN = 50;

    private final EvidenceNotes notes;
    private final HiddenPosts posts;

    NotesOnPosts(EvidenceNotes notes, HiddenPosts posts) {
        this.notes = notes;
        this.posts = posts;
    }

    /**
     * Who wrote a note, as it says: a verified clinician with profession and specialty (their
     * badge page says more), or an expert patient the community's moderators marked.
     */
    public record Writer(String memberId, boolean clinician, Profession profession, String specialty) {

        public String label() {
            if (!clinician) {
                return "Expert patient of this community";
            }
            return profession.label() + (specialty == null || specialty.isBlank() ? "" : " · " + specialty);
        }
    }

    /**
     * One note for one reader.
     *
     * @param location where its post is; null on a topic page, which shows it under its post
     * @param members members see it under its post: shown by ratings or written by an advisor
     * @param mine the reader wrote it
     * @param ratedHelpful the reader's own rating, null when they did not rate
     * @param mayRate the reader may rate it now
     */
    public record Note(String id, String postId, Location location, Stance stance, String explanationHtml, List<Citation> citations,
            Writer writer, boolean members, boolean byAdvisor, boolean mine, Boolean ratedHelpful, boolean mayRate, long writtenAt) {

        /** Still waiting for ratings before members see it. */
        public boolean waiting() {
            return !members;
        }
    }

    /** The notes of a page's posts, by post, and whether the reader may write one on a post of theirs. */
    public record OnPage(Map<String, List<Note>> byPost, boolean readerMayWrite) {

        public List<Note> of(String postId) {
            return byPost.getOrDefault(postId, List.of());
        }

        /** The reader already has a note on this post. */
        public boolean wroteOn(String postId) {
            return of(postId).stream().anyMatch(Note::mine);
        }
    }

    /** One note with the post it is on, for the note's own page. */
    public record WithPost(Note note, HiddenPosts.Post post) {
    }

    /**
     * The notes on a topic page's posts (hidden and deleted posts are left out by the caller) as
     * this reader may see them, in one query. {@code forEveryone}: the page goes to every live
     * reader, so only what members see is in it.
     */
    public OnPage onPage(Access access, Viewer viewer, Collection<String> postIds, boolean forEveryone) {
        Viewer reader = forEveryone ? null : viewer;
        EvidenceNotes.Page page = notes.onPosts(access.community().id(), postIds, reader == null ? null : reader.memberId());
        Map<String, List<Note>> byPost = new LinkedHashMap<>();
        for (EvidenceNotes.OnPage row : page.notes()) {
            note(access, reader, page.reader(), row, null).ifPresent(n -> byPost.computeIfAbsent(n.postId(), id -> new java.util.ArrayList<>()).add(n));
        }
        return new OnPage(byPost, reader != null && page.reader().mayWrite(access));
    }

    /** One note with its post, if the reader may see it: its post readable, not deleted nor hidden. */
    public Optional<WithPost> note(Access access, Viewer viewer, String noteId) {
        if (!RandomId.looksValid(noteId)) {
            return Optional.empty();
        }
        String postId = notes.postIdsOf(access.community().id(), List.of(noteId)).get(noteId);
        if (postId == null) {
            return Optional.empty();
        }
        return posts.readable(access, List.of(postId)).values().stream().filter(p -> !p.deleted() && p.hidden() == null).findFirst()
                .flatMap(post -> {
                    EvidenceNotes.Page page = notes.onPosts(access.community().id(), List.of(postId), viewer == null ? null : viewer.memberId());
                    return page.notes().stream().filter(n -> n.note().id().equals(noteId)).findFirst()
                            .flatMap(row -> note(access, viewer, page.reader(), row, post.location()))
                            .map(n -> new WithPost(n, post));
                });
    }

    /**
     * The community's notes that wait for ratings and that this reader may rate (not theirs, not
     * on their post, not rated yet), newest first; empty for anyone who may not rate here.
     */
    public List<WithPost> needingRatings(Access access, Viewer viewer) {
        if (viewer == null) {
            return List.of();
        }
        List<EvidenceNotes.Stored> waiting = notes.needingRatings(access.community().id(), viewer.memberId(), NEEDING_RATINGS_SHOWN);
        if (waiting.isEmpty()) {
            return List.of();
        }
        Map<String, HiddenPosts.Post> readable = posts.readable(access, waiting.stream().map(EvidenceNotes.Stored::postId).toList());
        List<String> shownPosts = readable.values().stream().filter(p -> !p.deleted() && p.hidden() == null).map(HiddenPosts.Post::id).toList();
        EvidenceNotes.Page page = notes.onPosts(access.community().id(), shownPosts, viewer.memberId());
        return page.notes().stream()
                .flatMap(row -> note(access, viewer, page.reader(), row, readable.get(row.note().postId()).location()).stream())
                .filter(n -> n.waiting() && n.mayRate())
                .sorted(java.util.Comparator.comparingLong(Note::writtenAt).reversed())
                .map(n -> new WithPost(n, readable.get(n.postId())))
                .toList();
    }

    private Optional<Note> note(Access access, Viewer reader, NoteWriters readerStanding, EvidenceNotes.OnPage row, Location location) {
        EvidenceNotes.Stored stored = row.note();
        if (!row.standing()) {
            return Optional.empty();
        }
        String readerId = reader == null ? null : reader.memberId();
        boolean mine = stored.authorId().equals(readerId);
        boolean members = stored.shown() || row.byAdvisor();
        boolean mayRate = reader != null && !mine && row.ratedHelpful() == null && !row.postAuthorId().equals(readerId)
                && NoteWriters.mayRate(access, readerStanding.advisor());
        if (!members && !mine && !mayRate && row.ratedHelpful() == null) {
            return Optional.empty();
        }
        Writer writer = new Writer(stored.authorId(), stored.authorKind() == EvidenceNotes.AuthorKind.CLINICIAN,
                row.profession() == null ? null : Profession.valueOf(row.profession()), row.specialty());
        return Optional.of(new Note(stored.id(), stored.postId(), location, stored.stance(), stored.explanationHtml(), stored.citations(),
                writer, members, row.byAdvisor(), mine, row.ratedHelpful(), mayRate, stored.writtenAt()));
    }
}
