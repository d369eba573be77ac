package org.hearth.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The second factor in Spring Security's multi-factor model. A password sign-in grants
 * {@code FACTOR_PASSWORD}; a correct authenticator code adds {@link #FACTOR}. A member who has
 * a second factor but has only given the password reaches nothing but the code page and
 * sign-out; a site administrator without a second factor is sent to set one up. Both go
 * through Spring Security's "missing authority" handling, which sends the person to
 * {@link #entryPoint()} and remembers the page they wanted.
 */
@Component
public class SecondFactorRules {

    /** The factor an authenticator-app code (or a recovery code) proves. */
    public static final String FACTOR = "FACTOR_TOTP";
    /**
     * A passkey used with user verification (PIN, fingerprint, face) is already two factors:
     * something the member has and something they know or are. It counts as the second factor.
     */
    static final String PASSKEY_FACTOR = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
    public static final String CODE_PAGE = "/sign-in/second-factor";
    public static final String ENROLMENT_PAGE = "/me/second-factor";

    /** What a member half-way through signing in may still open. */
    private static final Set<String> OPEN_WHILE_SIGNING_IN = Set.of("/sign-in", CODE_PAGE, "/sign-out",
            "/favicon.svg", "/error");

    private final SecondFactorStatus status;
    private final SecurityContextRepository contexts;
    private final Clock clock;

    SecondFactorRules(SecondFactorStatus status, SecurityContextRepository contexts, Clock clock) {
        this.status = status;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** Requests from a member who has a second factor and has not given a code yet. */
    RequestMatcher unfinishedSignIn() {
        return request -> {
            String path = request.getServletPath();
            if (OPEN_WHILE_SIGNING_IN.contains(path) || path.startsWith("/css/")) {
                return false;
            }
            SignedInMember member = currentMember();
            return member != null && !hasSecondFactor() && status.enrolled(member.viewer().memberId());
        };
    }

    /** Administration pages asked for by a site administrator who has not given a second factor. */
    RequestMatcher administratorWithoutSecondFactor() {
        return request -> {
            SignedInMember member = currentMember();
            return request.getServletPath().startsWith("/admin/") && member != null
                    && member.viewer().siteAdmin() && !hasSecondFactor();
        };
    }

    /** Denies for want of {@link #FACTOR}, which Spring Security answers with {@link #entryPoint()}. */
    AuthorizationManager<RequestAuthorizationContext> secondFactorRequired() {
        return AuthorityAuthorizationManager.hasAnyAuthority(FACTOR, PASSKEY_FACTOR);
    }

    /** Asks for a code when the member has a second factor, or to set one up when they do not. */
    AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> {
            SignedInMember member = currentMember();
            boolean enrolled = member != null && status.enrolled(member.viewer().memberId());
            response.sendRedirect(enrolled ? CODE_PAGE : ENROLMENT_PAGE + "?required");
        };
    }

    /**
     * Adds the second factor to the current sign-in, under a new session id: called after a
     * correct code at sign-in, and after the member confirmed a new authenticator.
     */
    public void grant(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        GrantedAuthority factor = FactorGrantedAuthority.withAuthority(FACTOR).issuedAt(clock.instant()).build();
        Authentication next = current.toBuilder()
                .authorities(authorities -> {
                    authorities.removeIf(a -> FACTOR.equals(a.getAuthority()));
                    authorities.add(factor);
                })
                .build();
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(next);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Whether the current sign-in includes a second factor. */
    public static boolean hasSecondFactor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> FACTOR.equals(a.getAuthority()) || PASSKEY_FACTOR.equals(a.getAuthority()));
    }

    private static SignedInMember currentMember() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInMember member ? member : null;
    }
}
