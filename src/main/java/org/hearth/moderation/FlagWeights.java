package org.hearth.moderation;

/**
 * How much one flag adds to a post's score, in hundredths of a point: 1 + the flagger's trust
 * level, plus a bonus for how often their earlier flags were upheld (Discourse's reviewable score).
 */
final class FlagWeights {

    /** Moderators count as the highest level (their flags also hide at once). */
    static final int MODERATOR_LEVEL = 4;

    private static final double AGREEMENT_AXIS = 0.7;

    private FlagWeights() {
    }

    /** The weight of a new flag in hundredths, from the flagger's level and their judged flags. */
    static int of(int trustLevel, int upheld, int rejected) {
        return (int) Math.round((1 + trustLevel + accuracyBonus(upheld, rejected)) * 100);
    }

    /**
     * 0 until more than 5 of their flags were judged; then how far their agreement is from 70 %,
     * scaled to the distance to 100 % above it or to 0 % below it, times log4(judged flags) x 5:
     * a flagger always upheld gains, one mostly turned down loses (the bonus can go negative).
     */
    static double accuracyBonus(int upheld, int rejected) {
        int judged = upheld + rejected;
        if (judged <= 5) {
            return 0;
        }
        double agreement = (double) upheld / judged;
        double scale = Math.log(judged) / Math.log(4) * 5;
        if (agreement >= AGREEMENT_AXIS) {
            return (agreement - AGREEMENT_AXIS) / (1 - AGREEMENT_AXIS) * scale;
        }
        return -(AGREEMENT_AXIS - agreement) / AGREEMENT_AXIS * scale;
    }
}
