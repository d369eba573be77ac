package org.hearth.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** What Spring Security keeps in the session for a signed-in member; the hash is erased after sign-in. */
public final class SignedInMember implements UserDetails, CredentialsContainer {

    public static final String SITE_ADMIN = "ROLE_SITE_ADMIN";

    private final Viewer viewer;
    private String passwordHash;
    private final boolean suspended;

    public SignedInMember(Viewer viewer, String passwordHash) {
        this(viewer, passwordHash, false);
    }

    /** @param suspended a site administrator suspended the account, and the suspension has not ended */
    public SignedInMember(Viewer viewer, String passwordHash, boolean suspended) {
        this.viewer = viewer;
        this.passwordHash = passwordHash;
        this.suspended = suspended;
    }

    /** A suspended account cannot sign in: Spring Security refuses it before any session begins. */
    @Override
    public boolean isAccountNonLocked() {
        return !suspended;
    }

    public Viewer viewer() {
        return viewer;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return viewer.siteAdmin()
                ? List.of(new SimpleGrantedAuthority("ROLE_MEMBER"), new SimpleGrantedAuthority(SITE_ADMIN))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return viewer.handle();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
