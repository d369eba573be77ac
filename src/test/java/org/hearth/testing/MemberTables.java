package org.hearth.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The tables of a migrated database that hold data about a member, read from the database's own
 * description of its schema (JDBC metadata), so that it works the same on SQLite and PostgreSQL.
 *
 * <p>The rule. A table holds data about a member when
 * <ol>
 * <li>it is the members table itself (its id);</li>
 * <li>a column has a foreign key to the members table;</li>
 * <li>a column is named the way Hearth names a member without a foreign key: a member id
 *     ({@code member_id}, {@code ..._member_id}, {@code author_id}, {@code ..._by}), a handle
 *     ({@code handle}, {@code ..._handle}, Spring Session's {@code principal_name}) or an e-mail
 *     address ({@code email}, {@code ..._email}, {@code recipient});</li>
 * <li>a column is listed in {@link #HANDLES_BY_ANOTHER_NAME}: Spring Security's WebAuthn user
 *     keeps the handle as its {@code name} and {@code display_name};</li>
 * <li>or a column has a foreign key to a table found by these rules: its rows belong to the
 *     member's rows (a post's earlier versions, a passkey of the member's WebAuthn user, the
 *     attributes of a session).</li>
 * </ol>
 * Flyway's own history table is left out: its {@code installed_by} is the database user.
 * Counters of sign-in attempts are not found: they hold one-way digests of handles that expire
 * within hours, and no column names a member.
 */
public final class MemberTables {

    /** Columns that hold a handle under a name the rule cannot guess, as "table.column". */
    public static final Set<String> HANDLES_BY_ANOTHER_NAME = Set.of("user_entities.name", "user_entities.display_name");

    private static final Pattern MEMBER_ID = Pattern.compile("member_id|.+_member_id|author_id|.+_by");
    private static final Pattern HANDLE = Pattern.compile("handle|.+_handle|principal_name");
    private static final Pattern ADDRESS = Pattern.compile("email|.+_email|recipient");
    private static final Set<String> NOT_HEARTHS = Set.of("flyway_schema_history");

    private MemberTables() {
    }

    /** How a table refers to a member; names are as the database reports them. */
    public sealed interface Reference {
        String column();
    }

    /** The column holds a member's id. */
    public record MemberId(String column) implements Reference {
    }

    /** The column holds a member's handle. */
    public record Handle(String column) implements Reference {
    }

    /** The column holds an e-mail address of a member. */
    public record Address(String column) implements Reference {
    }

    /** The column points at a row of another table about a member: the row belongs to it. */
    public record Through(String column, String table, String referencedColumn) implements Reference {
    }

    /** A table of the database, as it reports its name. */
    public record Found(String table, List<Reference> references) {

        public String key() {
            return table.toLowerCase(Locale.ROOT);
        }
    }

    /** Every table about a member, by lower-case name. */
    public static Map<String, Found> in(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<ForeignKey>> keys = new LinkedHashMap<>();
        String members = null;
        try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                String lower = table.toLowerCase(Locale.ROOT);
                if (lower.startsWith("sqlite_") || NOT_HEARTHS.contains(lower)) {
                    continue;
                }
                if (lower.equals("members")) {
                    members = table;
                }
                columns.put(table, new ArrayList<>());
                keys.put(table, new ArrayList<>());
            }
        }
        for (String table : columns.keySet()) {
            try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, table, "%")) {
                while (rs.next()) {
                    columns.get(table).add(rs.getString("COLUMN_NAME"));
                }
            }
            try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), schema, table)) {
                while (rs.next()) {
                    keys.get(table).add(new ForeignKey(rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")));
                }
            }
        }
        if (members == null) {
            throw new IllegalStateException("no members table in this database");
        }

        Map<String, Found> found = new LinkedHashMap<>();
        for (String table : columns.keySet()) {
            List<Reference> references = new ArrayList<>();
            if (table.equals(members)) {
                references.add(new MemberId(primaryKey(meta, connection, schema, table)));
            }
            for (String column : columns.get(table)) {
                String lower = column.toLowerCase(Locale.ROOT);
                String qualified = table.toLowerCase(Locale.ROOT) + "." + lower;
                boolean foreignKeyToMembers = keys.get(table).stream()
                        .anyMatch(k -> k.column().equalsIgnoreCase(column) && k.table().equalsIgnoreCase("members"));
                if (foreignKeyToMembers || MEMBER_ID.matcher(lower).matches()) {
                    references.add(new MemberId(column));
                } else if (HANDLE.matcher(lower).matches() || HANDLES_BY_ANOTHER_NAME.contains(qualified)) {
                    references.add(new Handle(column));
                } else if (ADDRESS.matcher(lower).matches()) {
                    references.add(new Address(column));
                }
            }
            if (!references.isEmpty()) {
                found.put(table.toLowerCase(Locale.ROOT), new Found(table, references));
            }
        }
        // rows that belong to rows about a member, until no new table turns up
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String table : columns.keySet()) {
                for (ForeignKey key : keys.get(table)) {
                    String parent = key.table().toLowerCase(Locale.ROOT);
                    String lower = table.toLowerCase(Locale.ROOT);
                    if (parent.equals(lower) || !found.containsKey(parent) || parent.equals("members")) {
                        continue;
                    }
                    Through through = new Through(key.column(), found.get(parent).table(), key.referencedColumn());
                    Found current = found.get(lower);
                    if (current == null) {
                        found.put(lower, new Found(table, new ArrayList<>(List.of(through))));
                        grew = true;
                    } else if (!current.references().contains(through)) {
                        current.references().add(through);
                        grew = true;
                    }
                }
            }
        }
        return found;
    }

    /** A member as the rule finds them: by id, handle and the addresses they gave. */
    public record Someone(String memberId, String handle, Set<String> addresses) {
    }

    /** How many rows of this table are about the member, by the rule's references. */
    public static int rowsAbout(DSLContext db, Map<String, Found> found, String table, Someone who) {
        return db.fetchCount(DSL.table(DSL.name(found.get(table).table())), about(found, table, who, 0));
    }

    private static Condition about(Map<String, Found> found, String table, Someone who, int depth) {
        if (depth > found.size()) {
            throw new IllegalStateException("foreign keys go round in a circle at " + table);
        }
        Found f = found.get(table);
        Condition condition = DSL.falseCondition();
        for (Reference reference : f.references()) {
            Field<String> column = DSL.field(DSL.name(f.table(), reference.column()), String.class);
            condition = condition.or(switch (reference) {
                case MemberId m -> column.eq(who.memberId());
                case Handle h -> DSL.lower(column).eq(who.handle().toLowerCase(Locale.ROOT));
                case Address a -> who.addresses().isEmpty() ? DSL.falseCondition()
                        : DSL.lower(column).in(who.addresses().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
                case Through t -> column.in(DSL.select(DSL.field(DSL.name(t.table(), t.referencedColumn()), String.class))
                        .from(DSL.table(DSL.name(t.table()))).where(about(found, t.table().toLowerCase(Locale.ROOT), who, depth + 1)));
            });
        }
        return condition;
    }

    private static String primaryKey(DatabaseMetaData meta, Connection connection, String schema, String table) throws SQLException {
        try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), schema, table)) {
            return rs.next() ? rs.getString("COLUMN_NAME") : "id";
        }
    }

    private record ForeignKey(String column, String table, String referencedColumn) {
    }
}
