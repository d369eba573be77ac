package org.hearth.community;

/** A community as its pages show it. */
public record Community(
        String id,
        String slug,
        String name,
        String description,
        String conditionServed,
        Visibility visibility,
        JoinPolicy joinPolicy,
        boolean allowAnonymous,
        int flagHideScore,
        boolean holdNewMembersPosts,
        ClinicianAdmission clinicians) {

    /** A community that holds no one's posts for review and welcomes clinicians. */
    public Community(String id, String slug, String name, String description, String conditionServed, Visibility visibility,
            JoinPolicy joinPolicy, boolean allowAnonymous, int flagHideScore) {
        this(id, slug, name, description, conditionServed, visibility, joinPolicy, allowAnonymous, flagHideScore, false,
                ClinicianAdmission.WELCOME);
    }

    /** Whether verified clinicians are kept at a distance here: read only, or not admitted. */
    public boolean keepsCliniciansAtADistance() {
        return clinicians != ClinicianAdmission.WELCOME;
    }

    /** Points of members' flags that hide a post until a moderator looks, unless its owners choose otherwise. */
    public static final int DEFAULT_FLAG_HIDE_SCORE = 8;

    /** Who can read what is written here and who can join to read it, in the words every page uses. */
    public Audience audience() {
        return new Audience(visibility, joinPolicy);
    }

    public boolean listed() {
        return visibility != Visibility.HIDDEN;
    }

    /** Whether search engines may index its pages: only a public community's, whose posts anyone may read. */
    public boolean openToSearchEngines() {
        return visibility == Visibility.PUBLIC;
    }
}
