package org.hearth.decision;

import static org.hearth.decision.schema.Tables.DECISION_OPTIONS;
import static org.hearth.decision.schema.Tables.DECISION_QUESTIONS;
import static org.hearth.decision.schema.Tables.EXPERIENCES;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.TopicExtension;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** A decision's options and questions: read for a topic its reader may read, and stored by the use cases here. */
@Service
public class DecisionTopics {

    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 6;
    public static final int MAX_QUESTIONS = 6;
    public static final int MAX_QUESTION = 120;

    /** What a decision sets out; both lists empty for a decision topic started before options existed. */
    public record Decision(String topicId, List<Option> options, List<String> questions) {

        public boolean full() {
            return options.size() >= MAX_OPTIONS;
        }
    }

    private final DSLContext db;
    private final Conversations conversations;

    DecisionTopics(DSLContext db, Conversations conversations) {
        this.db = db;
        this.conversations = conversations;
    }

    /** The decision shown on its topic page (conversation checked that the reader may read the topic). */
    public Decision of(TopicExtension.TopicShown topic) {
        return load(topic.topicId());
    }

    /**
     * The decision, if the reader may read its topic, it is one, and its opening post is not
     * hidden from them (what a decision sets out is its author's, and is concealed with it: only
     * its author and the moderators see it while it is hidden).
     */
    public Optional<Decision> readable(Access access, Viewer viewer, String topicId) {
        return conversations.opening(access, topicId).filter(opening -> opening.kind() == TopicKind.DECISION)
                .filter(opening -> !concealed(opening, access, viewer)).map(opening -> load(topicId));
    }

    /** The decision as a reader who did not write it sees it; see {@link #readable(Access, Viewer, String)}. */
    public Optional<Decision> readable(Access access, String topicId) {
        return readable(access, null, topicId);
    }

    /** Whether the decision's opening post, and so what it sets out, is hidden from this reader. */
    public boolean concealedFrom(Access access, Viewer viewer, String topicId) {
        return conversations.opening(access, topicId).map(opening -> concealed(opening, access, viewer)).orElse(true);
    }

    private static boolean concealed(Conversations.Opening opening, Access access, Viewer viewer) {
        return opening.hidden() != null && !access.canModerate() && (viewer == null || !viewer.memberId().equals(opening.authorId()));
    }

    /**
     * What a topic list says of its decisions ("3 options · 12 experiences"), by topic, for those
     * of these topics that are decisions; one query. The topics come from a list the reader may
     * read. An experience hidden while moderators review it is counted here, not in the columns.
     */
    public Map<String, String> listed(Collection<String> topicIds) {
        List<String> valid = topicIds.stream().filter(RandomId::looksValid).distinct().toList();
        if (valid.isEmpty()) {
            return Map.of();
        }
        var experiences = org.jooq.impl.DSL.selectCount().from(EXPERIENCES).where(EXPERIENCES.TOPIC_ID.eq(DECISION_OPTIONS.TOPIC_ID));
        Map<String, String> listed = new HashMap<>();
        db.select(DECISION_OPTIONS.TOPIC_ID, org.jooq.impl.DSL.count(), org.jooq.impl.DSL.field(experiences))
                .from(DECISION_OPTIONS).where(DECISION_OPTIONS.TOPIC_ID.in(valid)).groupBy(DECISION_OPTIONS.TOPIC_ID)
                .forEach(r -> listed.put(r.value1(), r.value2() + (r.value2() == 1 ? " option" : " options") + " · " + r.value3()
                        + (r.value3() == 1 ? " experience" : " experiences")));
        return listed;
    }

    Decision load(String topicId) {
        List<Option> options = db.selectFrom(DECISION_OPTIONS).where(DECISION_OPTIONS.TOPIC_ID.eq(topicId))
                .orderBy(DECISION_OPTIONS.POSITION)
                .fetch(r -> new Option(r.getId(), r.getPosition(), r.getName(), r.getDescription(),
                        r.getAddedAs() == null ? null : Option.AddedBy.valueOf(r.getAddedAs()), r.getAddedAt()));
        List<String> questions = db.select(DECISION_QUESTIONS.TEXT).from(DECISION_QUESTIONS)
                .where(DECISION_QUESTIONS.TOPIC_ID.eq(topicId)).orderBy(DECISION_QUESTIONS.POSITION).fetch(DECISION_QUESTIONS.TEXT);
        return new Decision(topicId, options, questions);
    }

    /** The first option whose name another before it already has (as {@link OptionDraft#key()} compares), if any. */
    static Optional<OptionDraft> firstDuplicate(List<OptionDraft> options) {
        Set<String> seen = new HashSet<>();
        return options.stream().filter(option -> !seen.add(option.key())).findFirst();
    }

    /** Stores an option at a position; a name or position the topic already has fails on its unique key. */
    String insertOption(String topicId, int position, OptionDraft option, Option.AddedBy addedBy, long now) {
        String id = RandomId.next();
        db.insertInto(DECISION_OPTIONS).set(DECISION_OPTIONS.ID, id).set(DECISION_OPTIONS.TOPIC_ID, topicId)
                .set(DECISION_OPTIONS.POSITION, position).set(DECISION_OPTIONS.NAME, option.name())
                .set(DECISION_OPTIONS.NAME_KEY, option.key()).set(DECISION_OPTIONS.DESCRIPTION, option.description())
                .set(DECISION_OPTIONS.ADDED_AS, addedBy == null ? null : addedBy.name()).set(DECISION_OPTIONS.ADDED_AT, now)
                .execute();
        return id;
    }

    void insertQuestions(String topicId, List<String> questions) {
        for (int i = 0; i < questions.size(); i++) {
            db.insertInto(DECISION_QUESTIONS).set(DECISION_QUESTIONS.TOPIC_ID, topicId).set(DECISION_QUESTIONS.POSITION, i)
                    .set(DECISION_QUESTIONS.TEXT, questions.get(i)).execute();
        }
    }

    /** How many options the topic has and whether one of them has this name already. */
    record Existing(int count, int lastPosition, boolean nameTaken) {
    }

    Existing existing(String topicId, String nameKey) {
        var r = db.select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.max(DECISION_OPTIONS.POSITION),
                        org.jooq.impl.DSL.count().filterWhere(DECISION_OPTIONS.NAME_KEY.eq(nameKey)))
                .from(DECISION_OPTIONS).where(DECISION_OPTIONS.TOPIC_ID.eq(topicId)).fetchOne();
        return new Existing(r.value1(), r.value2() == null ? -1 : r.value2(), r.value3() > 0);
    }
}
