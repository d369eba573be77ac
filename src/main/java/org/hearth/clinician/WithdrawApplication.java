package org.hearth.clinician;

import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An applicant takes back their application while it waits, to correct it or because they changed their mind. */
@Service
public class WithdrawApplication {

    public record Input(Viewer applicant, String applicationId) {
        public Input {
            Objects.requireNonNull(applicant, "only a signed-in member withdraws");
        }
    }

    public sealed interface Outcome {
        record Withdrawn() implements Outcome {
        }

        /** Not theirs, or no such application. */
        record NotFound() implements Outcome {
        }

        /** A reviewer decided it meanwhile. */
        record AlreadyDecided() implements Outcome {
        }
    }

    private final Applications applications;

    WithdrawApplication(Applications applications) {
        this.applications = applications;
    }

    @Transactional
    public Outcome run(Input input) {
        var found = applications.one(input.applicationId()).filter(a -> a.memberId().equals(input.applicant().memberId()));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        return applications.withdraw(found.get().id(), input.applicant().memberId()) ? new Outcome.Withdrawn() : new Outcome.AlreadyDecided();
    }
}
