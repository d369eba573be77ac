package org.hearth.identity;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Passkeys live in the database (tables of V3__passkeys.sql), through Spring Security's own JDBC
 * repositories: their plain SQL runs unchanged on SQLite and PostgreSQL. The security filters
 * and {@link Passkeys} use these two beans.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyStore {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(DataSource dataSource) {
        return new JdbcPublicKeyCredentialUserEntityRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    UserCredentialRepository passkeyCredentials(DataSource dataSource) {
        return new JdbcUserCredentialRepository(new JdbcTemplate(dataSource));
    }
}
