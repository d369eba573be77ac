package org.hearth.clinician;

import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member writes, changes or clears their statement of interests as a clinician: their
 * employer, payments from industry, studies they recruit for, in their own words. It is shown
 * on their badge's page while they are verified; members read it beside what was verified.
 */
@Service
public class WriteStatement {

    public static final int STATEMENT_MAX = 2000;

    public record Input(Viewer member, String statement) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member writes a statement");
        }
    }

    public sealed interface Outcome {
        record Saved() implements Outcome {
        }

        /** Empty: the statement is removed. */
        record Cleared() implements Outcome {
        }

        record TooLong(int max, int length) implements Outcome {
        }
    }

    private final Applications applications;

    WriteStatement(Applications applications) {
        this.applications = applications;
    }

    @Transactional
    public Outcome run(Input input) {
        String statement = input.statement() == null ? "" : input.statement().strip();
        if (statement.length() > STATEMENT_MAX) {
            return new Outcome.TooLong(STATEMENT_MAX, statement.length());
        }
        applications.saveStatement(input.member().memberId(), statement.isEmpty() ? null : statement);
        return statement.isEmpty() ? new Outcome.Cleared() : new Outcome.Saved();
    }
}
