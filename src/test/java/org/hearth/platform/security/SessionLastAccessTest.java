package org.hearth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hearth.testing.HearthTest;
import org.hearth.testing.OnSqlite;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** On SQLite a signed-in page view does not write the session unless a minute has passed. */
@OnSqlite
class SessionLastAccessTest extends HearthTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPageViewWithinAMinuteWritesNothingButAnOlderSessionIsTouched() {
        Visitor patient = member(unique("quiet"));
        String sessionId = new String(Base64.getDecoder().decode(patient.cookie("HEARTH_SESSION")),
                StandardCharsets.UTF_8);
        long signedInAt = lastAccess(sessionId);

        assertThat(patient.get("/").status()).isEqualTo(200);
        assertThat(lastAccess(sessionId)).isEqualTo(signedInAt);

        jdbc.update("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ? WHERE SESSION_ID = ?", signedInAt - 120_000,
                sessionId);
        assertThat(patient.get("/").status()).isEqualTo(200);
        assertThat(lastAccess(sessionId)).isGreaterThanOrEqualTo(signedInAt);
    }

    private long lastAccess(String sessionId) {
        return jdbc.queryForObject("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?", Long.class,
                sessionId);
    }
}
