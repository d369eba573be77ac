package org.hearth.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the page's controller a request that knows its own HTTP method. While finding the
 * controller, Spring MVC asks the method once or twice of every request mapping whose path could
 * match (well over a hundred), and each ask went down through the wrappers Spring Session and
 * Spring Security put around the request: 3 % of a signed-in topic page's CPU time in a JFR
 * profile (docs/topic-page-cost.md). Last of the filters, so every wrapper is already in place;
 * the method of a request never changes once it has passed them.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class MethodAskedOnce extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new KnownMethod(request), response);
    }

    private static final class KnownMethod extends HttpServletRequestWrapper {

        private final String method;

        KnownMethod(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
