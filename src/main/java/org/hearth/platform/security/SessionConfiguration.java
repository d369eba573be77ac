package org.hearth.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session cookies and lifetimes. Sessions themselves are kept by Spring Session in the database.
 * The cookie is HttpOnly and SameSite=Lax always; over HTTPS it is also Secure and named with
 * the {@code __Host-} prefix, so no other host or path can set or read it.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    CookieSerializer cookieSerializer() {
        return new HostBoundCookies();
    }

    @Bean
    FilterRegistrationBean<AbsoluteTimeout> absoluteSessionTimeout(
            @Value("${hearth.session.absolute-timeout:14d}") Duration absolute, Clock clock) {
        FilterRegistrationBean<AbsoluteTimeout> registration = new FilterRegistrationBean<>(new AbsoluteTimeout(absolute, clock));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    static final class HostBoundCookies implements CookieSerializer {

        private final DefaultCookieSerializer plain = cookie("HEARTH_SESSION", false);
        private final DefaultCookieSerializer secure = cookie("__Host-HEARTH_SESSION", true);

        private static DefaultCookieSerializer cookie(String name, boolean secure) {
            DefaultCookieSerializer cookie = new DefaultCookieSerializer();
            cookie.setCookieName(name);
            cookie.setCookiePath("/");
            cookie.setUseHttpOnlyCookie(true);
            cookie.setSameSite("Lax");
            cookie.setUseSecureCookie(secure);
            return cookie;
        }

        @Override
        public void writeCookieValue(CookieValue value) {
            (value.getRequest().isSecure() ? secure : plain).writeCookieValue(value);
        }

        @Override
        public List<String> readCookieValues(HttpServletRequest request) {
            return (request.isSecure() ? secure : plain).readCookieValues(request);
        }
    }

    /** Ends a session some time after it began, however active it has been since. */
    static final class AbsoluteTimeout extends OncePerRequestFilter {

        private final Duration absolute;
        private final Clock clock;

        AbsoluteTimeout(Duration absolute, Clock clock) {
            this.absolute = absolute;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null && clock.millis() - session.getCreationTime() > absolute.toMillis()) {
                session.invalidate();
            }
            chain.doFilter(request, response);
        }
    }
}
