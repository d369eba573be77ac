package org.hearth.clinician;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.identity.Members;
import org.hearth.identity.SecretBox;
import org.hearth.platform.security.Viewer;
import org.hearth.privacy.StaffAccess;
import org.hearth.privacy.StaffAccess.StaffRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reviewers read, and what an applicant reads of their own applications. Reviewers are site
 * administrators and appointed site reviewers signed in with a second factor; everyone else gets
 * nothing, and the pages answer them as if nothing were there. A credential document is opened
 * only here: each opening is written in the applicant's record of what staff saw, before the
 * document is handed over.
 */
@Service
public class CredentialReview {

    private final Reviewers reviewers;
    private final Applications applications;
    private final Members members;
    private final SecretBox box;
    private final StaffAccess staffAccess;

    CredentialReview(Reviewers reviewers, Applications applications, Members members, SecretBox box, StaffAccess staffAccess) {
        this.reviewers = reviewers;
        this.applications = applications;
        this.members = members;
        this.box = box;
        this.staffAccess = staffAccess;
    }

    /**
     * An application as a reviewer or its applicant reads it. {@code decidedBy} and
     * {@code revokedBy} are roles ("a site reviewer"), never names; {@code status} in words.
     */
    public record Application(String id, String applicant, Profession profession, String specialty, String jurisdiction,
            String registerNumber, DocumentType documentType, Integer documentBytes, long appliedAt, String status, boolean waiting,
            String decidedBy, Long decidedAt, String reason, Long expiresAt, boolean inForce, String revokedBy, Long revokedAt,
            String revokeReason) {
    }

    /** The reviewers' queue: waiting applications oldest first, and approvals in force, soonest to end first. */
    public record Queue(StaffRole role, List<Application> waiting, List<Application> verified) {
    }

    /** One application opened by a reviewer, with what its number's form says; {@code own}: the reviewer's own. */
    public record Opened(StaffRole role, Application application, RegisterNumbers.Report numberCheck, boolean own,
            List<Application> earlier) {
    }

    /** A document's content and what it is. */
    public record Document(byte[] content, DocumentType type) {
    }

    /** A verification in force: what was verified, by which role, when and until when. */
    public record Verification(Profession profession, String specialty, String jurisdiction, String verifiedBy, long verifiedAt,
            long until) {

        /** What the badge says: "Physician · Endocrinology". */
        public String label() {
            return profession.label() + " · " + specialty;
        }
    }

    /** A verified clinician's page: who, what was verified, and their statement of interests in their words (null if none). */
    public record Badge(String memberId, String handle, Verification verification, String statement) {
    }

    /** The queue, for a reviewer signed in with a second factor; empty for anyone else. */
    public Optional<Queue> queue(Viewer viewer) {
        Optional<StaffRole> role = reviewing(viewer);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        List<Applications.Stored> waiting = applications.waiting();
        List<Applications.Stored> verified = applications.verified();
        Set<String> people = new HashSet<>();
        waiting.forEach(a -> people.add(a.memberId()));
        verified.forEach(a -> people.add(a.memberId()));
        Map<String, String> handles = members.handles(people);
        long now = applications.now();
        return Optional.of(new Queue(role.get(), waiting.stream().map(a -> view(a, handles, now)).toList(),
                verified.stream().map(a -> view(a, handles, now)).toList()));
    }

