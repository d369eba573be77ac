package org.hearth.search;

import java.util.Locale;
import java.util.regex.Pattern;
import org.hearth.platform.db.DatabaseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The search index of the engine Hearth runs on; on PostgreSQL its language is checked at start. */
@Configuration(proxyBeanMethods = false)
class SearchIndexes {

    private static final Pattern CONFIGURATION_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Bean
    SearchIndex searchIndex(DatabaseProperties database, JdbcTemplate jdbc, SearchSettings settings) {
        if (database.embedded()) {
            return new SqliteSearchIndex(jdbc);
        }
        String language = settings.language().strip().toLowerCase(Locale.ROOT);
        // the name is written into SQL as a literal: only a plain name PostgreSQL has is taken
        if (!CONFIGURATION_NAME.matcher(language).matches()
                || !Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from pg_ts_config where cfgname = ?)", Boolean.class,
                        language))) {
            throw new IllegalStateException("hearth.search.language is '" + settings.language() + "', which PostgreSQL has no text search"
                    + " configuration for; see 'select cfgname from pg_ts_config' (english, french, german, simple, ...)");
        }
        return new PostgresSearchIndex(jdbc, language);
    }
}
