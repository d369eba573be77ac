package org.hearth.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The English phrase list on examples that must and must not match
 * ({@code src/test/resources/org/hearth/crisis/examples-en.txt}), and how a line is read.
 */
class PhraseListTest {

    private final PhraseList english = PhraseList.of("en").orElseThrow();

    @Test
    void noFalseExampleMatches() throws IOException {
        List<String> matched = new ArrayList<>();
        for (String example : examples("- ")) {
            english.firstMatch(example).ifPresent(match -> matched.add(example + "  <- " + match));
        }
        assertThat(matched).as("everyday speech shown the crisis page").isEmpty();
        assertThat(examples("- ")).hasSizeGreaterThan(15);
    }

    @Test
    void everyTrueExampleMatches() throws IOException {
        List<String> missed = examples("+ ").stream().filter(example -> !english.matches(example)).toList();
        assertThat(missed).as("examples not recognised").isEmpty();
        assertThat(examples("+ ")).hasSizeGreaterThan(15);
    }

    @Test
    void aMatchNamesItsCategory() {
        assertThat(english.firstMatch("I have saved up my oxycodone")).get()
                .extracting(PhraseList.Match::category).asString().startsWith("Plans and methods");
        assertThat(english.firstMatch("by the time you read this")).get()
                .extracting(PhraseList.Match::category).isEqualTo("Farewells");
    }

    @Test
    void textIsReadWithoutCaseAccentsMarkdownOrApostrophes() {
        assertThat(PhraseList.normalize("I *DON’T* want to be [here](/x) — ány more!")).isEqualTo("i dont want to be here x anymore");
    }

    @Test
    void wordsMatchWholeAndInOrder() {
        PhraseList list = PhraseList.parse("xx", """
                @means = pills|tablets
                ## Test
                end it all
                saved up ... @means
                overdos* on purpose
                ! end it all day
                """);
        assertThat(list.matches("I will end it all")).isTrue();
        assertThat(list.matches("friend it allows")).as("whole words only").isFalse();
        assertThat(list.matches("all it end")).isFalse();
        assertThat(list.matches("saved up my old pills")).isTrue();
        assertThat(list.matches("saved up for years and years my pills")).as("at most three words between").isFalse();
        assertThat(list.matches("overdosing on purpose")).isTrue();
        assertThat(list.matches("we could end it all day long")).as("the exception is taken out").isFalse();
    }

    @Test
    void aBrokenLineIsRefusedWhenTheListIsRead() {
        assertThatThrownBy(() -> PhraseList.parse("xx", "... pills")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> PhraseList.parse("xx", "saved @nothing")).hasMessageContaining("no list @nothing");
    }

    @Test
    void aLocaleWithoutAListHasNone() {
        assertThat(PhraseList.of("xx")).isEmpty();
        assertThat(PhraseList.of("../../etc/passwd")).isEmpty();
    }

    private static List<String> examples(String prefix) throws IOException {
        try (InputStream in = PhraseListTest.class.getResourceAsStream("/org/hearth/crisis/examples-en.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
        }
    }
}
