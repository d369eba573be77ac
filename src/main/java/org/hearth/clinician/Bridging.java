package org.hearth.clinician;

/**
 * Whether a note bridges: found helpful by both patients and clinicians, each group by its own
 * threshold (X's Community Notes learns viewpoints from far more raters than a patient
 * community has; an explicit per-group agreement threshold, as Jigsaw's tools use, works with
 * few). Shown notes stay shown until a group falls below the lower threshold.
 */
record Bridging(int patients, int patientsHelpful, int clinicians, int cliniciansHelpful) {

    static final Bridging NONE = new Bridging(0, 0, 0, 0);

    boolean shown(boolean shownBefore, EvidenceNoteSettings settings) {
        int percent = shownBefore ? settings.keepAtPercent() : settings.showAtPercent();
        return patients >= settings.minPatients() && atLeast(patientsHelpful, patients, percent)
                && cliniciansHelpful >= 1 && atLeast(cliniciansHelpful, clinicians, percent);
    }

    private static boolean atLeast(int helpful, int all, int percent) {
        return all > 0 && helpful * 100 >= percent * all;
    }
}
