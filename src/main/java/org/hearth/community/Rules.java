package org.hearth.community;

import static org.hearth.community.schema.Tables.COMMUNITY_RULES;
import static org.hearth.community.schema.Tables.COMMUNITY_RULE_VERSIONS;
import static org.hearth.community.schema.Tables.MEMBERSHIPS;
import static org.jooq.impl.DSL.max;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.identity.Members;
import org.hearth.platform.text.Markdown;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A community's charter and numbered rules, as versions kept for ever: whoever may see the
 * community may read them (a person deciding whether to join most of all), with who saved each
 * version by staff name and what changed. Fellow moderators who may act as moderators also see
 * the handle behind a staff name. Changes are made by {@link EditRules}; a member agrees to a
 * version when joining ({@link JoinCommunity}).
 */
@Service
public class Rules {

    /** The version every community's rules start at. */
    public static final int FIRST_VERSION = 1;

    /** A rule as an editor typed it; the key (empty for a new rule) follows it through rewording and moving. */
    public record Draft(String key, String title, String text) {
    }

    /** One rule of a version: its number, its words and its text made safe HTML. */
    public record Rule(int number, String key, String title, String text, String html) {
    }

    /**
     * One version of the rules.
     *
     * @param staffName who saved it as members know them, or null for the rules Hearth starts with
     * @param handle the handle behind the staff name, only for those who may act as moderators
     */
    public record Version(int number, String charter, String charterHtml, List<Rule> rules, String summary,
            long savedAt, String staffName, String handle) {

        /** Who saved it, in the words every reader sees. */
        public String by() {
            return staffName == null ? "Hearth (the rules every community starts with)" : staffName;
        }
    }

    /** A line of a simple line-by-line comparison: kept (' '), added ('+') or removed ('-'). */
    public record Line(char kind, String text) {
    }

    /** One rule that changed, with its text before and after, line by line. */
    public record ChangedRule(String heading, List<Line> lines) {
    }

    /** What changed from the version before, in words and line by line. */
    public record Changes(List<String> inWords, List<Line> charter, List<ChangedRule> rules) {
    }

    /** A version as read in full, with what changed against the one before (none for version 1). */
    public record Reading(Version version, Optional<Changes> changes) {
    }

    private final DSLContext db;
    private final Markdown markdown;
    private final Members members;

    Rules(DSLContext db, Markdown markdown, Members members) {
        this.db = db;
        this.markdown = markdown;
        this.members = members;
    }

    // ---- reading ---------------------------------------------------------------------------

    /** The rules in force, for anyone who may see the community. */
    public Version current(Access access) {
        String communityId = access.community().id();
        return version(communityId, currentNumber(communityId), access.canModerate()).orElseThrow();
    }

    /** Every version, newest first, without their rules (read one to see them). */
    public List<Version> history(Access access) {
        String communityId = access.community().id();
        var rows = db.selectFrom(COMMUNITY_RULE_VERSIONS).where(COMMUNITY_RULE_VERSIONS.COMMUNITY_ID.eq(communityId))
                .orderBy(COMMUNITY_RULE_VERSIONS.VERSION.desc()).fetch();
        Map<String, String> handles = access.canModerate()
                ? members.handles(rows.stream().map(r -> r.getSavedBy()).filter(Objects::nonNull).collect(Collectors.toSet()))
                : Map.of();
        return rows.map(r -> new Version(r.getVersion(), r.getCharter(), null, List.of(), r.getSummary(), r.getSavedAt(),
                r.getStaffNumber() == null ? null : StaffNames.name(r.getStaffNumber()),
                r.getSavedBy() == null ? null : handles.get(r.getSavedBy())));
    }

    /** One version in full with what changed against the one before, or empty when there is no such version. */
    public Optional<Reading> reading(Access access, int number) {
        String communityId = access.community().id();
        return version(communityId, number, access.canModerate()).map(version -> new Reading(version,
                number <= 1 ? Optional.empty()
                        : version(communityId, number - 1, false).map(before -> changes(before, version))));
    }

