package org.hearth.trust;

/**
 * How many flags about a member's posts in a community moderators upheld since a time: the
 * feature that judges flags implements it. Without one (a site that has had no flags judged),
 * none were upheld.
 */
public interface UpheldFlags {

    int against(String communityId, String memberId, long since);
}
