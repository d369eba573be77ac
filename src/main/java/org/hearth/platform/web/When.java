package org.hearth.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How pages write a moment: readable in the reader's zone and labelled with it, the full form
 * with the zone's name and UTC for hovering or focusing, and the machine form for {@code <time>}.
 * Pages write times only through {@code time.jte}, which uses these, so every page does it alike.
 */
public final class When {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    /** The zone's name at that moment: "Central European Summer Time", "India Standard Time". */
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzzz", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_LABEL = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    /**
     * The zones a member may choose from: every place IANA names by continent or ocean
     * (Europe/Paris, ...), and UTC; not the old country-named aliases (US/Eastern, ...).
     */
    public static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || id.matches("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private When() {
    }

    /** In UTC, labelled UTC: what a visitor sees. */
    public static String readable(long epochMillis) {
        return readable(epochMillis, ZoneOffset.UTC);
    }

    /** In the given zone, labelled with its short name ("CET", "GMT+03:00", "UTC"). */
    public static String readable(long epochMillis, ZoneId zone) {
        var at = Instant.ofEpochMilli(epochMillis).atZone(zone);
        return READABLE.format(at) + " " + label(zone, at.toInstant());
    }

    /** The full form, for the title: weekday, the zone's name and id, and the same moment in UTC. */
    public static String full(long epochMillis, ZoneId zone) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        String utc = FULL.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return utc + " (Coordinated Universal Time)";
        }
        return FULL.format(instant.atZone(zone)) + " " + ZONE_NAME.format(instant.atZone(zone))
                + " (" + zone.getId() + "), " + utc;
    }

    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String label(ZoneId zone, Instant at) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        return ZONE_LABEL.format(at.atZone(zone));
    }
}
