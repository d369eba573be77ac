package org.hearth.platform.db;

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
 */
@ConfigurationProperties("hearth.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        @DefaultValue("10") int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
