package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.hearth.testing.OnSqlite;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OnSqlite
class WebBoundaryOnSqliteTest extends WebBoundaryContract {

    @Autowired
    DataSource dataSource;

    /** WAL with synchronous=FULL: a write that returned survives a crash or power loss. */
    @Test
    void sqliteIsDurable() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var db = DSL.using(connection);
            assertThat(db.fetchValue("PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(db.fetchValue("PRAGMA synchronous").toString()).isEqualTo("2");
            assertThat(db.fetchValue("PRAGMA foreign_keys").toString()).isEqualTo("1");
        }
    }
}
