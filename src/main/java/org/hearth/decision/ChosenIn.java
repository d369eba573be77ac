package org.hearth.decision;

import java.time.YearMonth;

/**
 * Roughly when a member made their choice: kept as a month and year, shown only as the half of
 * the year ("early 2023", "late 2023"), so a date cannot be matched to a person.
 */
public record ChosenIn(YearMonth month) {

    /** The earliest year the form accepts. */
    public static final int FIRST_YEAR = 1950;

    static ChosenIn ofStored(int stored) {
        return new ChosenIn(YearMonth.of(stored / 12, stored % 12 + 1));
    }

    int stored() {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    /** As shown: "early 2023" for January to June, "late 2023" after. */
    public String shown() {
        return (month.getMonthValue() <= 6 ? "early " : "late ") + month.getYear();
    }
}
