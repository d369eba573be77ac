package org.hearth.decision;

import static org.hearth.decision.schema.Tables.CONTEXT_CHOICES;
import static org.hearth.decision.schema.Tables.CONTEXT_FIELDS;
import static org.hearth.decision.schema.Tables.DECISION_OPTIONS;
import static org.hearth.decision.schema.Tables.DECISION_QUESTIONS;
import static org.hearth.decision.schema.Tables.EXPERIENCES;
import static org.hearth.decision.schema.Tables.EXPERIENCE_ANSWERS;
import static org.hearth.decision.schema.Tables.EXPERIENCE_CONTEXT;
import static org.hearth.decision.schema.Tables.EXPERIENCE_UPDATES;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hearth.identity.MemberData;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A member's experiences of decisions in their download, and their erasure with the account.
 * Exported: for each experience, its post (whose text is in the posts section), the option, the
 * month chosen, whether they would choose it again, their answers with the questions, the context
 * they shared, and the timeline of updates. Erased before conversations (100): the experience, its answers and its
 * updates go, so it leaves every column and count at once; its post is erased as any other. Of
 * the decisions they started, the export has the options and questions; erasing blanks the
 * options' descriptions with the opening post, and keeps the options' names and the questions,
 * under which others' experiences and answers are filed.
 */
@Component
@Order(45)
class ExperiencesOfAMember implements MemberData {

    private final DSLContext db;
    private final org.hearth.conversation.Conversations conversations;

    ExperiencesOfAMember(DSLContext db, org.hearth.conversation.Conversations conversations) {
        this.db = db;
        this.conversations = conversations;
    }

    @Override
    public String section() {
        return "decisions";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(EXPERIENCES, EXPERIENCE_ANSWERS, EXPERIENCE_UPDATES, EXPERIENCE_CONTEXT);
    }

    record Section(List<Experience> experiences, List<DecisionStarted> decisionsStarted) {
    }

    /** A decision the member started: what it set out, by its words now. */
    record DecisionStarted(String topicId, List<StartedOption> options, List<String> questions) {
    }

    record StartedOption(String name, String description) {
    }

    record Experience(String postId, String topicId, String option, String chosenIn, String wouldChooseAgain,
            Map<String, String> answers, Map<String, String> sharedContext, List<Update> updates) {
    }

    record Update(Instant writtenAt, String text, String wouldChooseAgain) {
    }

    @Override
    public Object export(String memberId) {
        var theirs = select(EXPERIENCES.POST_ID).from(EXPERIENCES).where(EXPERIENCES.MEMBER_ID.eq(memberId));
        Map<String, Map<String, String>> answers = new java.util.HashMap<>();
        db.select(EXPERIENCE_ANSWERS.POST_ID, DECISION_QUESTIONS.TEXT, EXPERIENCE_ANSWERS.ANSWER)
                .from(EXPERIENCE_ANSWERS).join(EXPERIENCES).on(EXPERIENCES.POST_ID.eq(EXPERIENCE_ANSWERS.POST_ID))
                .join(DECISION_QUESTIONS).on(DECISION_QUESTIONS.TOPIC_ID.eq(EXPERIENCES.TOPIC_ID),
                        DECISION_QUESTIONS.POSITION.eq(EXPERIENCE_ANSWERS.QUESTION))
                .where(EXPERIENCE_ANSWERS.POST_ID.in(theirs)).orderBy(EXPERIENCE_ANSWERS.QUESTION)
                .forEach(r -> answers.computeIfAbsent(r.value1(), id -> new java.util.LinkedHashMap<>()).put(r.value2(), r.value3()));
        Map<String, Map<String, String>> shared = new java.util.HashMap<>();
        db.select(EXPERIENCE_CONTEXT.POST_ID, CONTEXT_FIELDS.LABEL, CONTEXT_CHOICES.LABEL).from(EXPERIENCE_CONTEXT)
                .join(CONTEXT_FIELDS).on(CONTEXT_FIELDS.ID.eq(EXPERIENCE_CONTEXT.FIELD_ID))
                .join(CONTEXT_CHOICES).on(CONTEXT_CHOICES.ID.eq(EXPERIENCE_CONTEXT.CHOICE_ID))
                .where(EXPERIENCE_CONTEXT.POST_ID.in(theirs)).orderBy(CONTEXT_FIELDS.POSITION)
                .forEach(r -> shared.computeIfAbsent(r.value1(), id -> new java.util.LinkedHashMap<>()).put(r.value2(), r.value3()));
        Map<String, List<Update>> updates = db.select(EXPERIENCE_UPDATES.POST_ID, EXPERIENCE_UPDATES.WRITTEN_AT,
                        EXPERIENCE_UPDATES.BODY_SOURCE, EXPERIENCE_UPDATES.WOULD_AGAIN)
                .from(EXPERIENCE_UPDATES).where(EXPERIENCE_UPDATES.POST_ID.in(theirs))
                .orderBy(EXPERIENCE_UPDATES.WRITTEN_AT, EXPERIENCE_UPDATES.ID)
                .fetchGroups(EXPERIENCE_UPDATES.POST_ID, r -> new Update(Instant.ofEpochMilli(r.value2()), r.value3(), lower(r.value4())));
        return new Section(db.select(EXPERIENCES.POST_ID, EXPERIENCES.TOPIC_ID, DECISION_OPTIONS.NAME, EXPERIENCES.CHOSEN_MONTH,
                        EXPERIENCES.FIRST_WOULD_AGAIN)
                .from(EXPERIENCES).join(DECISION_OPTIONS).on(DECISION_OPTIONS.ID.eq(EXPERIENCES.OPTION_ID))
                .where(EXPERIENCES.MEMBER_ID.eq(memberId)).orderBy(EXPERIENCES.POST_ID)
                .fetch(r -> new Experience(r.value1(), r.value2(), r.value3(), ChosenIn.ofStored(r.value4()).month().toString(),
                        lower(r.value5()), answers.getOrDefault(r.value1(), Map.of()), shared.getOrDefault(r.value1(), Map.of()),
                        updates.getOrDefault(r.value1(), List.of()))), started(memberId));
    }