    /**
     * The version of the rules in force when it is newer than the one this member agreed to on
     * joining; empty for everyone else (not a member, agreed to these, or joined before the rules).
     */
    public Optional<Integer> changedSinceJoined(Access access, String memberId) {
        if (!access.member() || memberId == null) {
            return Optional.empty();
        }
        String communityId = access.community().id();
        Optional<Integer> agreed = db.select(MEMBERSHIPS.RULES_VERSION).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId))
                .fetchOptional(MEMBERSHIPS.RULES_VERSION);
        return agreed.flatMap(version -> {
            int now = currentNumber(communityId);
            return now > version ? Optional.of(now) : Optional.empty();
        });
    }

    // ---- the steps the use cases of this package are made of --------------------------------

    int currentNumber(String communityId) {
        Integer number = db.select(max(COMMUNITY_RULE_VERSIONS.VERSION)).from(COMMUNITY_RULE_VERSIONS)
                .where(COMMUNITY_RULE_VERSIONS.COMMUNITY_ID.eq(communityId)).fetchOne(0, Integer.class);
        return number == null ? 0 : number;
    }

    Optional<Version> version(String communityId, int number, boolean withHandle) {
        var row = db.selectFrom(COMMUNITY_RULE_VERSIONS)
                .where(COMMUNITY_RULE_VERSIONS.COMMUNITY_ID.eq(communityId), COMMUNITY_RULE_VERSIONS.VERSION.eq(number))
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var r = row.get();
        List<Rule> rules = db.selectFrom(COMMUNITY_RULES)
                .where(COMMUNITY_RULES.COMMUNITY_ID.eq(communityId), COMMUNITY_RULES.VERSION.eq(number))
                .orderBy(COMMUNITY_RULES.NUMBER)
                .fetch(rule -> new Rule(rule.getNumber(), rule.getRuleKey(), rule.getTitle(), rule.getBody(),
                        markdown.toSafeHtml(rule.getBody())));
        String handle = withHandle && r.getSavedBy() != null
                ? members.handles(List.of(r.getSavedBy())).get(r.getSavedBy()) : null;
        return Optional.of(new Version(number, r.getCharter(), markdown.toSafeHtml(r.getCharter()), rules, r.getSummary(),
                r.getSavedAt(), r.getStaffNumber() == null ? null : StaffNames.name(r.getStaffNumber()), handle));
    }

    /** A new community's first version: the rules Hearth suggests, which its moderators can change. */
    void startWith(String communityId, long at) {
        save(communityId, FIRST_VERSION, DefaultRules.CHARTER, DefaultRules.RULES, DefaultRules.SUMMARY, at, null, null);
    }

    /** Saves a version; the key (community, version) refuses a second save of the same number. */
    void save(String communityId, int number, String charter, List<Draft> rules, String summary, long at,
            String memberId, Integer staffNumber) {
        db.insertInto(COMMUNITY_RULE_VERSIONS)
                .set(COMMUNITY_RULE_VERSIONS.COMMUNITY_ID, communityId).set(COMMUNITY_RULE_VERSIONS.VERSION, number)
                .set(COMMUNITY_RULE_VERSIONS.CHARTER, charter).set(COMMUNITY_RULE_VERSIONS.SUMMARY, summary)
                .set(COMMUNITY_RULE_VERSIONS.SAVED_AT, at).set(COMMUNITY_RULE_VERSIONS.SAVED_BY, memberId)
                .set(COMMUNITY_RULE_VERSIONS.STAFF_NUMBER, staffNumber)
                .execute();
        for (int i = 0; i < rules.size(); i++) {
            Draft rule = rules.get(i);
            db.insertInto(COMMUNITY_RULES)
                    .set(COMMUNITY_RULES.COMMUNITY_ID, communityId).set(COMMUNITY_RULES.VERSION, number)
                    .set(COMMUNITY_RULES.NUMBER, i + 1).set(COMMUNITY_RULES.RULE_KEY, rule.key())
                    .set(COMMUNITY_RULES.TITLE, rule.title()).set(COMMUNITY_RULES.BODY, rule.text())
                    .execute();
        }
    }

    // ---- what changed ----------------------------------------------------------------------

    static Changes changes(Version before, Version after) {
        List<String> words = new ArrayList<>();
        List<ChangedRule> changed = new ArrayList<>();
        if (!before.charter().equals(after.charter())) {
            words.add("The charter was changed.");
        }
        Map<String, Rule> old = byKey(before.rules());
        Map<String, Rule> now = byKey(after.rules());
        for (Rule rule : after.rules()) {
            Rule was = old.get(rule.key());
            if (was == null) {
                words.add("Rule " + rule.number() + " “" + rule.title() + "” was added.");
                changed.add(new ChangedRule("Rule " + rule.number() + " (added)", LineDiff.of("", whole(rule))));
                continue;
            }
            boolean reworded = !was.title().equals(rule.title()) || !was.text().equals(rule.text());
            if (was.number() != rule.number()) {
                words.add("Rule “" + rule.title() + "” moved from number " + was.number() + " to number " + rule.number()
                        + (reworded ? " and was reworded." : "."));
            } else if (reworded) {
                words.add("Rule " + rule.number() + " “" + rule.title() + "” was reworded.");
            }
            if (reworded) {
                changed.add(new ChangedRule("Rule " + rule.number() + " (reworded)", LineDiff.of(whole(was), whole(rule))));
            }
        }
        for (Rule rule : before.rules()) {
            if (!now.containsKey(rule.key())) {
                words.add("Rule " + rule.number() + " “" + rule.title() + "” was removed.");
                changed.add(new ChangedRule("Former rule " + rule.number() + " (removed)", LineDiff.of(whole(rule), "")));
            }
        }
        return new Changes(List.copyOf(words), LineDiff.of(before.charter(), after.charter()), List.copyOf(changed));
    }

    private static String whole(Rule rule) {
        return rule.title() + "\n\n" + rule.text();
    }

    private static Map<String, Rule> byKey(List<Rule> rules) {
        return rules.stream().collect(Collectors.toMap(Rule::key, Function.identity(), (a, b) -> a));
    }

    /** Whether these drafts say exactly what the version says, in the same order. */
    static boolean same(Version version, String charter, List<Draft> drafts) {
        List<Draft> saved = version.rules().stream().map(r -> new Draft(r.key(), r.title(), r.text())).toList();
        return version.charter().equals(charter) && saved.equals(drafts);
    }
}
