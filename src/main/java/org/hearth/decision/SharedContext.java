package org.hearth.decision;

import static org.hearth.decision.schema.Tables.CONTEXT_CHOICES;
import static org.hearth.decision.schema.Tables.CONTEXT_FIELDS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A community's short fixed list of context members may share with an experience ("Time since
 * diagnosis": "Less than a year", ...), for readers to filter by. Defined by its moderators
 * ({@link DefineContext}); never shown beside an experience.
 */
@Service
public class SharedContext {

    public static final int MAX_FIELDS = 4;
    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 8;
    public static final int MAX_LABEL = 80;

    public record Choice(String id, String label, boolean retired) {
    }

    /** A field and its choices in order; retired ones are kept for what experiences shared, not offered. */
    public record Field(String id, String label, boolean retired, List<Choice> choices) {

        public List<Choice> offered() {
            return choices.stream().filter(choice -> !choice.retired()).toList();
        }
    }

    private final DSLContext db;

    SharedContext(DSLContext db) {
        this.db = db;
    }

    /** Every field of the community, retired ones too, in order; one query. */
    public List<Field> all(String communityId) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, List<Choice>> choices = new LinkedHashMap<>();
        db.select(CONTEXT_FIELDS.ID, CONTEXT_FIELDS.LABEL, CONTEXT_FIELDS.RETIRED_AT, CONTEXT_CHOICES.ID, CONTEXT_CHOICES.LABEL,
                        CONTEXT_CHOICES.RETIRED_AT)
                .from(CONTEXT_FIELDS).leftJoin(CONTEXT_CHOICES).on(CONTEXT_CHOICES.FIELD_ID.eq(CONTEXT_FIELDS.ID))
                .where(CONTEXT_FIELDS.COMMUNITY_ID.eq(communityId))
                .orderBy(CONTEXT_FIELDS.POSITION, CONTEXT_FIELDS.ID, CONTEXT_CHOICES.POSITION, CONTEXT_CHOICES.ID)
                .forEach(r -> {
                    List<Choice> ofField = choices.computeIfAbsent(r.value1(), id -> new ArrayList<>());
                    fields.computeIfAbsent(r.value1(), id -> new Field(id, r.value2(), r.value3() != null, ofField));
                    if (r.value4() != null) {
                        ofField.add(new Choice(r.value4(), r.value5(), r.value6() != null));
                    }
                });
        return List.copyOf(fields.values());
    }

    /** The fields offered to a member adding an experience: not retired, with the choices not retired. */
    public List<Field> offered(String communityId) {
        return all(communityId).stream().filter(field -> !field.retired())
                .map(field -> new Field(field.id(), field.label(), false, field.offered())).toList();
    }

    /** The field a choice of this community belongs to, by choice, for every choice (retired ones too). */
    static Map<String, String> fieldOfChoice(List<Field> fields) {
        Map<String, String> fieldOf = new LinkedHashMap<>();
        fields.forEach(field -> field.choices().forEach(choice -> fieldOf.put(choice.id(), field.id())));
        return fieldOf;
    }

    /** The offered list as its form shows it: one line per field, "Field: choice; choice". */
    public static String asText(List<Field> offered) {
        return offered.stream().map(field -> field.label() + ": "
                + field.choices().stream().map(Choice::label).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
    }

    /** A field as typed. */
    public record FieldDraft(String label, List<String> choices) {
    }

    /**
     * The form's text as fields: one per non-blank line, "Field: choice; choice"; a line without
     * a colon is a field without choices (which the use case refuses, saying which).
     */
    public static List<FieldDraft> parse(String text) {
        List<FieldDraft> drafts = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String label = (colon < 0 ? line : line.substring(0, colon)).strip();
            List<String> choices = colon < 0 ? List.of() : java.util.Arrays.stream(line.substring(colon + 1).split(";"))
                    .map(String::strip).filter(choice -> !choice.isEmpty()).toList();
            drafts.add(new FieldDraft(label, choices));
        }
        return drafts;
    }

    // ---- for DefineContext --------------------------------------------------------------------

    Optional<Field> matching(List<Field> existing, String label) {
        String key = OptionDraft.keyOf(label);
        return existing.stream().filter(field -> OptionDraft.keyOf(field.label()).equals(key)).findFirst();
    }

    void save(String communityId, List<FieldDraft> drafts, long now) {
        List<Field> existing = all(communityId);
        List<String> kept = new ArrayList<>();
        for (int position = 0; position < drafts.size(); position++) {
            FieldDraft draft = drafts.get(position);
            Optional<Field> same = matching(existing, draft.label());
            String fieldId;
            if (same.isPresent()) {
                fieldId = same.get().id();
                db.update(CONTEXT_FIELDS).set(CONTEXT_FIELDS.LABEL, draft.label()).set(CONTEXT_FIELDS.POSITION, position)
                        .setNull(CONTEXT_FIELDS.RETIRED_AT).where(CONTEXT_FIELDS.ID.eq(fieldId)).execute();
            } else {
                fieldId = org.hearth.platform.RandomId.next();
                db.insertInto(CONTEXT_FIELDS).set(CONTEXT_FIELDS.ID, fieldId).set(CONTEXT_FIELDS.COMMUNITY_ID, communityId)
                        .set(CONTEXT_FIELDS.POSITION, position).set(CONTEXT_FIELDS.LABEL, draft.label()).execute();
            }
            kept.add(fieldId);
            List<Choice> choices = same.map(Field::choices).orElse(List.of());
            List<String> keptChoices = new ArrayList<>();
            for (int c = 0; c < draft.choices().size(); c++) {
                String label = draft.choices().get(c);
                String key = OptionDraft.keyOf(label);
                Optional<Choice> sameChoice = choices.stream().filter(choice -> OptionDraft.keyOf(choice.label()).equals(key)).findFirst();
                if (sameChoice.isPresent()) {
                    db.update(CONTEXT_CHOICES).set(CONTEXT_CHOICES.LABEL, label).set(CONTEXT_CHOICES.POSITION, c)
                            .setNull(CONTEXT_CHOICES.RETIRED_AT).where(CONTEXT_CHOICES.ID.eq(sameChoice.get().id())).execute();
                    keptChoices.add(sameChoice.get().id());
                } else {
                    String choiceId = org.hearth.platform.RandomId.next();
                    db.insertInto(CONTEXT_CHOICES).set(CONTEXT_CHOICES.ID, choiceId).set(CONTEXT_CHOICES.FIELD_ID, fieldId)
                            .set(CONTEXT_CHOICES.POSITION, c).set(CONTEXT_CHOICES.LABEL, label).execute();
                    keptChoices.add(choiceId);
                }
            }
            db.update(CONTEXT_CHOICES).set(CONTEXT_CHOICES.RETIRED_AT, now)
                    .where(CONTEXT_CHOICES.FIELD_ID.eq(fieldId), CONTEXT_CHOICES.RETIRED_AT.isNull(),
                            keptChoices.isEmpty() ? org.jooq.impl.DSL.trueCondition() : CONTEXT_CHOICES.ID.notIn(keptChoices))
                    .execute();
        }
        db.update(CONTEXT_FIELDS).set(CONTEXT_FIELDS.RETIRED_AT, now)
                .where(CONTEXT_FIELDS.COMMUNITY_ID.eq(communityId), CONTEXT_FIELDS.RETIRED_AT.isNull(),
                        kept.isEmpty() ? org.jooq.impl.DSL.trueCondition() : CONTEXT_FIELDS.ID.notIn(kept))
                .execute();
    }
}
