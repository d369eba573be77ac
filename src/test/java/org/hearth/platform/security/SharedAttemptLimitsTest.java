package org.hearth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.hearth.platform.db.DatabaseProperties;
import org.hearth.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** On PostgreSQL, every node counts the same attempts: a second node sees the first one's count. */
@OnPostgres
@TestPropertySource(properties = {"hearth.limits.sign-in-per-account.attempts=3", "hearth.limits.sign-in-per-account.per=15m"})
class SharedAttemptLimitsTest {

    @Autowired
    AttemptLimits thisNode;

    @Autowired
    AttemptLimitProperties properties;

    @Autowired
    DatabaseProperties database;

    @Autowired
    DataSource dataSource;

    @Autowired
    DSLContext db;

    @Test
    void anotherNodeSeesTheSameCountAndNoHandleIsStoredInClear() {
        AttemptLimits otherNode = new AttemptLimits(properties, database, dataSource);
        String handle = "shared-count-" + System.nanoTime();
        assertThat(thisNode.tryAttempt(AttemptLimits.Kind.SIGN_IN_ACCOUNT, handle)).isEmpty();
        assertThat(otherNode.tryAttempt(AttemptLimits.Kind.SIGN_IN_ACCOUNT, handle)).isEmpty();
        assertThat(thisNode.tryAttempt(AttemptLimits.Kind.SIGN_IN_ACCOUNT, handle)).isEmpty();
        assertThat(otherNode.tryAttempt(AttemptLimits.Kind.SIGN_IN_ACCOUNT, handle.toUpperCase()))
                .as("the fourth attempt, wherever it lands, waits").isPresent();
        assertThat(db.fetch("select id from attempt_buckets").getValues(0, String.class))
                .isNotEmpty().noneMatch(id -> id.contains(handle));
    }
}
