package org.hearth.clinician;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the site sets about clinicians ({@code hearth.clinicians.*}): how long an approval lasts,
 * how long before its end the clinician is reminded, and the largest credential document taken.
 */
@ConfigurationProperties("hearth.clinicians")
record ClinicianSettings(@DefaultValue("365d") Duration verifiedFor, @DefaultValue("30d") Duration remindBefore,
        @DefaultValue("4194304") int documentMaxBytes) {
}
