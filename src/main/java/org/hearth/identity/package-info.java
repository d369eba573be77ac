/**
 * Accounts: pseudonymous handles, passwords (Argon2id), signing in and out, profiles that show
 * only what a member chooses, the one-time setup link that creates the first site
 * administrator, and the second factor (authenticator-app codes and recovery codes,
 * {@link org.hearth.identity.SecondFactors}). Uses only the platform; other features hold member
 * ids and ask {@link org.hearth.identity.Members} for handles. Features whose roles need a second
 * factor say so by implementing {@link org.hearth.identity.Responsibilities}, so identity never
 * depends on them.
 */
package org.hearth.identity;
