package org.hearth.clinician;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an evidence note is shown ({@code hearth.evidence-notes.*}): at least {@code minPatients}
 * patients rated it with at least {@code showAtPercent} % helpful, and at least one verified
 * clinician other than its author found it helpful with at least {@code showAtPercent} % of
 * clinicians' ratings helpful. A shown note goes back to needing ratings only when a group falls
 * below {@code keepAtPercent} %, so a note does not flicker at the threshold.
 */
@ConfigurationProperties("hearth.evidence-notes")
record EvidenceNoteSettings(@DefaultValue("3") int minPatients, @DefaultValue("60") int showAtPercent,
        @DefaultValue("50") int keepAtPercent) {

    EvidenceNoteSettings {
        if (minPatients < 1 || showAtPercent < 1 || showAtPercent > 100 || keepAtPercent < 0 || keepAtPercent > showAtPercent) {
            throw new IllegalArgumentException("hearth.evidence-notes: min-patients at least 1, show-at-percent 1 to 100, "
                    + "keep-at-percent 0 to show-at-percent");
        }
    }
}
