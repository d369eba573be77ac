package org.hearth.clinician;

import java.util.Objects;
import org.hearth.identity.SecretBox;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member applies to be verified as a clinician: profession, specialty, jurisdiction, licence or
 * register number, and optionally a document (a PDF or an image, known by its content, up to
 * {@code hearth.clinicians.document-max-bytes}), sealed with the site's secrets key before it is
 * stored. One application waits at a time; a verified clinician applies again only to renew.
 */
@Service
public class ApplyAsClinician {

    public static final int SPECIALTY_MAX = 100;
    public static final int JURISDICTION_MAX = 100;
    public static final int NUMBER_MAX = 40;

    /** {@code document}: the uploaded file's bytes, empty or null for none. */
    public record Input(Viewer applicant, String profession, String specialty, String jurisdiction, String registerNumber,
            byte[] document) {
        public Input {
            Objects.requireNonNull(applicant, "only a signed-in member applies");
        }
    }

    public sealed interface Outcome {
        record Applied(String applicationId) implements Outcome {
        }

        /** One application waits already: it is decided (or withdrawn) first. */
        record AlreadyWaiting() implements Outcome {
        }

        /** Something the form needs is missing or too long: {@code field} says which, {@code max} its limit. */
        record Invalid(String field, Problem problem, int max) implements Outcome {
        }

        /** The document is none of the kinds taken (PDF, PNG, JPEG), whatever its name said. */
        record DocumentNotTaken() implements Outcome {
        }

        record DocumentTooLarge(int maxBytes) implements Outcome {
        }
    }

    /** What is wrong with a field. */
    public enum Problem {
        MISSING, TOO_LONG
    }

    private final Applications applications;
    private final SecretBox box;
    private final ClinicianSettings settings;
    private final ApplicationEventPublisher events;

    ApplyAsClinician(Applications applications, SecretBox box, ClinicianSettings settings, ApplicationEventPublisher events) {
        this.applications = applications;
        this.box = box;
        this.settings = settings;
        this.events = events;
    }

    public int documentMaxBytes() {
        return settings.documentMaxBytes();
    }

    @Transactional
    public Outcome run(Input input) {
        Profession profession = Profession.parse(input.profession());
        String specialty = strip(input.specialty());
        String jurisdiction = strip(input.jurisdiction());
        String number = strip(input.registerNumber());
        byte[] document = input.document() == null ? new byte[0] : input.document();
        if (applications.hasWaiting(input.applicant().memberId())) {
            return new Outcome.AlreadyWaiting();
        }
        if (profession == null) {
            return new Outcome.Invalid("profession", Problem.MISSING, 0);
        }
        var invalid = written("specialty", specialty, SPECIALTY_MAX).or(() -> written("jurisdiction", jurisdiction, JURISDICTION_MAX))
                .or(() -> written("registerNumber", number, NUMBER_MAX));
        if (invalid.isPresent()) {
            return invalid.get();
        }
        DocumentType type = null;
        String sealed = null;
        String id = RandomId.next();
        if (document.length > 0) {
            if (document.length > settings.documentMaxBytes()) {
                return new Outcome.DocumentTooLarge(settings.documentMaxBytes());
            }
            type = DocumentType.of(document);
            if (type == null) {
                return new Outcome.DocumentNotTaken();
            }
            sealed = box.seal(document, id);
        }
        if (!applications.add(id, input.applicant().memberId(), profession, specialty, jurisdiction, number, type, sealed,
                type == null ? null : document.length)) {
            return new Outcome.AlreadyWaiting(); // the same member's other application saved a moment ago
        }
        events.publishEvent(new ClinicianApplied(id));
        return new Outcome.Applied(id);
    }

    private static java.util.Optional<Outcome> written(String field, String value, int max) {
        if (value.isEmpty()) {
            return java.util.Optional.of(new Outcome.Invalid(field, Problem.MISSING, max));
        }
        return value.length() > max ? java.util.Optional.of(new Outcome.Invalid(field, Problem.TOO_LONG, max)) : java.util.Optional.empty();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
