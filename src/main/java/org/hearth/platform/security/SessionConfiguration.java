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
import java.util.Map;
import org.hearth.platform.RepeatedFailures;
import org.hearth.platform.db.DatabaseProperties;
import org.hearth.platform.db.DatabaseTrouble;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session cookies and lifetimes. Sessions themselves are kept by Spring Session in the database.
 * The cookie is HttpOnly and SameSite=Lax always; over HTTPS it is also Secure and named with
 * the {@code __Host-} prefix, so no other host or path can set or read it.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * On SQLite, a session's last-access time is written at most once a minute. Spring Session
     * rewrites it on every request, and on SQLite every write waits for the single writer and
     * an fsync: that was most of a signed-in page's time under load. The condition keeps every
     * real change (new id at sign-in, new principal, new timeout); idle timeouts become exact to
     * the minute. SQLite's numbered parameters let the condition reuse the values being set.
     */
    static final String SQLITE_UPDATE_SESSION = """
            UPDATE %TABLE_NAME%
            SET SESSION_ID = ?1, LAST_ACCESS_TIME = ?2, MAX_INACTIVE_INTERVAL = ?3, EXPIRY_TIME = ?4, PRINCIPAL_NAME = ?5
            WHERE PRIMARY_ID = ?6
            AND (SESSION_ID <> ?1 OR MAX_INACTIVE_INTERVAL <> ?3 OR PRINCIPAL_NAME IS NOT ?5
                 OR LAST_ACCESS_TIME < ?2 - 60000 OR LAST_ACCESS_TIME > ?2)
            """;

    /**
     * Two requests of one session that both add the same new attribute (a form token, the page
     * to return to after signing in) would both insert it; the second insert broke its request
     * with a duplicate key. The later value wins instead, as it would in memory. Both engines
     * read this form of upsert.
     */
    static final String ADD_ATTRIBUTE_OR_REPLACE_IT = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = excluded.ATTRIBUTE_BYTES
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentRequestsAddTheSameAttribute() {
        return repository -> repository.setCreateSessionAttributeQuery(ADD_ATTRIBUTE_OR_REPLACE_IT);
    }

    /**
     * Sign-ins and form tokens remembered by {@link SignInsReadOnce}: about one per member active
     * in the last minutes on a large site, a few megabytes at most.
     */
    static final int SIGN_INS_REMEMBERED = 1000;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> signInsReadOnce() {
        return repository -> {
            GenericConversionService conversions = new GenericConversionService();
            conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
            conversions.addConverter(byte[].class, Object.class,
                    new SignInsReadOnce(SessionConfiguration.class.getClassLoader(), SIGN_INS_REMEMBERED));
            repository.setConversionService(conversions);
        };
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessOncePerMinuteOnSqlite(
            DatabaseProperties database) {
        return repository -> {
            if (database.embedded()) {
                repository.setUpdateSessionQuery(SQLITE_UPDATE_SESSION);
            }
        };
    }

    @Bean
    static BeanPostProcessor sessionsOutliveDatabaseTrouble(ObjectProvider<RepeatedFailures> failures) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository sessions
                        ? new SessionsOutliveDatabaseTrouble((FindByIndexNameSessionRepository<Session>) (Object) sessions,
                                failures)
                        : bean;
            }
        };
    }

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

    /**
     * The session store, with its failures to write kept from failing the request. Every signed-in
     * request saves its session (its last access); while the database refuses writes, that save
     * failed every page, reads included, and then the error page, which needs the session too.
     * Now the request goes on: a read works, and a write fails on its own statement and is told
     * so. A session that cannot be read because the database is out of reach fails its request at
     * once (nothing else would work either), and on that request's error page it counts as none:
     * looking again would wait as long once more, and the error page must not fail.
     */
    static final class SessionsOutliveDatabaseTrouble implements FindByIndexNameSessionRepository<Session> {

        private final FindByIndexNameSessionRepository<Session> sessions;
        private final ObjectProvider<RepeatedFailures> failures;

        SessionsOutliveDatabaseTrouble(FindByIndexNameSessionRepository<Session> sessions,
                ObjectProvider<RepeatedFailures> failures) {
            this.sessions = sessions;
            this.failures = failures;
        }

        @Override
        public Session createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(Session session) {
            if (unreachableOnThisRequest()) {
                return;
            }
            try {
                sessions.save(session);
            } catch (RuntimeException e) {
                forgive(e);
            }
        }

        @Override
        public Session findById(String id) {
            if (unreachableOnThisRequest()) {
                return null;
            }
            try {
                return sessions.findById(id);
            } catch (RuntimeException e) {
                if (DatabaseTrouble.of(e).orElse(null) == DatabaseTrouble.UNREACHABLE) {
                    throw e;
                }
                forgive(e); // an expired session is deleted as it is read: a write
                return null;
            }
        }

        @Override
        public void deleteById(String id) {
            if (unreachableOnThisRequest()) {
                return;
            }
            try {
                sessions.deleteById(id);
            } catch (RuntimeException e) {
                forgive(e);
            }
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.findByIndexNameAndIndexValue(indexName, indexValue);
        }

        private static boolean unreachableOnThisRequest() {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            return request != null && request.getAttribute(DatabaseTrouble.REQUEST_ATTRIBUTE,
                    RequestAttributes.SCOPE_REQUEST) == DatabaseTrouble.UNREACHABLE;
        }

        private void forgive(RuntimeException e) {
            if (DatabaseTrouble.of(e).isEmpty()) {
                throw e;
            }
            failures.ifAvailable(f -> f.record(e));
        }
    }
}