    /** One application with its number checked and the applicant's earlier ones, for a reviewer; empty for anyone else. */
    public Optional<Opened> open(Viewer viewer, String applicationId) {
        Optional<StaffRole> role = reviewing(viewer);
        Optional<Applications.Stored> found = role.flatMap(r -> applications.one(applicationId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Applications.Stored stored = found.get();
        Map<String, String> handles = members.handles(Set.of(stored.memberId()));
        long now = applications.now();
        List<Application> earlier = applications.of(stored.memberId()).stream().filter(a -> !a.id().equals(stored.id()))
                .map(a -> view(a, handles, now)).toList();
        return Optional.of(new Opened(role.get(), view(stored, handles, now),
                RegisterNumbers.check(stored.profession(), stored.jurisdiction(), stored.registerNumber()),
                stored.memberId().equals(viewer.memberId()), earlier));
    }

    /**
     * The credential document of an application, for a reviewer signed in with a second factor;
     * the opening is recorded for its applicant first (if it cannot be, nothing is handed over).
     * Empty for anyone else, and for an application without a document.
     */
    @Transactional
    public Optional<Document> document(Viewer viewer, String applicationId) {
        Optional<StaffRole> role = reviewing(viewer);
        Optional<Applications.Stored> found = role.flatMap(r -> applications.one(applicationId)).filter(a -> a.documentType() != null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Applications.Stored stored = found.get();
        Optional<String> sealed = applications.sealedDocument(stored.id());
        if (sealed.isEmpty() || sealed.get() == null) {
            return Optional.empty();
        }
        if (!stored.memberId().equals(viewer.memberId())) {
            staffAccess.record(stored.memberId(), role.get(), null, StaffAccess.Seen.OPENED_CREDENTIAL_DOCUMENT);
        }
        return Optional.of(new Document(box.open(sealed.get(), stored.id()), stored.documentType()));
    }

    /** The member's own applications, newest first. */
    public List<Application> mine(Viewer viewer) {
        Map<String, String> handles = Map.of(viewer.memberId(), viewer.handle());
        long now = applications.now();
        return applications.of(viewer.memberId()).stream().map(a -> view(a, handles, now)).toList();
    }

    /** The member's verification in force now, if any. */
    public Optional<Verification> verified(String memberId) {
        return applications.verifiedNow(memberId).map(CredentialReview::verification);
    }

    /** The verifications in force now among these members, by member: one query, for a page of authors. */
    public Map<String, Verification> verifiedAmong(java.util.Collection<String> memberIds) {
        return applications.badgesAmong(memberIds);
    }

    /** A verified clinician's badge page; empty when they are not verified now (an ended badge is gone everywhere). */
    public Optional<Badge> badge(String memberId) {
        if (!org.hearth.platform.RandomId.looksValid(memberId)) {
            return Optional.empty();
        }
        return verified(memberId).map(v -> new Badge(memberId, members.handleOf(memberId).orElse("a former member"), v,
                applications.statement(memberId).orElse(null)));
    }

    /** The member's own statement of interests, or empty. */
    public Optional<String> statement(Viewer viewer) {
        return applications.statement(viewer.memberId());
    }

    private static Verification verification(Applications.Stored a) {
        return new Verification(a.profession(), a.specialty(), a.jurisdiction(),
                a.decidedRole() == null ? "a reviewer" : a.decidedRole().words(), a.decidedAt(), a.expiresAt());
    }

    /** Whether this viewer reviews, with or without a second factor (for the link to the queue). */
    public boolean reviews(Viewer viewer) {
        return reviewers.roleOf(viewer).isPresent();
    }

    private Optional<StaffRole> reviewing(Viewer viewer) {
        return viewer != null && viewer.secondFactor() ? reviewers.roleOf(viewer) : Optional.empty();
    }

    private static Application view(Applications.Stored a, Map<String, String> handles, long now) {
        boolean inForce = a.verifiedAt(now);
        String status = switch (a.status()) {
            case Applications.WAITING -> "Waiting for a reviewer";
            case Applications.REJECTED -> "Not approved";
            case Applications.WITHDRAWN -> "Withdrawn";
            default -> a.revokedAt() != null ? "Revoked" : inForce ? "Verified" : "Ended";
        };
        return new Application(a.id(), handles.getOrDefault(a.memberId(), "a former member"), a.profession(), a.specialty(),
                a.jurisdiction(), a.registerNumber(), a.documentType(), a.documentBytes(), a.appliedAt(), status, a.waiting(),
                a.decidedRole() == null ? null : a.decidedRole().words(), a.decidedAt(), a.reason(), a.expiresAt(), inForce,
                a.revokedRole() == null ? null : a.revokedRole().words(), a.revokedAt(), a.revokeReason());
    }
}
