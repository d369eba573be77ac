package org.hearth.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hearth.platform.RepeatedFailures;
import org.hearth.platform.db.DatabaseTrouble;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Catches what failed a request before the servlet container does: the container would log a
 * full stack trace for each failure and, when its error page failed too, answer with its own
 * bare page. Here the failure is counted ({@link RepeatedFailures}) and the request goes on to
 * Hearth's error page, with 503 when the database is the cause, so the page can say what that
 * means. It wraps every other filter, the session store's included.
 */
@Configuration(proxyBeanMethods = false)
class FailedRequests {

    @Bean
    FilterRegistrationBean<CountedFailures> countedFailures(RepeatedFailures failures) {
        FilterRegistrationBean<CountedFailures> registration = new FilterRegistrationBean<>(new CountedFailures(failures));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class CountedFailures extends OncePerRequestFilter {

        private final RepeatedFailures failures;

        CountedFailures(RepeatedFailures failures) {
            this.failures = failures;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                failures.record(e);
                if (response.isCommitted()) {
                    return; // part of the page has gone out; nothing better can follow it
                }
                var trouble = DatabaseTrouble.of(e);
                trouble.ifPresent(t -> request.setAttribute(DatabaseTrouble.REQUEST_ATTRIBUTE, t));
                response.resetBuffer();
                response.sendError(trouble.isPresent() ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                        : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }
}
