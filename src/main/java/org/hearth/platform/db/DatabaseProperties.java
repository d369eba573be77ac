package org.hearth.platform.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Hearth keeps its data. With no {@code url}, Hearth uses one SQLite file under the data
 * directory; a {@code jdbc:postgresql:} URL switches to PostgreSQL, nothing else changes.
 *
 * @param url JDBC URL of a PostgreSQL database; empty for the embedded SQLite file
 * @param username database user (PostgreSQL only)
 * @param password database password (PostgreSQL only)
 * @param poolSize connections kept open to the database
 * @param connectionTimeout how long a request waits for a connection before it gives up with a
 *     page saying the database cannot be reached (the pool's own default, 30 s, held every request
 *     of an outage that long)
 * @param validationTimeout how long checking that a pooled connection still works may take;
 *     shorter than {@code connectionTimeout}
 */
@ConfigurationProperties("hearth.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        @DefaultValue("10") int poolSize,
        @DefaultValue("3s") Duration connectionTimeout,
        @DefaultValue("1s") Duration validationTimeout) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
