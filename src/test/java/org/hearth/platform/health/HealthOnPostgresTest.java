package org.hearth.platform.health;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.springframework.test.annotation.DirtiesContext;
import org.hearth.testing.OnPostgres;
import org.hearth.testing.PostgresDatabase;

// leaves its database changed in ways other tests must not inherit
@DirtiesContext
@OnPostgres
class HealthOnPostgresTest extends HealthContract {

    /**
     * The database made read-only for every new session, as after a fail-over to a standby or
     * an operator's {@code ALTER DATABASE}; the pool then opens its connections anew.
     */
    @Override
    AutoCloseable refuseWrites() throws SQLException {
        readOnly(true);
        return () -> readOnly(false);
    }

    @Override
    String refusalInWords() {
        return "the database refuses writes: sessions are read-only (default_transaction_read_only)";
    }

    /** A trigger refusing the test write as a full disk would. */
    @Override
    AutoCloseable refuseTheTestWrite() {
        db.execute("""
                CREATE FUNCTION write_check_refused() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'no space' USING ERRCODE = 'disk_full'; END $$""");
        db.execute("CREATE TRIGGER write_check_refused BEFORE UPDATE ON write_check FOR EACH ROW EXECUTE FUNCTION write_check_refused()");
        return () -> {
            db.execute("DROP TRIGGER write_check_refused ON write_check");
            db.execute("DROP FUNCTION write_check_refused()");
        };
    }

    @Override
    String testWriteRefusalInWords() {
        return "the disk holding the database is full";
    }

    private void readOnly(boolean on) throws SQLException {
        PostgresDatabase.readOnly((HikariDataSource) dataSource, on);
    }
}
