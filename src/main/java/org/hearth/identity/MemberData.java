package org.hearth.identity;

import java.util.List;
import java.util.Optional;
import org.jooq.Table;

/**
 * What one feature holds about a member, in one place: the tables it keeps about them, its
 * section of the member's download, and how it erases them when they delete their account.
 * Every feature that stores anything about a member implements it (identity too, for the
 * account itself), so identity can export and erase without depending on any feature.
 *
 * <p>A test reads the migrated schema and fails when a table that refers to a member is claimed
 * by no implementation; adding such a table therefore means deciding how it is exported and
 * erased. Deleting an account first asks every implementation {@link #beforeDeletion}; only
 * when all agree does erasing start, in one transaction, in Spring's order ({@code @Order},
 * lowest first): a feature erases before the features it depends on, so no row is erased while
 * another feature's row still points at it. Identity's own account, which every feature points
 * at, goes last.
 */
public interface MemberData {

    /**
     * The name of this feature's section in the download ("account", "communities", ...); each
     * feature has its own. Part of the documented format: renaming it is a new version.
     */
    String section();

    /**
     * Every table in which this feature keeps rows about a member, including rows that stay
     * behind as markers when the member leaves (a deleted post's place in its topic). Each table
     * is claimed by exactly one feature, the one that writes it.
     */
    List<Table<?>> tables();

    /**
     * What the member must do before their account can be deleted, in words for them ("You are
     * the only owner of ..."), or empty. Asked of every feature before anything is erased, so the
     * member hears every reason at once and a refusal leaves everything as it was.
     */
    default Optional<String> beforeDeletion(String memberId) {
        return Optional.empty();
    }

    /**
     * This feature's section of the member's download: records, lists, maps and plain values,
     * written as JSON. Only data about this member: never secrets that guard the account
     * (password hashes, second-factor secrets, recovery code digests, passkey keys, session
     * ids), and never what would tell them something private about another member.
     */
    Object export(String memberId);

    /**
     * Erases what this feature holds about the member. Runs inside the deletion's transaction,
     * after every feature agreed; anything that fails undoes the whole deletion.
     */
    void erase(String memberId);
}
