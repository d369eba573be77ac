package org.hearth.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every redirect within Hearth is a path, never an address with a host. Spring Security builds
 * some redirects (to the sign-in page, back to the page wanted before signing in) from the
 * request's Host header, which anyone can forge; a forged header must not send a browser, or a
 * cache in front of Hearth, to another site. Tomcat itself is told not to add a host either
 * ({@code server.tomcat.use-relative-redirects}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RelativeRedirects extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Paths(response, request.getServerName()));
    }

    /** The path, query and fragment of a location on the request's own host; any other location as it is. */
    static String local(String location, String requestHost) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(requestHost)) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static final class Paths extends HttpServletResponseWrapper {

        private final String host;

        Paths(HttpServletResponse response, String host) {
            super(response);
            this.host = host;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(local(location, host));
        }

        @Override
        public void sendRedirect(String location, int status) throws IOException {
            super.sendRedirect(local(location, host), status);
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            super.sendRedirect(local(location, host), clearBuffer);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            super.sendRedirect(local(location, host), status, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) && value != null ? local(value, host) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) && value != null ? local(value, host) : value);
        }
    }
}
