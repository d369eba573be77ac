package org.hearth.decision;

import static org.hearth.decision.schema.Tables.DECISION_OPTIONS;
import static org.hearth.decision.schema.Tables.DECISION_QUESTIONS;
import static org.hearth.decision.schema.Tables.EXPERIENCES;
import static org.hearth.decision.schema.Tables.EXPERIENCE_ANSWERS;
import static org.hearth.decision.schema.Tables.EXPERIENCE_CONTEXT;
import static org.hearth.decision.schema.Tables.EXPERIENCE_UPDATES;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.PostView;
import org.hearth.conversation.TopicExtension;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Members' experiences of decisions: the columns of a decision page (counts per option, the
 * answers and the most helpful experiences), what the thread shows with an experience's post,
 * and what the use cases store. Counts take only experiences members see: a deleted post or one
 * hidden while moderators review it counts for no one, moderators included, so every reader of
 * a decision reads the same figures.
 */
@Service
public class Experiences {

    /** Experiences shown in full in an option's column, the most helpful first. */
    public static final int SHOWN_PER_OPTION = 5;
    public static final int MAX_ANSWER = 500;

    /** What a member added to their experience later, as the timeline under it shows it. */
    public record Update(long writtenAt, String html, WouldChooseAgain wouldAgain) {

        /** When it was written, as a month ("June 2025"). */
        public String month() {
            var month = java.time.YearMonth.from(java.time.Instant.ofEpochMilli(writtenAt).atZone(java.time.ZoneOffset.UTC));
            return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + month.getYear();
        }
    }

    /**
     * One experience as its column shows it: its post as the reader sees it, and what it says of
     * the choice; {@code wouldAgain} as first said (each update says what it said then).
     */
    public record Shown(PostView post, ChosenIn chosenIn, WouldChooseAgain wouldAgain, List<Update> updates, int page) {
    }

    /** One answer to a question, with the experience it belongs to. */
    public record Answer(String postId, String text) {
    }

    /**
     * One option's column: how many experiences members see, how many would choose it again,
     * the answers to each question (by the question's position) from the experiences shown, and
     * those experiences.
     */
    public record Column(Option option, int count, Map<WouldChooseAgain, Integer> again, Map<Integer, List<Answer>> answers,
            List<Shown> shown, boolean belowMinimum) {

        public int again(WouldChooseAgain answer) {
            return again.getOrDefault(answer, 0);
        }
    }

    /**
     * The decision's columns, the reader's own experience if they added one (its post, to update
     * it), and whether a filter by shared context narrowed them.
     */
    public record Columns(List<Column> columns, String mine, boolean filtered) {
    }

    /**
     * Fewer experiences than this matching a filter in a column, or fewer than this not matching
     * it, and the column shows not even how many: combining filters must not single anyone out.
     * Under a filter a column shows only how many match, never which.
     */
    public static final int FILTER_MINIMUM = 3;

    /**
     * An experience as its post in the thread shows it: {@code wouldAgain} as first said;
     * {@code answers} by the question's words, in the questions' order.
     */
    public record OnPost(String optionName, ChosenIn chosenIn, WouldChooseAgain wouldAgain, Map<String, String> answers,
            List<Update> updates) {
    }

    private final DSLContext db;
    private final Conversations conversations;

    Experiences(DSLContext db, Conversations conversations) {
        this.db = db;
        this.conversations = conversations;
    }

    /** The columns of a decision on its topic page (conversation checked that the reader may read the topic). */
    public Columns columns(TopicExtension.TopicShown topic, DecisionTopics.Decision decision, Map<String, String> filter) {
        return columns(topic.access(), topic.viewer(), decision, filter);
    }

