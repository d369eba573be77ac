package org.hearth.platform.security;

/**
 * Whether a member has a confirmed second factor. The identity feature answers it; the
 * platform asks, so that the security rules need not know how factors are stored.
 */
public interface SecondFactorStatus {

    boolean enrolled(String memberId);
}
