package org.hearth.crisis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The site's phrase list: the one of {@code hearth.crisis.locale}, or English when the source tree has none for it. */
@Component
public class Phrases {

    private static final Logger log = LoggerFactory.getLogger(Phrases.class);

    private final PhraseList list;

    Phrases(CrisisSettings settings) {
        this.list = PhraseList.of(settings.locale()).orElseGet(() -> {
            log.warn("No crisis phrase list for hearth.crisis.locale={}: using the English one (org/hearth/crisis/phrases-en.txt)",
                    settings.locale().replaceAll("[^A-Za-z0-9_-]", "?"));
            return PhraseList.of("en").orElseThrow();
        });
    }

    /** Whether any of these texts has language of suicide or self-harm. */
    public boolean speakOfCrisis(String... texts) {
        for (String text : texts) {
            if (list.matches(text)) {
                return true;
            }
        }
        return false;
    }
}
