package org.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Gives a test application its own empty data directory, so its SQLite file is new. */
public class SqliteDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createTempDirectory("hearth-test-");
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "hearth.data-dir=" + dir, "hearth.database.url=");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
