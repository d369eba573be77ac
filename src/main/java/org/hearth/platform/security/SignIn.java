package org.hearth.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a member in right after they created their account, with a fresh session id. */
@Component
public class SignIn {

    /** Session attribute naming the device a session was signed in on, in words ("Firefox on Android"). */
    public static final String DEVICE = "hearth.device";

    private final SecurityContextRepository contextRepository;

    SignIn(SecurityContextRepository contextRepository) {
        this.contextRepository = contextRepository;
    }

    public void signIn(Viewer viewer, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SignedInMember member = new SignedInMember(viewer, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        recordDevice(request);
    }

    /**
     * Puts the member's new name into the current sign-in, keeping every factor already given,
     * so a changed handle shows at once without signing in again.
     */
    public void renamed(Viewer renamed, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null) {
            return;
        }
        Authentication next = current.toBuilder().principal(new SignedInMember(renamed, null)).build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(next);
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }

    static void recordDevice(HttpServletRequest request) {
        request.getSession().setAttribute(DEVICE, deviceOf(request.getHeader("User-Agent")));
    }

    /** A rough name for a browser, enough for a member to recognise their own devices. */
    public static String deviceOf(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String browser = userAgent.contains("Firefox/") ? "Firefox"
                : userAgent.contains("Edg/") ? "Edge"
                : userAgent.contains("OPR/") ? "Opera"
                : userAgent.contains("Chrome/") || userAgent.contains("Chromium/") ? "Chrome"
                : userAgent.contains("Safari/") ? "Safari" : "A browser";
        String system = userAgent.contains("Android") ? "Android"
                : userAgent.contains("iPhone") ? "iPhone"
                : userAgent.contains("iPad") ? "iPad"
                : userAgent.contains("Windows") ? "Windows"
                : userAgent.contains("Mac OS X") ? "Mac"
                : userAgent.contains("CrOS") ? "ChromeOS"
                : userAgent.contains("Linux") ? "Linux" : "an unknown system";
        return browser + " on " + system;
    }

    /** The viewer of the current request, or null for an anonymous visitor. */
    public static Viewer currentViewer() {
        return ViewerArgumentResolver.current();
    }
}
