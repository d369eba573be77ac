package org.hearth.clinician;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What Hearth can check of a licence or register number without asking anyone: the form of
 * numbers whose structure is public. A US National Provider Identifier (NPI) has ten digits and a
 * Luhn check digit computed with the prefix 80840; a UK General Medical Council (GMC) reference
 * number has seven digits; a UK Nursing and Midwifery Council (NMC) PIN is two digits, a letter,
 * four digits and a letter. Hearth reaches no registry: a passed check says the number is well
 * formed, never that it belongs to this person or is current. The review page says so, and
 * links to the public register where one exists so a reviewer can look it up themselves.
 */
public final class RegisterNumbers {

    /** How one check came out. */
    public enum Result {
        PASSED, FAILED
    }

    /**
     * One check: {@code what} was checked ("US NPI check digit"), its result, and {@code register}
     * the public register's address where a reviewer looks the number up by hand, or null.
     */
    public record Check(String what, Result result, String detail, String register) {
    }

    /**
     * What was and was not checked: the checks that applied, and {@code notChecked} what no check
     * covers, in words for the reviewer.
     */
    public record Report(List<Check> checks, String notChecked) {
    }

    private static final String NPI_REGISTER = "https://npiregistry.cms.hhs.gov/";
    private static final String GMC_REGISTER = "https://www.gmc-uk.org/registrants";
    private static final String NMC_REGISTER = "https://www.nmc.org.uk/registration/search-the-register/";

    private RegisterNumbers() {
    }

    public static Report check(Profession profession, String jurisdiction, String number) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        String place = jurisdiction == null ? "" : jurisdiction.toLowerCase(Locale.ROOT);
        List<Check> checks = new ArrayList<>();
        boolean us = mentions(place, "united states", "usa", "u.s.", "us");
        boolean uk = mentions(place, "united kingdom", "uk", "u.k.", "england", "scotland", "wales", "northern ireland", "great britain", "gb");
        if (us) {
            boolean valid = digits.matches("\\d{10}") && npiCheckDigitHolds(digits);
            checks.add(new Check("US National Provider Identifier: ten digits and its check digit", valid ? Result.PASSED : Result.FAILED,
                    valid ? "Ten digits, and the last one is the right check digit (Luhn, with the prefix 80840)."
                            : digits.matches("\\d{10}") ? "Ten digits, but the last one is not the check digit they call for: a typing error, or not an NPI."
                                    : "Not ten digits, so not an NPI.",
                    NPI_REGISTER));
        }
        if (uk && profession == Profession.PHYSICIAN) {
            boolean valid = digits.matches("\\d{7}");
            checks.add(new Check("UK General Medical Council reference number: seven digits", valid ? Result.PASSED : Result.FAILED,
                    valid ? "Seven digits, the form of a GMC reference number (it has no check digit)." : "Not seven digits, so not a GMC reference number.",
                    GMC_REGISTER));
        }
        if (uk && profession == Profession.NURSE) {
            String pin = digits.toUpperCase(Locale.ROOT);
            boolean valid = pin.matches("\\d{2}[A-Z]\\d{4}[A-Z]");
            checks.add(new Check("UK Nursing and Midwifery Council PIN: two digits, a letter, four digits, a letter",
                    valid ? Result.PASSED : Result.FAILED,
                    valid ? "The form of an NMC PIN (it has no check digit)." : "Not the form of an NMC PIN.", NMC_REGISTER));
        }
        String notChecked = checks.isEmpty()
                ? "Hearth knows no structure for numbers of this profession and place, so nothing about the number was checked. "
                        + "Look it up in the register of the place where it was issued."
                : "A well-formed number can still belong to someone else or have lapsed. Hearth cannot reach any register: "
                        + "look the number up yourself before approving.";
        return new Report(List.copyOf(checks), notChecked);
    }

    /** The NPI's tenth digit is the Luhn check digit of 80840 followed by its first nine digits. */
    static boolean npiCheckDigitHolds(String tenDigits) {
        String full = "80840" + tenDigits.substring(0, 9);
        int sum = 0;
        boolean doubled = true; // the rightmost digit of the payload is doubled, as the check digit will follow it
        for (int i = full.length() - 1; i >= 0; i--) {
            int d = full.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        int check = (10 - sum % 10) % 10;
        return check == tenDigits.charAt(9) - '0';
    }

    private static boolean mentions(String place, String... names) {
        for (String name : names) {
            if (place.equals(name) || place.matches(".*\\b" + java.util.regex.Pattern.quote(name) + "\\b.*")) {
                return true;
            }
        }
        return false;
    }
}
