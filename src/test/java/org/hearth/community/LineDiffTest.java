package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.community.Rules.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void keepsWhatBothHaveAndMarksTheRest() {
        assertThat(LineDiff.of("a\nb\nc", "a\nx\nc\nd")).containsExactly(
                new Line(' ', "a"), new Line('-', "b"), new Line('+', "x"), new Line(' ', "c"), new Line('+', "d"));
    }

    @Test
    void anEmptyTextIsAllAddedOrAllRemoved() {
        assertThat(LineDiff.of("", "a\nb")).containsExactly(new Line('+', "a"), new Line('+', "b"));
        assertThat(LineDiff.of("a", "")).containsExactly(new Line('-', "a"));
        assertThat(LineDiff.of("", "")).isEmpty();
    }

    @Test
    void veryLongTextsAreComparedWholesaleWithoutATableOfEveryPair() {
        String many = "line\n".repeat(2000);
        List<Line> lines = LineDiff.of(many, many + "end");
        assertThat(lines).hasSize(4002);
        assertThat(lines.getFirst().kind()).isEqualTo('-');
        assertThat(lines.getLast()).isEqualTo(new Line('+', "end"));
    }
}
