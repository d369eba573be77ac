package org.hearth.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Passkeys through Spring Security's WebAuthn support: the script on Hearth's pages asks for
 * options at {@code /webauthn/register/options} and {@code /webauthn/authenticate/options}, sends
 * a new passkey to {@code /webauthn/register} and signs in at {@code /login/webauthn}. Where the
 * passkeys are stored is up to whoever provides the two repositories (the accounts feature).
 */
@Component
public class PasskeySecurity {

    private final AuthenticationEventPublisher events;
    private final Clock clock;
    private final WebAuthnRelyingPartyOperations relyingParty;
    private final UserDetailsService members;
    private final SecurityContextRepository contextRepository;

    PasskeySecurity(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService members,
            SecurityContextRepository contextRepository, AuthenticationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.relyingParty = relyingParty;
        this.members = members;
        this.contextRepository = contextRepository;
    }

    /** A bean, so that Spring Security's WebAuthn filters use this one rather than make their own. */
    @Bean
    static WebAuthnRelyingPartyOperations relyingParty(PasskeyProperties properties,
            PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
        var relyingParty = new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(properties.rpId()).name(properties.rpName()).build(),
                properties.allowedOrigins());
        // A passkey may be the only way into an account, so the authenticator must check that its
        // owner is there (PIN, fingerprint, face), not only that someone touched it.
        relyingParty.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .build()));
        relyingParty.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return relyingParty;
    }

    /** Adds passkey registration and sign-in to the filter chain. */
    public void applyTo(HttpSecurity http) throws Exception {
        http.webAuthn(webAuthn -> webAuthn
                .disableDefaultRegistrationPage(true) // Hearth has its own page, /me/passkeys
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        signInLikeAPassword(filter);
                        return filter;
                    }
                }));
        http.addFilterBefore(new NoRemovalByScript(), AuthorizationFilter.class);
        http.addFilterBefore(new ConfirmedBeforeAdding(clock), AuthorizationFilter.class);
    }

    /**
     * The same principal, a fresh session id and form token, the same context storage and a device name, as
     * after a password sign-in. The answer stays JSON ({@code authenticated}, {@code redirectUrl})
     * for the script that asked.
     */
    private void signInLikeAPassword(WebAuthnAuthenticationFilter filter) {
        ProviderManager manager = new ProviderManager(new PasskeySignInProvider(relyingParty, members));
        manager.setAuthenticationEventPublisher(events); // passkey sign-ins reach the security log too
        filter.setAuthenticationManager(manager);
        filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
        filter.setSecurityContextRepository(contextRepository);
        var json = new HttpMessageConverterAuthenticationSuccessHandler();
        filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
            SignIn.recordSignIn(request, clock.millis());
            SignIn.recordPasskeyCheck(request, ((SignedInMember) authentication.getPrincipal()).viewer().memberId(),
                    clock.millis());
            json.onAuthenticationSuccess(request, response, authentication);
        });
    }

    /**
     * Adding a passkey adds a way into the account, so it needs the member to have proved it is
     * them a few minutes ago: whoever finds a device signed in cannot plant their own passkey.
     */
    private static final class ConfirmedBeforeAdding extends OncePerRequestFilter {

        private static final RequestMatcher ADDING = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/webauthn/register/**");
        private static final RequestMatcher ADDING_ITSELF = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/webauthn/register");

        private final Clock clock;

        ConfirmedBeforeAdding(Clock clock) {
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ((ADDING.matches(request) || ADDING_ITSELF.matches(request))
                    && !SignIn.confirmedRecently(request, clock.millis())) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Spring Security would also remove a passkey on {@code DELETE /webauthn/register/{id}}. Hearth
     * removes them only through its own page, which refuses to remove the last way into an account.
     */
    private static final class NoRemovalByScript extends OncePerRequestFilter {

        private static final RequestMatcher REMOVAL = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.DELETE, "/webauthn/register/**");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (REMOVAL.matches(request)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
