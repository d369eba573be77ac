package org.hearth.decision;

/** Whether a member would choose their option again, in their words' three shades. */
public enum WouldChooseAgain {
    YES("Yes", "would choose it again"),
    NOT_SURE("Not sure", "not sure they would choose it again"),
    NO("No", "would not choose it again");

    private final String answer;
    private final String words;

    WouldChooseAgain(String answer, String words) {
        this.answer = answer;
        this.words = words;
    }

    /** As the form offers it. */
    public String answer() {
        return answer;
    }

    /** As a sentence says it of a member. */
    public String words() {
        return words;
    }
}
