package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import static org.hearth.conversation.schema.Tables.POST_REVISIONS;
import static org.hearth.identity.schema.Tables.MEMBERS;
import static org.hearth.identity.schema.Tables.SECURITY_EVENTS;
import static org.hearth.identity.schema.Tables.USER_CREDENTIALS;
import static org.hearth.identity.schema.Tables.USER_ENTITIES;
import static org.hearth.platform.schema.Tables.MAIL_OUTBOX;
import static org.hearth.platform.schema.Tables.SPRING_SESSION;
import static org.hearth.platform.schema.Tables.SPRING_SESSION_ATTRIBUTES;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hearth.testing.HearthTest;
import org.hearth.testing.MemberTables;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Export and erasure cannot drift from the schema: every table of the migrated database that
 * refers to a member (the rule is {@link MemberTables}'s) is claimed by exactly one feature's
 * {@link MemberData}, which exports and erases it.
 */
abstract class MemberDataContract extends HearthTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    List<MemberData> features;

    @Test
    void everyTableAboutAMemberIsClaimedByOneFeature() throws Exception {
        Map<String, MemberTables.Found> found;
        try (Connection connection = dataSource.getConnection()) {
            found = MemberTables.in(connection);
        }
        assertThat(found).as("the rule sees tables that refer to a member in each way").containsKeys(
                name(MEMBERS), name(SECURITY_EVENTS), name(POST_REVISIONS), name(SPRING_SESSION), name(SPRING_SESSION_ATTRIBUTES),
                name(USER_ENTITIES), name(USER_CREDENTIALS), name(MAIL_OUTBOX));
        Map<String, List<String>> claims = new TreeMap<>();
        for (MemberData feature : features) {
            for (Table<?> table : feature.tables()) {
                claims.computeIfAbsent(name(table), t -> new ArrayList<>()).add(feature.section());
            }
        }
        Map<String, List<String>> unclaimed = new TreeMap<>();
        found.forEach((table, tableFound) -> {
            if (!claims.containsKey(table)) {
                unclaimed.put(table, tableFound.references().stream().map(MemberTables.Reference::column).toList());
            }
        });
        assertThat(unclaimed)
                .as("tables that refer to a member (by these columns) but that no MemberData claims: the feature that "
                        + "writes each must say how it is exported and erased")
                .isEmpty();
        assertThat(claims.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList())
                .as("tables claimed by more than one feature").isEmpty();

        Set<String> inDatabase;
        try (Connection connection = dataSource.getConnection();
                var tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            inDatabase = new HashSet<>();
            while (tables.next()) {
                inDatabase.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(inDatabase).as("claimed tables exist").containsAll(claims.keySet());
        assertThat(features.stream().map(MemberData::section).collect(Collectors.toSet()))
                .as("each feature has a section of its own").hasSize(features.size());
    }

    private static String name(Table<?> table) {
        return table.getName().toLowerCase(Locale.ROOT);
    }
}
