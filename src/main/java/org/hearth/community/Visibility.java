package org.hearth.community;

/** Who can see a community and read what is written in it. */
public enum Visibility {
    /** Listed; anyone on the internet can read; members post. */
    PUBLIC("Public", "Anyone on the web can read posts here, without an account.", 2),
    /** Listed with its name and description; only members read and post. */
    MEMBERS_ONLY("Members only", "Only members can read posts here. If anyone can join, that means anyone with a Hearth account.", 1),
    /** Not listed and not findable; only members and invited people know it exists. */
    HIDDEN("Hidden", "Only members can read posts here, and no one else can find the community: people join by invitation.", 0);

    private final String label;
    private final String description;
    private final int openness;

    Visibility(String label, String description, int openness) {
        this.label = label;
        this.description = description;
        this.openness = openness;
    }

    public String label() {
        return label;
    }

    /**
     * This choice alone, for a form that offers it. Who actually reads depends on the join policy
     * too: pages that tell a writer who reads their post use {@link Community#audience()}.
     */
    public String description() {
        return description;
    }

    /** How many people it lets see the community: higher is more open. */
    int openness() {
        return openness;
    }
}
