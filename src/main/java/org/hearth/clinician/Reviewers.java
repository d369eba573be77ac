package org.hearth.clinician;

import java.util.Optional;
import org.hearth.identity.Responsibilities;
import org.hearth.platform.security.Viewer;
import org.hearth.privacy.StaffAccess.StaffRole;
import org.springframework.stereotype.Service;

/**
 * Who reviews clinicians' applications: site administrators, and the site reviewers they
 * appoint. Reviewing needs a second factor, like moderating: a reviewer reads register numbers
 * and credential documents.
 */
@Service
public class Reviewers implements Responsibilities {

    private final Applications applications;

    Reviewers(Applications applications) {
        this.applications = applications;
    }

    /** The role this viewer reviews in, whether or not they gave a second factor; empty for anyone else. */
    public Optional<StaffRole> roleOf(Viewer viewer) {
        if (viewer == null) {
            return Optional.empty();
        }
        if (viewer.siteAdmin()) {
            return Optional.of(StaffRole.SITE_ADMINISTRATOR);
        }
        return applications.isReviewer(viewer.memberId()) ? Optional.of(StaffRole.SITE_REVIEWER) : Optional.empty();
    }

    /** The appointed site reviewers' ids (administrators review without appointment). */
    public java.util.List<String> appointed() {
        return applications.reviewers();
    }

    /**
     * What a reviewer's action on an application starts from: the application and the role they
     * act in, or the first reason they may not act on it (not a reviewer or no such application,
     * no second factor, their own application), checked in that order by every such action.
     */
    sealed interface Acting {
        record Ready(StaffRole role, Applications.Stored application) implements Acting {
        }

        record NotFound() implements Acting {
        }

        record SecondFactorNeeded() implements Acting {
        }

        record OwnApplication() implements Acting {
        }
    }

    Acting acting(Viewer reviewer, String applicationId) {
        Optional<StaffRole> role = roleOf(reviewer);
        Optional<Applications.Stored> found = role.flatMap(r -> applications.one(applicationId));
        if (found.isEmpty()) {
            return new Acting.NotFound();
        }
        if (!reviewer.secondFactor()) {
            return new Acting.SecondFactorNeeded();
        }
        if (found.get().memberId().equals(reviewer.memberId())) {
            return new Acting.OwnApplication();
        }
        return new Acting.Ready(role.get(), found.get());
    }

    @Override
    public Optional<String> needingSecondFactor(String memberId) {
        return applications.isReviewer(memberId) ? Optional.of("you review clinicians' credentials for this site") : Optional.empty();
    }
}
