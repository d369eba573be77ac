package org.hearth.clinician;

import java.util.Objects;
import java.util.Optional;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site administrator appoints a member, by handle, to review clinicians' applications, or
 * ends that appointment. Administrators review already and are not appointed.
 */
@Service
public class AppointReviewer {

    /** {@code appoint}: true to appoint, false to end the appointment. */
    public record Input(Viewer administrator, String handle, boolean appoint) {
        public Input {
            Objects.requireNonNull(administrator, "only a signed-in administrator appoints");
        }
    }

    public sealed interface Outcome {
        record Appointed(String handle) implements Outcome {
        }

        record Ended(String handle) implements Outcome {
        }

        /** Not a site administrator. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record HandleMissing() implements Outcome {
        }

        /** No member uses that handle. */
        record NoSuchMember(String handle) implements Outcome {
        }

        record AlreadyAReviewer(String handle) implements Outcome {
        }

        record NotAReviewer(String handle) implements Outcome {
        }

        /** Site administrators review without being appointed. */
        record AnAdministrator(String handle) implements Outcome {
        }
    }

    private final Applications applications;
    private final Members members;

    AppointReviewer(Applications applications, Members members) {
        this.applications = applications;
        this.members = members;
    }

    @Transactional
    public Outcome run(Input input) {
        if (!input.administrator().siteAdmin()) {
            return new Outcome.NotFound();
        }
        if (!input.administrator().secondFactor()) {
            return new Outcome.SecondFactorNeeded();
        }
        String handle = input.handle() == null ? "" : input.handle().strip();
        if (handle.isEmpty()) {
            return new Outcome.HandleMissing();
        }
        Optional<Viewer> member = members.idOfHandle(handle).flatMap(members::viewer);
        if (member.isEmpty()) {
            return new Outcome.NoSuchMember(handle);
        }
        Viewer who = member.get();
        if (input.appoint()) {
            if (who.siteAdmin()) {
                return new Outcome.AnAdministrator(who.handle());
            }
            return applications.appoint(who.memberId(), input.administrator().memberId())
                    ? new Outcome.Appointed(who.handle()) : new Outcome.AlreadyAReviewer(who.handle());
        }
        return applications.dismiss(who.memberId()) ? new Outcome.Ended(who.handle()) : new Outcome.NotAReviewer(who.handle());
    }
}
