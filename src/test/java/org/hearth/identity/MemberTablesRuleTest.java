package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.hearth.testing.MemberTables;
import org.hearth.testing.MemberTables.Someone;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The rule that finds tables about a member, on a small schema of its own: every way a table can
 * refer to a member is found, and tables that refer to none are not.
 */
class MemberTablesRuleTest {

    @Test
    void findsEveryWayATableRefersToAMember() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA foreign_keys = ON");
            sql.execute("CREATE TABLE members (id VARCHAR(16) PRIMARY KEY, handle VARCHAR(30), email VARCHAR(254))");
            sql.execute("CREATE TABLE diary (id VARCHAR(16) PRIMARY KEY, member_id VARCHAR(16), entry TEXT)");
            sql.execute("CREATE TABLE notes (id VARCHAR(16) PRIMARY KEY, writer VARCHAR(16) REFERENCES members (id), body TEXT)");
            sql.execute("CREATE TABLE note_tags (note_id VARCHAR(16) REFERENCES notes (id), tag VARCHAR(20))");
            sql.execute("CREATE TABLE logins (id VARCHAR(16) PRIMARY KEY, principal_name VARCHAR(100))");
            sql.execute("CREATE TABLE letters (id VARCHAR(16) PRIMARY KEY, recipient VARCHAR(254), subject TEXT)");
            sql.execute("CREATE TABLE user_entities (id VARCHAR(100) PRIMARY KEY, name VARCHAR(100))");
            sql.execute("CREATE TABLE topics (id VARCHAR(16) PRIMARY KEY, title TEXT)");
            sql.execute("CREATE TABLE topic_tags (topic_id VARCHAR(16) REFERENCES topics (id), tag VARCHAR(20))");
            sql.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, installed_by VARCHAR(100))");

            var found = MemberTables.in(connection);
            assertThat(found).containsOnlyKeys("members", "diary", "notes", "note_tags", "logins", "letters", "user_entities");
            assertThat(found.get("notes").references()).containsExactly(new MemberTables.MemberId("writer"));
            assertThat(found.get("note_tags").references()).containsExactly(new MemberTables.Through("note_id", "notes", "id"));
            assertThat(found.get("user_entities").references()).containsExactly(new MemberTables.Handle("name"));

            sql.execute("INSERT INTO members VALUES ('m1', 'Robin', 'robin@example.org'), ('m2', 'Sam', NULL)");
            sql.execute("INSERT INTO notes VALUES ('n1', 'm1', 'mine'), ('n2', 'm2', 'theirs')");
            sql.execute("INSERT INTO note_tags VALUES ('n1', 'a'), ('n1', 'b'), ('n2', 'c')");
            sql.execute("INSERT INTO letters VALUES ('l1', 'ROBIN@example.org', 'hello'), ('l2', 'sam@example.org', 'hi')");
            sql.execute("INSERT INTO logins VALUES ('s1', 'robin')");
            var db = DSL.using(connection, SQLDialect.SQLITE);
            Someone robin = new Someone("m1", "Robin", Set.of("robin@example.org"));
            assertThat(MemberTables.rowsAbout(db, found, "members", robin)).isEqualTo(1);
            assertThat(MemberTables.rowsAbout(db, found, "note_tags", robin)).isEqualTo(2);
            assertThat(MemberTables.rowsAbout(db, found, "letters", robin)).isEqualTo(1);
            assertThat(MemberTables.rowsAbout(db, found, "logins", robin)).as("handles are unique whatever their case").isEqualTo(1);
        }
    }
}
