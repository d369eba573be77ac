package org.hearth.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a member in right after they created their account, with a fresh session id. */
@Component
public class SignIn {

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
    }

    /** The viewer of the current request, or null for an anonymous visitor. */
    public static Viewer currentViewer() {
        return ViewerArgumentResolver.current();
    }
}
