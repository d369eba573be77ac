package org.hearth.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hearth.crisis.CrisisSettings.Concerns;
import org.hearth.crisis.CrisisSettings.Resource;
import org.junit.jupiter.api.Test;

/** The site's locale and resources: a missing list falls back to English, configured resources replace the defaults. */
class CrisisSettingsTest {

    private static final Concerns LIMITS = new Concerns(3, Duration.ofDays(7));

    @Test
    void aLocaleWithoutAPhraseListUsesTheEnglishOne() {
        Phrases phrases = new Phrases(new CrisisSettings("xx", Map.of(), LIMITS));

        assertThat(phrases.speakOfCrisis(null, "I want to end it all")).isTrue();
        assertThat(phrases.speakOfCrisis("Sleep", "This pain is killing me")).isFalse();
    }

    @Test
    void resourcesConfiguredForTheSiteLocaleReplaceTheDefaults() {
        Resource local = new Resource("Telefonseelsorge", "Deutschland", "0800 111 0 111", null, null, null, null);

        assertThat(new CrisisResources(new CrisisSettings("de", Map.of("de", List.of(local)), LIMITS)).all()).containsExactly(local);
        assertThat(new CrisisResources(new CrisisSettings("de", Map.of("en", List.of(local)), LIMITS)).all())
                .isEqualTo(CrisisResources.DEFAULTS);
    }

    @Test
    void numbersBecomeDialableAndOnlyWebAddressesBecomeLinks() {
        assertThat(Resource.dialable("0800 111 0 111")).isEqualTo("08001110111");
        assertThat(Resource.dialable("+44 (0)116-123")).isEqualTo("+440116123");
        assertThat(new Resource("x", null, null, null, null, "javascript:alert(1)", null).safeLink()).isNull();
        assertThat(new Resource("x", null, null, null, null, "https://findahelpline.com", null).safeLink())
                .isEqualTo("https://findahelpline.com");
    }
}
