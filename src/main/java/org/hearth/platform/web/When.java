package org.hearth.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write a moment: a readable UTC date and time, plus the machine form for {@code <time>}. */
public final class When {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private When() {
    }

    public static String readable(long epochMillis) {
        return READABLE.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
