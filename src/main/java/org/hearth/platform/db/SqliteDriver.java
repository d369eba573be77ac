package org.hearth.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.JDBC;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * SQLite's driver, with connections that stay truthful when a transaction fails to begin. The
 * driver records a connection as "in a transaction" before it runs {@code BEGIN IMMEDIATE}; when
 * that fails (the file locked by another process past the busy timeout, a disk error), the
 * connection went back to the pool believing it was inside a transaction that SQLite never
 * began. The next transaction on it then skipped its own {@code BEGIN}: every statement
 * committed on its own, a rollback undid nothing, and the commit failed after the rows were
 * already written, so a person was told "not saved" about something saved.
 */
public final class SqliteDriver extends JDBC {

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!isValidURL(url)) {
            return null;
        }
        String trimmed = url.trim();
        return new BeginsOrStaysOutside(trimmed, trimmed.substring(PREFIX.length()), info);
    }

    static final class BeginsOrStaysOutside extends JDBC4Connection {

        BeginsOrStaysOutside(String url, String fileName, Properties info) throws SQLException {
            super(url, fileName, info);
        }

        @Override
        public void setAutoCommit(boolean autoCommit) throws SQLException {
            try {
                super.setAutoCommit(autoCommit);
            } catch (SQLException failed) {
                if (!autoCommit) {
                    // BEGIN failed, so SQLite is still outside any transaction: say so
                    getConnectionConfig().setAutoCommit(true);
                }
                throw failed;
            }
        }
    }
}
