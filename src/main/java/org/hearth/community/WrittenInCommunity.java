package org.hearth.community;

/**
 * Whether people have written in a community, answered by the feature that keeps the posts, so
 * the community feature can ask without depending on it. Opening a community up depends on it:
 * what members wrote keeps the audience it was written for.
 */
public interface WrittenInCommunity {

    /**
     * Whether anyone but this member has a post here that is not deleted. Asked inside the
     * transaction that changes the community's settings, after its row is locked: the answer must
     * hold until that transaction ends, so no one may add a post meanwhile.
     */
    boolean byAnyoneBut(String communityId, String memberId);
}
