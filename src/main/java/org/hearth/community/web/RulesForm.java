package org.hearth.community.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hearth.community.Rules;
import org.springframework.util.MultiValueMap;

/**
 * The charter and rules as an editor typed them, in one form that works without JavaScript:
 * each rule has a position (to reorder), a title, a text and a box to remove it, and one blank
 * rule at the end adds a rule. Fields are numbered (title-0, text-0, ...) so each has its own
 * label and error.
 *
 * @param basedOn the version the editor started from
 */
public record RulesForm(int basedOn, String charter, List<Row> rows, String summary) {

    /** At most this many rows are read from a form, whatever it claims. */
    private static final int MOST_ROWS = 60;

    /** One rule in the form; key is empty for a rule being added. */
    public record Row(String key, String position, String title, String text, boolean remove) {

        static Row blank(int position) {
            return new Row("", Integer.toString(position), "", "", false);
        }

        boolean isBlank() {
            return key.isBlank() && title.isBlank() && text.isBlank();
        }
    }

    /** Someone saved version {@code newest} while this editor worked from {@code basedOn}. */
    public record Overtaken(int basedOn, int newest) {
    }

    static RulesForm of(Rules.Version version) {
        List<Row> rows = new ArrayList<>();
        for (Rules.Rule rule : version.rules()) {
            rows.add(new Row(rule.key(), Integer.toString(rule.number()), rule.title(), rule.text(), false));
        }
        return new RulesForm(version.number(), version.charter(), rows, "").withBlankRow();
    }

    static RulesForm read(MultiValueMap<String, String> fields) {
        int count = Math.min(MOST_ROWS, Math.max(0, number(one(fields, "count"), 0)));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row(one(fields, "key-" + i), one(fields, "position-" + i), one(fields, "title-" + i),
                    one(fields, "text-" + i), "true".equals(one(fields, "remove-" + i))));
        }
        return new RulesForm(number(one(fields, "basedOn"), 0), one(fields, "charter"), rows, one(fields, "summary"));
    }

    /**
     * The rules to save, in their new order: removed ones and blank new ones left out, the rest
     * sorted by the position typed (a position that is not a number keeps the rule where it was).
     */
    RulesForm arranged() {
        record Placed(Row row, int position, int index) {
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!row.remove() && !row.isBlank()) {
                placed.add(new Placed(row, number(row.position(), i + 1), i));
            }
        }
        placed.sort(Comparator.comparingInt(Placed::position).thenComparingInt(Placed::index));
        List<Row> arranged = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Row row = placed.get(i).row();
            arranged.add(new Row(row.key(), Integer.toString(i + 1), row.title(), row.text(), false));
        }
        return new RulesForm(basedOn, charter, arranged, summary);
    }

    List<Rules.Draft> drafts() {
        return rows.stream().map(r -> new Rules.Draft(r.key(), r.title(), r.text())).toList();
    }

    RulesForm withBlankRow() {
        List<Row> more = new ArrayList<>(rows);
        more.add(Row.blank(rows.size() + 1));
        return new RulesForm(basedOn, charter, more, summary);
    }

    RulesForm basedOn(int version) {
        return new RulesForm(version, charter, rows, summary);
    }

    private static String one(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }

    private static int number(String text, int otherwise) {
        String typed = text.strip();
        return typed.matches("-?[0-9]{1,6}") ? Integer.parseInt(typed) : otherwise;
    }
}
