package org.hearth.community;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A moderator or owner changes the charter and rules: adds, rewords, removes or reorders rules in
 * one save, with a short summary of what changed in their own words. Every save that changes
 * something is a new version, kept for ever; the one before stays readable. The editor says
 * which version they started from: when someone saved a newer one meanwhile, the save is refused
 * and their text is kept, so one moderator never silently undoes another's change.
 */
@Service
public class EditRules {

    static final int MAX_RULES = 30;
    static final int MAX_CHARTER = 10_000;
    static final int MAX_TITLE = 120;
    static final int MAX_TEXT = 4_000;
    static final int MAX_SUMMARY = 300;

    /**
     * @param basedOn the version the editor started from
     * @param rules the rules in their new order (a rule's key kept from the version it came from; empty for a new one)
     */
    public record Input(String slug, Viewer editor, int basedOn, String charter, List<Rules.Draft> rules, String summary) {
        public Input {
            Objects.requireNonNull(editor, "only a signed-in moderator edits the rules");
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    public sealed interface Outcome {
        record Saved(Community community, int version) implements Outcome {
        }

        /** No such community, or the person asking does not moderate it. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        /**
         * Problems with what was typed, in words: by field ("charter", "summary", "title-0",
         * "text-0" for the first rule, "rules" for the list as a whole).
         */
        record Invalid(Community community, Map<String, String> problems) implements Outcome {
        }

        /** What was sent is what the rules already say: no new version. */
        record Unchanged(Community community, int version) implements Outcome {
        }

        /** Someone saved a newer version after the editor started: nothing is saved. */
        record NewerVersionSaved(Community community, int basedOn, int newest) implements Outcome {
        }
    }

    private final Communities communities;
    private final Rules rules;
    private final StaffNames staffNames;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EditRules(Communities communities, Rules rules, StaffNames staffNames, ApplicationEventPublisher events, Clock clock) {
        this.communities = communities;
        this.rules = rules;
        this.staffNames = staffNames;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.editor()).filter(Access::moderates);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        String charter = tidy(input.charter());
        List<Rules.Draft> drafts = input.rules().stream()
                .map(r -> new Rules.Draft(r.key() == null ? "" : r.key().strip(), tidy(r.title()), tidy(r.text()))).toList();
        String summary = tidy(input.summary());
        return withSecondFactor(access)
                .or(() -> valid(access, charter, drafts, summary))
                .orElseGet(() -> communities.locked(access.community().id())
                        .map(now -> notOvertaken(now, input.basedOn())
                                .orElseGet(() -> save(now, input.editor(), charter, drafts, summary)))
                        .orElseGet(Outcome.NotFound::new));
    }

    private static Optional<Outcome> withSecondFactor(Access access) {
        return access.canModerate() ? Optional.empty() : Optional.of(new Outcome.SecondFactorNeeded());
    }

    private static Optional<Outcome> valid(Access access, String charter, List<Rules.Draft> drafts, String summary) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (charter.isEmpty()) {
            problems.put("charter", "Write the charter: who the community is for and how it is run.");
        } else if (charter.length() > MAX_CHARTER) {
            problems.put("charter", "Keep the charter under " + MAX_CHARTER + " characters.");
        }
        if (drafts.isEmpty()) {
            problems.put("rules", "Keep at least one rule.");
        } else if (drafts.size() > MAX_RULES) {
            problems.put("rules", "Keep to " + MAX_RULES + " rules at most.");
        }
        for (int i = 0; i < drafts.size() && i < MAX_RULES; i++) {
            Rules.Draft rule = drafts.get(i);
            int number = i + 1;
            if (rule.title().isEmpty()) {
                problems.put("title-" + i, "Give rule " + number + " a short title.");
            } else if (rule.title().length() > MAX_TITLE || rule.title().contains("\n")) {
                problems.put("title-" + i, "Keep the title of rule " + number + " to one line under " + MAX_TITLE + " characters.");
            }
            if (rule.text().isEmpty()) {
                problems.put("text-" + i, "Say what rule " + number + " means in a sentence or two.");
            } else if (rule.text().length() > MAX_TEXT) {
                problems.put("text-" + i, "Keep rule " + number + " under " + MAX_TEXT + " characters.");
            }
        }
        if (summary.isEmpty()) {
            problems.put("summary", "Say in a few words what you changed: members read it in the list of versions.");
        } else if (summary.length() > MAX_SUMMARY) {
            problems.put("summary", "Keep the summary under " + MAX_SUMMARY + " characters.");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(new Outcome.Invalid(access.community(), Collections.unmodifiableMap(problems)));
    }

    /** Asked with the community locked, so of two moderators saving from the same version one is told. */
    private Optional<Outcome> notOvertaken(Community now, int basedOn) {
        int newest = rules.currentNumber(now.id());
        return newest == basedOn ? Optional.empty() : Optional.of(new Outcome.NewerVersionSaved(now, basedOn, newest));
    }

    private Outcome save(Community community, Viewer editor, String charter, List<Rules.Draft> drafts, String summary) {
        int current = rules.currentNumber(community.id());
        Rules.Version before = rules.version(community.id(), current, false).orElseThrow();
        List<Rules.Draft> keyed = keyed(before, drafts);
        if (Rules.same(before, charter, keyed)) {
            return new Outcome.Unchanged(community, current);
        }
        int staffNumber = staffNames.number(community.id(), editor.memberId());
        rules.save(community.id(), current + 1, charter, keyed, summary, clock.millis(), editor.memberId(), staffNumber);
        events.publishEvent(new RulesChanged(community.id(), current + 1, editor.memberId()));
        return new Outcome.Saved(community, current + 1);
    }

    /** A rule keeps its key only when it came from the version before; a new rule (or a key sent twice) gets a new one. */
    private static List<Rules.Draft> keyed(Rules.Version before, List<Rules.Draft> drafts) {
        Set<String> known = new HashSet<>(before.rules().stream().map(Rules.Rule::key).toList());
        Set<String> used = new HashSet<>();
        List<Rules.Draft> keyed = new ArrayList<>();
        for (Rules.Draft draft : drafts) {
            String key = known.contains(draft.key()) && used.add(draft.key()) ? draft.key() : RandomId.next();
            keyed.add(new Rules.Draft(key, draft.title(), draft.text()));
        }
        return keyed;
    }

    /** Line ends as every browser may send them, made one; spaces around the whole removed. */
    private static String tidy(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