    private List<DecisionStarted> started(String memberId) {
        List<String> topics = conversations.topicsOpenedBy(memberId);
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, List<StartedOption>> options = db.select(DECISION_OPTIONS.TOPIC_ID, DECISION_OPTIONS.NAME, DECISION_OPTIONS.DESCRIPTION)
                .from(DECISION_OPTIONS).where(DECISION_OPTIONS.TOPIC_ID.in(topics)).orderBy(DECISION_OPTIONS.POSITION)
                .fetchGroups(DECISION_OPTIONS.TOPIC_ID, r -> new StartedOption(r.value2(), r.value3()));
        Map<String, List<String>> questions = db.select(DECISION_QUESTIONS.TOPIC_ID, DECISION_QUESTIONS.TEXT).from(DECISION_QUESTIONS)
                .where(DECISION_QUESTIONS.TOPIC_ID.in(topics)).orderBy(DECISION_QUESTIONS.POSITION)
                .fetchGroups(DECISION_QUESTIONS.TOPIC_ID, DECISION_QUESTIONS.TEXT);
        return topics.stream().filter(options::containsKey)
                .map(topic -> new DecisionStarted(topic, options.get(topic), questions.getOrDefault(topic, List.of()))).toList();
    }

    @Override
    public void erase(String memberId) {
        var theirs = select(EXPERIENCES.POST_ID).from(EXPERIENCES).where(EXPERIENCES.MEMBER_ID.eq(memberId));
        db.deleteFrom(EXPERIENCE_UPDATES).where(EXPERIENCE_UPDATES.POST_ID.in(theirs)).execute();
        db.deleteFrom(EXPERIENCE_ANSWERS).where(EXPERIENCE_ANSWERS.POST_ID.in(theirs)).execute();
        db.deleteFrom(EXPERIENCE_CONTEXT).where(EXPERIENCE_CONTEXT.POST_ID.in(theirs)).execute();
        db.deleteFrom(EXPERIENCES).where(EXPERIENCES.MEMBER_ID.eq(memberId)).execute();
        // what they wrote about the options of decisions they started goes with their opening posts; the
        // names stay, as others' experiences are filed under them
        List<String> started = conversations.topicsOpenedBy(memberId);
        if (!started.isEmpty()) {
            db.update(DECISION_OPTIONS).set(DECISION_OPTIONS.DESCRIPTION, "").where(DECISION_OPTIONS.TOPIC_ID.in(started)).execute();
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
