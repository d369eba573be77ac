package org.hearth.trust;

/** How far a member has found their feet in one community, in the words a member reads. */
public enum TrustLevel {

    NEW("New", "new to this community"),
    BASIC("Basic", "has found their way around"),
    MEMBER("Member", "takes part regularly"),
    TRUSTED("Trusted", "a steady, trusted part of this community");

    private final String label;
    private final String meaning;

    TrustLevel(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** 0 for new, up to 3 for trusted: what a flag's weight adds. */
    public int number() {
        return ordinal();
    }

    static TrustLevel ofNumber(int number) {
        return values()[Math.max(0, Math.min(number, values().length - 1))];
    }

    /** The level after this one, or this one when it is the highest. */
    TrustLevel next() {
        return this == TRUSTED ? this : values()[ordinal() + 1];
    }
}
