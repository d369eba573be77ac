package org.hearth.identity;


import static org.hearth.identity.schema.Tables.MEMBERS;
import org.hearth.platform.security.SignedInMember;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks up a member by handle for Spring Security's password and passkey sign-in. An account
 * that signs in with passkeys only has no password hash: it is handed over as null, and no
 * password matches null, so such an account cannot be entered with any password.
 */
@Component
class MemberAccounts implements UserDetailsService {

    private final DSLContext db;
    private final java.time.Clock clock;

    MemberAccounts(DSLContext db, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String handle) {
        return db.select(MEMBERS.ID, MEMBERS.HANDLE, MEMBERS.PASSWORD_HASH, MEMBERS.SITE_ADMIN, MEMBERS.SUSPENDED_UNTIL).from(MEMBERS)
                .where(MEMBERS.HANDLE_KEY.eq(Members.handleKey(handle)))
                .fetchOptional(r -> new SignedInMember(
                        new Viewer(r.get(MEMBERS.ID), r.get(MEMBERS.HANDLE), Boolean.TRUE.equals(r.get(MEMBERS.SITE_ADMIN))),
                        r.get(MEMBERS.PASSWORD_HASH),
                        r.get(MEMBERS.SUSPENDED_UNTIL) != null && r.get(MEMBERS.SUSPENDED_UNTIL) > clock.millis()))
                .orElseThrow(() -> new UsernameNotFoundException("no such handle"));
    }
}
