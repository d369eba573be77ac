package org.hearth.platform.health;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.annotation.DirtiesContext;
import org.hearth.testing.OnPostgres;

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
        HikariDataSource pool = (HikariDataSource) dataSource;
        String database = db.fetchValue("SELECT current_database()").toString();
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = off"); // this session may undo it
            statement.execute("ALTER DATABASE " + database
                    + (on ? " SET default_transaction_read_only = on" : " RESET default_transaction_read_only"));
        }
        // Only new sessions take the setting, and the pool may be opening some meanwhile: renew
        // connections until every one has it.
        String wanted = on ? "on" : "off";
        for (int round = 0; round < 50; round++) {
            boolean renewed = false;
            for (Connection connection : holdEveryConnection()) {
                String setting;
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT current_setting('transaction_read_only')")) {
                    row.next();
                    setting = row.getString(1);
                }
                if (setting.equals(wanted)) {
                    connection.close();
                } else {
                    pool.evictConnection(connection);
                    renewed = true;
                }
            }
            if (!renewed) {
                return;
            }
        }
        throw new IllegalStateException("the pool kept connections without transaction_read_only = " + wanted);
    }
}
