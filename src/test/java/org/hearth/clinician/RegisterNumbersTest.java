package org.hearth.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the form of a number says, and that nothing is claimed where Hearth knows no form. */
class RegisterNumbersTest {

    @Test
    void aUsNpiPassesOnlyWithItsCheckDigit() {
        // 1234567893 is the example NPI of the US standard; changing its last digit breaks it
        assertThat(RegisterNumbers.check(Profession.PHYSICIAN, "United States", "1234567893").checks())
                .singleElement().satisfies(c -> assertThat(c.result()).isEqualTo(RegisterNumbers.Result.PASSED));
        assertThat(RegisterNumbers.check(Profession.NURSE, "Ohio, USA", "1234567890").checks())
                .singleElement().satisfies(c -> {
                    assertThat(c.result()).isEqualTo(RegisterNumbers.Result.FAILED);
                    assertThat(c.detail()).contains("not the check digit");
                });
        assertThat(RegisterNumbers.check(Profession.PHARMACIST, "US", "12345").checks())
                .singleElement().satisfies(c -> assertThat(c.detail()).contains("Not ten digits"));
    }

    @Test
    void ukNumbersAreCheckedForTheirFormByProfession() {
        assertThat(RegisterNumbers.check(Profession.PHYSICIAN, "United Kingdom", "1234567").checks())
                .singleElement().satisfies(c -> assertThat(c.result()).isEqualTo(RegisterNumbers.Result.PASSED));
        assertThat(RegisterNumbers.check(Profession.PHYSICIAN, "Scotland", "123456").checks())
                .singleElement().satisfies(c -> assertThat(c.result()).isEqualTo(RegisterNumbers.Result.FAILED));
        assertThat(RegisterNumbers.check(Profession.NURSE, "England", "12a3456e").checks())
                .singleElement().satisfies(c -> assertThat(c.result()).isEqualTo(RegisterNumbers.Result.PASSED));
    }

    @Test
    void whereNoFormIsKnownNothingIsClaimed() {
        var report = RegisterNumbers.check(Profession.DIETITIAN, "Bavaria, Germany", "1234567893");
        assertThat(report.checks()).as("ten digits outside the US are not taken for an NPI").isEmpty();
        assertThat(report.notChecked()).contains("nothing about the number was checked");
        assertThat(RegisterNumbers.check(Profession.PHYSICIAN, "Campus medical centre", "1234567893").checks()).as("\"us\" inside a word")
                .isEmpty();
    }
}
