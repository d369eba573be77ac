/**
 * Accounts: pseudonymous handles, passwords (Argon2id), passkeys (stored with Spring Security's
 * JDBC repositories, checked by its WebAuthn filters), signing in and out, profiles that show
 * only what a member chooses, and the one-time setup link that creates the first site
 * administrator. Uses only the platform; other features hold member ids and ask
 * {@link org.hearth.identity.Members} for handles.
 */
package org.hearth.identity;
