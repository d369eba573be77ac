package org.hearth.community;

import java.util.ArrayList;
import java.util.List;
import org.hearth.community.Rules.Line;

/**
 * A plain line-by-line comparison of two texts (the longest common run of lines kept, the rest
 * shown as removed or added): enough for a charter or a rule, which are short.
 */
final class LineDiff {

    /** Above this many line pairs, the texts are shown as all removed, then all added. */
    private static final long MOST_CELLS = 1_000_000;

    private LineDiff() {
    }

    private static List<Line> wholesale(String[] a, String[] b) {
        List<Line> lines = new ArrayList<>();
        for (String line : a) {
            lines.add(new Line('-', line));
        }
        for (String line : b) {
            lines.add(new Line('+', line));
        }
        return List.copyOf(lines);
    }

    static List<Line> of(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
        if ((long) a.length * b.length > MOST_CELLS) {
            return wholesale(a, b); // a table this size would cost more memory than any charter is worth
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(' ', a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line('-', a[i++]));
            } else {
                lines.add(new Line('+', b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line('-', a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line('+', b[j++]));
        }
        return List.copyOf(lines);
    }
}
