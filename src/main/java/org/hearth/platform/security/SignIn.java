package org.hearth.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a member in right after they created their account, with a fresh session id. */
@Component
public class SignIn {

    /** Session attribute: when the member last proved it is them (signed in, or typed their password again). */
    public static final String CONFIRMED_AT = "hearth.confirmedAt";
    /** How long such proof lets a member change how they sign in. */
    public static final long CONFIRMATION_MILLIS = 5 * 60_000;

    /**
     * Session attribute: which member last used a passkey in this session, and when
     * ({@code memberId@millis}), to sign in or to confirm it is them. For an account without a
     * password it stands in for typing the password. It names the member because a session
     * outlives a change of who is signed in: one member's passkey must never vouch for another.
     */
    public static final String PASSKEY_CHECKED_AT = "hearth.passkeyCheckedAt";

    /** Session attribute naming the device a session was signed in on, in words ("Firefox on Android"). */
    public static final String DEVICE = "hearth.device";

    private final SecurityContextRepository contextRepository;
    private final Clock clock;
    private final PasskeyProperties passkeys;

    SignIn(SecurityContextRepository contextRepository, Clock clock, PasskeyProperties passkeys) {
        this.contextRepository = contextRepository;
        this.clock = clock;
        this.passkeys = passkeys;
    }

    /**
     * Whether the member used one of their passkeys in this session within
     * {@code hearth.passkeys.check-validity}: a member without a password confirms it is them this way.
     */
    public boolean passkeyCheckedRecently(HttpServletRequest request) {
        var session = request.getSession(false);
        Viewer viewer = currentViewer();
        if (session == null || viewer == null || !(session.getAttribute(PASSKEY_CHECKED_AT) instanceof String check)) {
            return false;
        }
        int at = check.lastIndexOf('@');
        return at > 0 && check.substring(0, at).equals(viewer.memberId())
                && clock.millis() - Long.parseLong(check.substring(at + 1)) <= passkeys.checkValidity().toMillis();
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
        recordSignIn(request, clock.millis());
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

    /** After any sign-in: which device the session is on, and that the member just proved it is them. */
    static void recordSignIn(HttpServletRequest request, long nowMillis) {
        request.getSession().setAttribute(DEVICE, deviceOf(request.getHeader("User-Agent")));
        request.getSession().removeAttribute(PASSKEY_CHECKED_AT); // whoever signed in before may have used one
        confirmed(request, nowMillis);
    }

    /** After a passkey sign-in or a passkey check: the member has just used one of their passkeys. */
    static void recordPasskeyCheck(HttpServletRequest request, String memberId, long nowMillis) {
        request.getSession().setAttribute(PASSKEY_CHECKED_AT, memberId + "@" + nowMillis);
    }

    /** Notes that the member just proved it is them (a fresh sign-in or their password typed again). */
    public static void confirmed(HttpServletRequest request, long nowMillis) {
        request.getSession().setAttribute(CONFIRMED_AT, nowMillis);
    }

    /** Whether the member proved it is them within the last few minutes. */
    public static boolean confirmedRecently(HttpServletRequest request, long nowMillis) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(CONFIRMED_AT) instanceof Long at
                && nowMillis - at <= CONFIRMATION_MILLIS;
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
