package org.hearth.clinician;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds each verified clinician once, {@code hearth.clinicians.remind-before} ahead of the end
 * of their approval, to apply again. Taking a reminder marks it sent in the same transaction as
 * its mail is queued, so on several nodes each clinician is reminded once.
 */
@Component
class ExpiryReminders {

    private final Applications applications;
    private final ClinicianSettings settings;
    private final ClinicianNotices notices;

    ExpiryReminders(Applications applications, ClinicianSettings settings, ClinicianNotices notices) {
        this.applications = applications;
        this.settings = settings;
        this.notices = notices;
    }

    @Scheduled(fixedDelayString = "${hearth.clinicians.reminder-interval:1h}", initialDelayString = "2m")
    @Transactional
    public void remind() {
        for (Applications.Stored due : applications.takeDueReminders(applications.now() + settings.remindBefore().toMillis())) {
            notices.endsSoon(due.memberId(), due.expiresAt());
        }
    }
}
