package org.hearth.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops password guessing and bulk sign-ups before they reach the password check: a limited
 * person gets a 429 page telling them when to try again.
 */
final class AttemptLimitFilter extends OncePerRequestFilter {

    private final AttemptLimits limits;

    AttemptLimitFilter(AttemptLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            String path = request.getServletPath();
            String address = request.getRemoteAddr();
            OptionalLong wait = OptionalLong.empty();
            if (path.equals("/sign-in")) {
                wait = limits.tryAttempt(AttemptLimits.Kind.SIGN_IN_ADDRESS, address);
                String handle = request.getParameter("handle");
                if (wait.isEmpty() && handle != null && !handle.isBlank()) {
                    wait = limits.tryAttempt(AttemptLimits.Kind.SIGN_IN_ACCOUNT, handle.strip());
                }
            } else if (path.equals("/login/webauthn")) {
                // a passkey names no account before it is checked: only the address is counted
                wait = limits.tryAttempt(AttemptLimits.Kind.SIGN_IN_ADDRESS, address);
            } else if (path.equals("/sign-up") || path.startsWith("/setup/")) {
                wait = limits.tryAttempt(AttemptLimits.Kind.SIGN_UP_ADDRESS, address);
            } else if (path.startsWith("/password/") || path.equals("/sign-in/link")) {
                wait = limits.tryAttempt(AttemptLimits.Kind.MAIL_LINK_ADDRESS, address);
            }
            if (wait.isPresent()) {
                response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
                request.setAttribute(AttemptLimits.RETRY_AFTER, wait.getAsLong());
                response.sendError(429);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
