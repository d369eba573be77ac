package org.hearth.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** References are checked for form only, kept in one form, and linked without a detour. */
class CitationTest {

    @Test
    void aDoiAPubMedIdAndAGuidelineAreKnownInTheFormsPeopleCopyThem() {
        assertThat(Citation.one("https://doi.org/10.1056/NEJMoa2034577")).isEqualTo(new Citation(Citation.Kind.DOI, "10.1056/nejmoa2034577"));
        assertThat(Citation.one("doi: 10.1001/jama.2020.1585")).isEqualTo(new Citation(Citation.Kind.DOI, "10.1001/jama.2020.1585"));
        assertThat(Citation.one("PMID: 33301246")).isEqualTo(new Citation(Citation.Kind.PUBMED, "33301246"));
        assertThat(Citation.one("https://pubmed.ncbi.nlm.nih.gov/33301246/")).isEqualTo(new Citation(Citation.Kind.PUBMED, "33301246"));
        Citation guideline = Citation.one("https://www.NICE.org.uk/guidance/ng17");
        assertThat(guideline).isEqualTo(new Citation(Citation.Kind.URL, "https://www.nice.org.uk/guidance/ng17"));
        assertThat(guideline.label()).isEqualTo("nice.org.uk/guidance/ng17");
        assertThat(Citation.one("PMID 33301246").href()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/33301246/");
    }

    @Test
    void whatIsNotOneOfThemIsRefusedLineByLine() {
        assertThat(Citation.one("http://nice.org.uk/guidance")).as("not https").isNull();
        assertThat(Citation.one("https://user:pw@nice.org.uk/")).as("hides where it goes").isNull();
        assertThat(Citation.one("https://localhost/")).isNull();
        assertThat(Citation.one("javascript:alert(1)")).isNull();
        assertThat(Citation.one("10.12/too-short-prefix")).isNull();
        assertThat(Citation.one("PMID 0")).isNull();
        assertThat(Citation.parse("\n \n").problem()).startsWith("Give at least one reference");
        assertThat(Citation.parse("PMID 1\nPMID 1").problem()).isEqualTo("Reference 2 is given twice.");
        assertThat(Citation.parse("PMID 1\n\nbogus").problem()).startsWith("Reference 2 (“bogus”)");
        assertThat(Citation.parse("PMID 1\nhttps://nice.org.uk/x").citations()).hasSize(2);
    }

    @Test
    void aNoteBridgesOnlyWithBothGroupsAndKeepsItsPlaceUntilAGroupFallsBelowTheLowerMark() {
        var settings = new EvidenceNoteSettings(3, 60, 50);
        assertThat(new Bridging(3, 3, 0, 0).shown(false, settings)).as("no clinician").isFalse();
        assertThat(new Bridging(2, 2, 1, 1).shown(false, settings)).as("too few patients").isFalse();
        assertThat(new Bridging(5, 3, 1, 1).shown(false, settings)).isTrue();
        assertThat(new Bridging(6, 3, 1, 1).shown(false, settings)).as("50 %: not enough to show").isFalse();
        assertThat(new Bridging(6, 3, 1, 1).shown(true, settings)).as("but enough to stay").isTrue();
        assertThat(new Bridging(5, 5, 2, 1).shown(true, settings)).isTrue();
        assertThat(new Bridging(5, 5, 3, 1).shown(true, settings)).as("clinicians fell below").isFalse();
    }
}
