package org.hearth.community;

/** Who can see a community and read what is written in it. */
public enum Visibility {
    /** Listed; anyone on the internet can read; members post. */
    PUBLIC("Public", "Anyone on the internet can read posts here."),
    /** Listed with its name and description; only members read and post. */
    MEMBERS_ONLY("Members only", "Only members of this community can read posts here."),
    /** Not listed and not findable; only members and invited people know it exists. */
    HIDDEN("Hidden", "Only members of this hidden community can read posts here; no one else can find it.");

    private final String label;
    private final String audience;

    Visibility(String label, String audience) {
        this.label = label;
        this.audience = audience;
    }

    public String label() {
        return label;
    }

    /** In plain words: who will be able to read a post written here. */
    public String audience() {
        return audience;
    }
}
