package org.hearth.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Checks a passkey and signs in the member it belongs to. Spring Security's own provider would
 * keep its WebAuthn user as the principal; every page expects a {@link SignedInMember}, so this
 * one makes the same principal a password sign-in makes, plus the WebAuthn factor authority.
 * A member already signed in uses the same sign-in to confirm it is them (a passkey check); it
 * then accepts only their own passkeys.
 */
final class PasskeySignInProvider implements AuthenticationProvider {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final UserDetailsService members;

    PasskeySignInProvider(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService members) {
        this.relyingParty = relyingParty;
        this.members = members;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (WebAuthnAuthenticationRequestToken) authentication;
        PublicKeyCredentialUserEntity user;
        UserDetails details;
        try {
            user = relyingParty.authenticate(request.getWebAuthnRequest());
            details = members.loadUserByUsername(user.getName());
        } catch (RuntimeException e) {
            // unknown passkey, bad signature, wrong origin, or a member who no longer exists
            throw new BadCredentialsException("passkey not accepted", e);
        }
        if (!(details instanceof SignedInMember member)) {
            throw new BadCredentialsException("passkey of someone who is not a member");
        }
        // Signed in already, a passkey confirms it is still them: someone at their unlocked device
        // must not slip into another account by the same button.
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof SignedInMember signedIn
                && !signedIn.viewer().memberId().equals(member.viewer().memberId())) {
            throw new BadCredentialsException("passkey of another member than the one signed in");
        }
        if (!member.isEnabled() || !member.isAccountNonLocked()) {
            throw new DisabledException("account cannot sign in");
        }
        member.eraseCredentials();
        List<GrantedAuthority> authorities = new ArrayList<>(member.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
        return UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
