/**
 * Accounts: pseudonymous handles, passwords (Argon2id), passkeys (stored with Spring Security's
 * JDBC repositories, checked by its WebAuthn filters), the second factor (authenticator-app codes
 * and recovery codes, {@link org.hearth.identity.SecondFactors}), e-mailed links (address
 * verification, password reset, sign-in), sessions and the security log, signing in and out,
 * profiles that show only what a member chooses, account deletion, and the one-time setup link
 * that creates the first site administrator. Uses only the platform; other features hold member
 * ids and ask {@link org.hearth.identity.Members} for handles. Features whose roles need a second
 * factor say so by implementing {@link org.hearth.identity.Responsibilities}, and every feature
 * that stores something about a member implements {@link org.hearth.identity.MemberData} (its
 * tables, its section of the member's download, its erasure), so identity exports and deletes
 * accounts without depending on any of them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.hearth.identity;
