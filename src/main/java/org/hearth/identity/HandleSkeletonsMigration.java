package org.hearth.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration 14.1: fills in the skeleton of every existing handle (the column and its unique
 * index come from V14). Skeletons need ICU, so this step is Java; as a Flyway migration it runs
 * exactly once, in the same transaction as the rest of the upgrade and before Hearth answers
 * any request, so no sign-up can slip in between the new column and its values. Spring Boot
 * hands every {@link JavaMigration} bean to Flyway.
 *
 * <p>Members are taken oldest first: the first handle with a skeleton keeps it; a later handle
 * that looks like it keeps its name (nothing is silently changed) but gets no skeleton, which
 * puts it on the site administrator's list of look-alike handles. Deleted accounts get their
 * placeholder key, so they clash with no one. Sign-in keys of handles that were not in NFKC form
 * (fullwidth letters, say) are brought to the form sign-in now looks for, unless another
 * member already holds that key.
 *
 * <p>Public for whatever migrates a database without Spring (the benchmark's site generator):
 * Flyway refuses to start Hearth on a database where this step was skipped.
 */
@Component
public class HandleSkeletonsMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(HandleSkeletonsMigration.class);
    /** Widths of {@code members.handle_skeleton} (V14) and {@code members.handle_key} (V1). */
    private static final int SKELETON_COLUMN = 400;
    private static final int KEY_COLUMN = 120;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14.1");
    }

    @Override
    public String getDescription() {
        return "handle skeletons of existing members";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        Map<String, String[]> members = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT id, handle, handle_key FROM members ORDER BY created_at, id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                members.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                keys.add(rows.getString(3));
            }
        }
        Set<String> skeletons = new HashSet<>();
        int lookAlikes = 0;
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE members SET handle_skeleton = ?, handle_key = ? WHERE id = ?")) {
            for (var member : members.entrySet()) {
                String handle = member.getValue()[0];
                String key = member.getValue()[1];
                String skeleton;
                if (key.startsWith(Members.DELETED_KEY_PREFIX)) {
                    skeleton = key; // a deleted account's placeholder
                } else {
                    skeleton = Handles.skeleton(handle);
                    // an old handle whose forms outgrow their columns (a ligature like U+FDFA unfolds
                    // to 18 letters) keeps its old key and goes on the administrator's list
                    if (skeleton.length() > SKELETON_COLUMN || !skeletons.add(skeleton)) {
                        skeleton = null;
                        lookAlikes++;
                    }
                    String normalisedKey = Handles.key(handle);
                    if (!normalisedKey.equals(key) && normalisedKey.length() <= KEY_COLUMN && keys.add(normalisedKey)) {
                        keys.remove(key);
                        key = normalisedKey;
                    }
                }
                update.setString(1, skeleton);
                update.setString(2, key);
                update.setString(3, member.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        if (lookAlikes > 0) {
            log.warn("{} existing handles look like an older member's handle; site administrators see them at /admin/handles",
                    lookAlikes);
        }
    }
}
