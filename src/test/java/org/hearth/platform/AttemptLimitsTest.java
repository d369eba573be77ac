package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hearth.testing.HearthTest;
import org.hearth.testing.SqliteDatabase;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** Password guessing and bulk sign-ups are slowed down, and the person is told when to try again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearth.limits.sign-in-per-account.attempts=3", "hearth.limits.sign-in-per-account.per=15m",
        "hearth.limits.sign-up-per-address.attempts=4", "hearth.limits.sign-up-per-address.per=1h",
        "hearth.limits.mail-link-per-address.attempts=2", "hearth.limits.mail-link-per-address.per=1h"})
@ContextConfiguration(initializers = SqliteDatabase.class)
class AttemptLimitsTest extends HearthTest {

    @Test
    void guessingOneAccountsPasswordIsStoppedEvenWithTheRightPasswordUntilTheWaitIsOver() {
        String handle = unique("target");
        account(handle);
        Visitor attacker = visitor();
        attacker.get("/sign-in");
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.post("/sign-in", Map.of("handle", handle, "password", "guess number " + i)).status())
                    .isEqualTo(401);
        }
        var limited = attacker.post("/sign-in", Map.of("handle", handle.toUpperCase(), "password", PASSWORD));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(60L, 15 * 60L);
        assertThat(limited.document().select("main").text()).contains("please wait about").contains("minutes");
        assertThat(limited.body()).doesNotContain(handle);

        // another account is not affected
        String other = unique("other");
        account(other);
        assertThat(visitor().signIn(other, PASSWORD).document().select("header.site").text()).contains(other);
    }

    @Test
    void manySignUpsFromOneAddressAreSlowedDown() {
        Visitor bulk = visitor();
        bulk.get("/sign-up");
        int created = 0;
        int limitedAt = -1;
        for (int i = 0; i < 6 && limitedAt < 0; i++) {
            var response = bulk.post("/sign-up", Map.of("handle", unique("bulk"), "password", PASSWORD, "email", ""));
            if (response.status() == 429) {
                limitedAt = i;
            } else {
                created++;
            }
        }
        assertThat(limitedAt).as("the fifth sign-up within the hour is refused").isEqualTo(4);
        assertThat(created).isEqualTo(4);
    }

    @Test
    void askingForMailedLinksIsSlowedDownToo() {
        Visitor visitor = visitor();
        visitor.get("/sign-in/link");
        String handle = unique("mailbomb");
        account(handle);
        assertThat(visitor.post("/sign-in/link", Map.of("username", handle)).status()).isEqualTo(302);
        assertThat(visitor.post("/password/forgotten", Map.of("account", handle)).status()).isEqualTo(200);
        assertThat(visitor.post("/sign-in/link", Map.of("username", handle)).status()).isEqualTo(429);
        assertThat(visitor.post("/password/forgotten", Map.of("account", handle)).status()).isEqualTo(429);
    }
}