    /** @param filter the shared context asked for, choice by field; empty for no filter */
    Columns columns(Access access, Viewer viewer, DecisionTopics.Decision decision, Map<String, String> filter) {
        String topicId = decision.topicId();
        record Row(String postId, String memberId, String optionId, int chosen, WouldChooseAgain first, WouldChooseAgain again) {
        }
        List<Row> rows = db.select(EXPERIENCES.POST_ID, EXPERIENCES.MEMBER_ID, EXPERIENCES.OPTION_ID, EXPERIENCES.CHOSEN_MONTH,
                        EXPERIENCES.FIRST_WOULD_AGAIN, EXPERIENCES.WOULD_AGAIN).from(EXPERIENCES).where(EXPERIENCES.TOPIC_ID.eq(topicId))
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), WouldChooseAgain.valueOf(r.value5()),
                        WouldChooseAgain.valueOf(r.value6())));
        boolean filtered = !filter.isEmpty();
        if (rows.isEmpty()) {
            return new Columns(decision.options().stream().map(option -> empty(option, filtered)).toList(), null, filtered);
        }
        Map<String, Map<String, String>> shared = filtered ? sharedContext(topicId) : Map.of();
        Map<String, Conversations.Standing> standings = conversations.standings(access, topicId, rows.stream().map(Row::postId).toList());
        String mine = viewer == null ? null : rows.stream()
                .filter(row -> row.memberId().equals(viewer.memberId()) && standings.containsKey(row.postId())
                        && standings.get(row.postId()).shownToMembers())
                .map(Row::postId).findFirst().orElse(null);
        Comparator<Row> mostHelpfulFirst = Comparator.<Row>comparingInt(row -> standings.get(row.postId()).helpful()).reversed()
                .thenComparing(Comparator.<Row>comparingLong(row -> standings.get(row.postId()).createdAt()).reversed());
        Map<String, List<Row>> byOption = new HashMap<>();
        Map<String, Integer> everyOfOption = new HashMap<>();
        rows.stream().filter(row -> standings.containsKey(row.postId()) && standings.get(row.postId()).shownToMembers())
                .peek(row -> everyOfOption.merge(row.optionId(), 1, Integer::sum))
                .filter(row -> shared.getOrDefault(row.postId(), Map.of()).entrySet().containsAll(filter.entrySet()))
                .sorted(mostHelpfulFirst).forEach(row -> byOption.computeIfAbsent(row.optionId(), id -> new ArrayList<>()).add(row));
        // Under a filter a column says how many match only when at least FILTER_MINIMUM do and as
        // many do not: "all of them" or "all but one" would tell of the writers, whom the thread
        // names, what they shared.
        byOption.entrySet().removeIf(entry -> filtered && (entry.getValue().size() < FILTER_MINIMUM
                || everyOfOption.get(entry.getKey()) - entry.getValue().size() < FILTER_MINIMUM));
        // Under a filter only the figures are shown: the experiences that match would tell, of each
        // of their writers, what they shared about themselves, as their words are also in the thread.
        List<String> shownIds = filtered ? List.of()
                : byOption.values().stream().flatMap(list -> list.stream().limit(SHOWN_PER_OPTION)).map(Row::postId).toList();
        Map<String, PostView> posts = new HashMap<>();
        conversations.posts(access, topicId, viewer, shownIds).forEach(post -> posts.put(post.id(), post));
        Map<String, Map<Integer, String>> answers = answers(shownIds);
        Map<String, List<Update>> updates = updates(shownIds);
        List<Column> columns = new ArrayList<>();
        for (Option option : decision.options()) {
            List<Row> ofOption = byOption.getOrDefault(option.id(), List.of());
            if (filtered && ofOption.isEmpty()) {
                columns.add(empty(option, true));
                continue;
            }
            Map<WouldChooseAgain, Integer> again = new EnumMap<>(WouldChooseAgain.class);
            ofOption.forEach(row -> again.merge(row.again(), 1, Integer::sum));
            List<Shown> shown = new ArrayList<>();
            Map<Integer, List<Answer>> byQuestion = new LinkedHashMap<>();
            for (Row row : filtered ? List.<Row>of() : ofOption.subList(0, Math.min(SHOWN_PER_OPTION, ofOption.size()))) {
                PostView post = posts.get(row.postId());
                if (post == null) {
                    continue;
                }
                shown.add(new Shown(post, ChosenIn.ofStored(row.chosen()), row.first(), updates.getOrDefault(row.postId(), List.of()),
                        post.position() / org.hearth.conversation.TopicPage.POSTS_PER_PAGE + 1));
                if (!post.folded() && post.contentWarning() == null) { // folded and warned answers stay with their experience
                    answers.getOrDefault(row.postId(), Map.of()).forEach((question, text) ->
                            byQuestion.computeIfAbsent(question, q -> new ArrayList<>()).add(new Answer(row.postId(), text)));
                }
            }
            columns.add(new Column(option, ofOption.size(), again, byQuestion, shown, false));
        }
        return new Columns(columns, mine, filtered);
    }

    private static Column empty(Option option, boolean belowMinimum) {
        return new Column(option, 0, Map.of(), Map.of(), List.of(), belowMinimum);
    }

    /** What each experience of the decision shared, choice by field, by post. */
    private Map<String, Map<String, String>> sharedContext(String topicId) {
        Map<String, Map<String, String>> shared = new HashMap<>();
        db.select(EXPERIENCE_CONTEXT.POST_ID, EXPERIENCE_CONTEXT.FIELD_ID, EXPERIENCE_CONTEXT.CHOICE_ID).from(EXPERIENCE_CONTEXT)
                .join(EXPERIENCES).on(EXPERIENCES.POST_ID.eq(EXPERIENCE_CONTEXT.POST_ID)).where(EXPERIENCES.TOPIC_ID.eq(topicId))
                .forEach(r -> shared.computeIfAbsent(r.value1(), id -> new HashMap<>()).put(r.value2(), r.value3()));
        return shared;
    }

    /** The experiences among these posts of a page, by post; one query when none is an experience. */
    public Map<String, OnPost> onPosts(Collection<String> postIds) {
        List<String> valid = postIds.stream().filter(RandomId::looksValid).distinct().toList();
        if (valid.isEmpty()) {
            return Map.of();
        }
        var rows = db.select(EXPERIENCES.POST_ID, EXPERIENCES.CHOSEN_MONTH, EXPERIENCES.FIRST_WOULD_AGAIN,
                        DECISION_OPTIONS.NAME)
                .from(EXPERIENCES).join(DECISION_OPTIONS).on(DECISION_OPTIONS.ID.eq(EXPERIENCES.OPTION_ID))
                .where(EXPERIENCES.POST_ID.in(valid)).fetch();
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<String> experienceIds = rows.getValues(EXPERIENCES.POST_ID);
        // the answers with their questions' words, in one query
        Map<String, Map<String, String>> answers = new HashMap<>();
        db.select(EXPERIENCE_ANSWERS.POST_ID, DECISION_QUESTIONS.TEXT, EXPERIENCE_ANSWERS.ANSWER).from(EXPERIENCE_ANSWERS)
                .join(EXPERIENCES).on(EXPERIENCES.POST_ID.eq(EXPERIENCE_ANSWERS.POST_ID))
                .join(DECISION_QUESTIONS).on(DECISION_QUESTIONS.TOPIC_ID.eq(EXPERIENCES.TOPIC_ID),
                        DECISION_QUESTIONS.POSITION.eq(EXPERIENCE_ANSWERS.QUESTION))
                .where(EXPERIENCE_ANSWERS.POST_ID.in(experienceIds)).orderBy(EXPERIENCE_ANSWERS.QUESTION)
                .forEach(r -> answers.computeIfAbsent(r.value1(), id -> new LinkedHashMap<>()).put(r.value2(), r.value3()));
        Map<String, List<Update>> updates = updates(experienceIds);
        Map<String, OnPost> found = new HashMap<>();
        for (var r : rows) {
            String postId = r.get(EXPERIENCES.POST_ID);
            found.put(postId, new OnPost(r.get(DECISION_OPTIONS.NAME), ChosenIn.ofStored(r.get(EXPERIENCES.CHOSEN_MONTH)),
                    WouldChooseAgain.valueOf(r.get(EXPERIENCES.FIRST_WOULD_AGAIN)), answers.getOrDefault(postId, Map.of()),
                    updates.getOrDefault(postId, List.of())));
        }
        return found;
    }

    private Map<String, Map<Integer, String>> answers(List<String> postIds) {
        Map<String, Map<Integer, String>> answers = new HashMap<>();
        if (!postIds.isEmpty()) {
            db.select(EXPERIENCE_ANSWERS.POST_ID, EXPERIENCE_ANSWERS.QUESTION, EXPERIENCE_ANSWERS.ANSWER).from(EXPERIENCE_ANSWERS)
                    .where(EXPERIENCE_ANSWERS.POST_ID.in(postIds)).orderBy(EXPERIENCE_ANSWERS.QUESTION)
                    .forEach(r -> answers.computeIfAbsent(r.value1(), id -> new LinkedHashMap<>()).put(r.value2(), r.value3()));
        }
        return answers;
    }

    private Map<String, List<Update>> updates(List<String> postIds) {
        Map<String, List<Update>> updates = new HashMap<>();
        if (!postIds.isEmpty()) {
            db.select(EXPERIENCE_UPDATES.POST_ID, EXPERIENCE_UPDATES.WRITTEN_AT, EXPERIENCE_UPDATES.BODY_HTML, EXPERIENCE_UPDATES.WOULD_AGAIN)
                    .from(EXPERIENCE_UPDATES).where(EXPERIENCE_UPDATES.POST_ID.in(postIds))
                    .orderBy(EXPERIENCE_UPDATES.WRITTEN_AT, EXPERIENCE_UPDATES.ID)
                    .forEach(r -> updates.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                            .add(new Update(r.value2(), r.value3(), WouldChooseAgain.valueOf(r.value4()))));
        }
        return updates;
    }

    /** A reader's own experience of a decision: its post, and what they last said about choosing it again. */
    public record Mine(String postId, WouldChooseAgain wouldAgain, int page) {
    }

    /** The reader's experience of this decision, if one stands (its post not deleted) and they may read the topic. */
    public Optional<Mine> mine(Access access, Viewer viewer, String topicId) {
        if (viewer == null || !access.canRead()) {
            return Optional.empty();
        }
        return db.select(EXPERIENCES.POST_ID, EXPERIENCES.WOULD_AGAIN).from(EXPERIENCES)
                .where(EXPERIENCES.TOPIC_ID.eq(topicId), EXPERIENCES.MEMBER_ID.eq(viewer.memberId())).fetchOptional()
                .flatMap(r -> conversations.writtenBy(access, r.value1()).filter(written -> !written.deleted())
                        .map(written -> new Mine(r.value1(), WouldChooseAgain.valueOf(r.value2()), written.location().page())));
    }

    // ---- for the use cases ----------------------------------------------------------------------

    /** The member's experience of this decision, if any: its post. */
    Optional<String> of(String topicId, String memberId) {
        return db.select(EXPERIENCES.POST_ID).from(EXPERIENCES)
                .where(EXPERIENCES.TOPIC_ID.eq(topicId), EXPERIENCES.MEMBER_ID.eq(memberId)).fetchOptional(EXPERIENCES.POST_ID);
    }

    /** Removes an experience whose post its author deleted, so they may add a new one. */
    void forget(String postId) {
        db.deleteFrom(EXPERIENCE_UPDATES).where(EXPERIENCE_UPDATES.POST_ID.eq(postId)).execute();
        db.deleteFrom(EXPERIENCE_ANSWERS).where(EXPERIENCE_ANSWERS.POST_ID.eq(postId)).execute();
        db.deleteFrom(EXPERIENCE_CONTEXT).where(EXPERIENCE_CONTEXT.POST_ID.eq(postId)).execute();
        db.deleteFrom(EXPERIENCES).where(EXPERIENCES.POST_ID.eq(postId)).execute();
    }

    void insert(String postId, String topicId, String memberId, String optionId, ChosenIn chosenIn, WouldChooseAgain again,
            Map<Integer, String> answers, Map<String, String> contextByField) {
        db.insertInto(EXPERIENCES).set(EXPERIENCES.POST_ID, postId).set(EXPERIENCES.TOPIC_ID, topicId)
                .set(EXPERIENCES.MEMBER_ID, memberId).set(EXPERIENCES.OPTION_ID, optionId)
                .set(EXPERIENCES.CHOSEN_MONTH, chosenIn.stored()).set(EXPERIENCES.FIRST_WOULD_AGAIN, again.name())
                .set(EXPERIENCES.WOULD_AGAIN, again.name()).execute();
        answers.forEach((question, answer) -> db.insertInto(EXPERIENCE_ANSWERS).set(EXPERIENCE_ANSWERS.POST_ID, postId)
                .set(EXPERIENCE_ANSWERS.QUESTION, question).set(EXPERIENCE_ANSWERS.ANSWER, answer).execute());
        contextByField.forEach((field, choice) -> db.insertInto(EXPERIENCE_CONTEXT).set(EXPERIENCE_CONTEXT.POST_ID, postId)
                .set(EXPERIENCE_CONTEXT.FIELD_ID, field).set(EXPERIENCE_CONTEXT.CHOICE_ID, choice).execute());
    }

    /** When the experience was last added to, or null. */
    Long lastUpdateAt(String postId) {
        return db.select(org.jooq.impl.DSL.max(EXPERIENCE_UPDATES.WRITTEN_AT)).from(EXPERIENCE_UPDATES)
                .where(EXPERIENCE_UPDATES.POST_ID.eq(postId)).fetchOne(0, Long.class);
    }

    /** Adds to the timeline and makes its "would choose again" the experience's; false when there is no such experience. */
    boolean addUpdate(String postId, String source, String html, WouldChooseAgain again, long now) {
        int changed = db.update(EXPERIENCES).set(EXPERIENCES.WOULD_AGAIN, again.name()).where(EXPERIENCES.POST_ID.eq(postId)).execute();
        if (changed == 0) {
            return false;
        }
        db.insertInto(EXPERIENCE_UPDATES).set(EXPERIENCE_UPDATES.ID, RandomId.next()).set(EXPERIENCE_UPDATES.POST_ID, postId)
                .set(EXPERIENCE_UPDATES.WRITTEN_AT, now).set(EXPERIENCE_UPDATES.BODY_SOURCE, source)
                .set(EXPERIENCE_UPDATES.BODY_HTML, html).set(EXPERIENCE_UPDATES.WOULD_AGAIN, again.name()).execute();
        return true;
    }
}
