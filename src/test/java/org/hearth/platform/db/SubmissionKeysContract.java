package org.hearth.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.platform.schema.Tables.SUBMISSIONS;

import java.time.Duration;
import org.hearth.testing.HearthTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Form keys are remembered for the documented time, then forgotten; only the old ones go. */
abstract class SubmissionKeysContract extends HearthTest {

    @Autowired
    private Submissions submissions;

    @Autowired
    private DSLContext db;

    @Test
    void aKeyOlderThanTheKeptTimeIsForgottenAndTheSameFormThenStoresAgain() {
        String member = Submissions.newKey();
        String old = Submissions.newKey();
        String recent = Submissions.newKey();
        for (String key : new String[] {old, recent}) {
            assertThat(submissions.claim(member, key)).isEqualTo(new Submissions.Claim.First());
            submissions.record(member, key, "post-" + key);
        }
        long eightDaysAgo = System.currentTimeMillis() - Duration.ofDays(8).toMillis();
        db.update(SUBMISSIONS).set(SUBMISSIONS.CREATED_AT, eightDaysAgo).where(SUBMISSIONS.SUBMISSION_KEY.eq(old)).execute();

        submissions.forgetOldKeys();

        assertThat(submissions.created(member, old)).isEmpty();
        assertThat(submissions.claim(member, old)).isEqualTo(new Submissions.Claim.First());
        assertThat(submissions.claim(member, recent)).isEqualTo(new Submissions.Claim.Repeat("post-" + recent));
    }

    @Test
    void aKeyIsRecognisedOnlyOnceWhatItCreatedIsRecordedAndAReleasedKeyIsFree() {
        String member = Submissions.newKey();
        String key = Submissions.newKey();
        assertThat(submissions.claim(member, key)).isEqualTo(new Submissions.Claim.First());
        submissions.release(member, key);
        assertThat(submissions.created(member, key)).isEmpty();
        assertThat(submissions.claim(member, key)).isEqualTo(new Submissions.Claim.First());
        submissions.record(member, key, "topic");
        assertThat(submissions.claim(member, key)).isEqualTo(new Submissions.Claim.Repeat("topic"));
        assertThat(submissions.claim(Submissions.newKey(), key)).as("another member's key").isEqualTo(new Submissions.Claim.First());
    }
}
