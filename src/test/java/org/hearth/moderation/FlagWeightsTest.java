package org.hearth.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The weight of a flag: 1 + trust level, plus Discourse's accuracy bonus. */
class FlagWeightsTest {

    @Test
    void noBonusUntilMoreThanFiveFlagsWereJudged() {
        assertThat(FlagWeights.accuracyBonus(5, 0)).isZero();
        assertThat(FlagWeights.of(1, 0, 0)).isEqualTo(200);
    }

    @Test
    void theBonusIsCentredOnSeventyPercentAndCanGoNegative() {
        assertThat(FlagWeights.accuracyBonus(7, 3)).isCloseTo(0, within(1e-9));
        // all 16 upheld: log4(16) x 5 = 10
        assertThat(FlagWeights.accuracyBonus(16, 0)).isCloseTo(10, within(1e-9));
        // none of 16 upheld: -10
        assertThat(FlagWeights.accuracyBonus(0, 16)).isCloseTo(-10, within(1e-9));
        assertThat(FlagWeights.of(1, 0, 16)).isEqualTo(-800);
    }
}
