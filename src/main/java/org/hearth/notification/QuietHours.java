package org.hearth.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Hours of the day in which a member wants no e-mail, in their own time zone: {@code from}
 * and {@code until} are minutes of the day, and may wrap past midnight (22:00 to 07:00).
 */
record QuietHours(int from, int until) {

    QuietHours {
        if (from < 0 || from >= 24 * 60 || until < 0 || until >= 24 * 60 || from == until) {
            throw new IllegalArgumentException("quiet hours are two different times of day");
        }
    }

    /** Reads "HH:MM" as a browser's time field sends it; empty for anything else. */
    static Optional<Integer> minuteOf(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 8) {
            return Optional.empty();
        }
        try {
            LocalTime time = LocalTime.parse(typed.strip());
            return Optional.of(time.getHour() * 60 + time.getMinute());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String typed(Integer minute) {
        return minute == null ? "" : String.format(java.util.Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    /** When these quiet hours end, if {@code now} is inside them in this zone; empty when it is not. */
    Optional<Instant> endIfQuiet(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        boolean quiet = from < until ? minute >= from && minute < until : minute >= from || minute < until;
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.toLocalDate().atTime(until / 60, until % 60).atZone(zone);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
