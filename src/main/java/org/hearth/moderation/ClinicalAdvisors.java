package org.hearth.moderation;

/**
 * A community's clinical advisors, as the misinformation review needs them: whether it has any
 * (otherwise flags of possible misinformation are its moderators' alone), and whether a member
 * serves as one now. Answered by the clinician feature, which depends on this one, not the
 * other way round; with no clinician feature, no community has advisors.
 */
public interface ClinicalAdvisors {

    boolean any(String communityId);

    boolean serves(String communityId, String memberId);
}
