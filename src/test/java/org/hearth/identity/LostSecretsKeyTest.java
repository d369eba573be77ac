package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hearth.HearthApplication;
import org.hearth.testing.Authenticator;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator loses the secrets key: Hearth is started again on the same data directory after
 * {@code secrets.key} was deleted, so it makes a new key that opens none of the stored
 * second-factor secrets. Members are told what still works and nothing answers 500. (The key
 * is the same whatever the engine; the data directory makes this simplest on SQLite.)
 */
class LostSecretsKeyTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        // arguments, not default properties: application.properties would win over those
        return new SpringApplicationBuilder(HearthApplication.class).run("--hearth.data-dir=" + dataDir,
                "--hearth.database.url=", "--hearth.secrets.key=", "--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void startedWithAnotherKeyRecoveryCodesStillWorkAndThePageSaysWhatTheOperatorMustDo(@TempDir Path dataDir)
            throws Exception {
        String handle = "keyholder";
        Authenticator app;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Visitor member = new Visitor(port(first));
            member.signUp(handle, HearthTest.PASSWORD);
            app = Authenticator.enrol(member, HearthTest.PASSWORD);
        }
        Files.delete(dataDir.resolve("secrets.key"));

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Visitor visitor = new Visitor(port(second));
            visitor.signIn(handle, HearthTest.PASSWORD);
            var refused = visitor.post("/sign-in/second-factor", Map.of("code", app.nextCode()));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.document().select("#key-lost").text())
                    .contains("Your recovery codes still work")
                    .contains("hearth.secrets.key").contains("secrets.key");
            assertThat(visitor.get("/me/profile").location()).endsWith("/sign-in/second-factor");

            visitor.get("/sign-in/second-factor");
            assertThat(visitor.submit("/sign-in/second-factor", Map.of("code", app.recoveryCodes().get(0))).text())
                    .contains("You used a recovery code");
            assertThat(visitor.get("/me/profile").status()).isEqualTo(200);
            assertThat(visitor.get("/me/second-factor").status()).as("the account pages still open").isEqualTo(200);
        }
    }
}
