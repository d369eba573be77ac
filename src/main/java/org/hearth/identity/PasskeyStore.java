package org.hearth.identity;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
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
    UserCredentialRepository passkeyCredentials(DataSource dataSource, PublicKeyCredentialUserEntityRepository users,
            Members members, SecurityLog log) {
        return new NewPasskeysLogged(new JdbcUserCredentialRepository(new JdbcTemplate(dataSource)), users, members, log);
    }

    /**
     * Spring Security saves a credential when it is added and again after each use; the first
     * save is a new sign-in method, which goes into the member's security log.
     */
    record NewPasskeysLogged(UserCredentialRepository store, PublicKeyCredentialUserEntityRepository users,
            Members members, SecurityLog log) implements UserCredentialRepository {

        @Override
        public void save(CredentialRecord record) {
            boolean added = store.findByCredentialId(record.getCredentialId()) == null;
            store.save(record);
            if (added) {
                PublicKeyCredentialUserEntity user = users.findById(record.getUserEntityUserId());
                if (user != null) {
                    members.idOfHandle(user.getName()).ifPresent(id -> log.recordAbout(id, SecurityEvent.FACTOR_ADDED,
                            Passkeys.named(record.getLabel())));
                }
            }
        }

        @Override
        public void delete(Bytes credentialId) {
            store.delete(credentialId);
        }

        @Override
        public CredentialRecord findByCredentialId(Bytes credentialId) {
            return store.findByCredentialId(credentialId);
        }

        @Override
        public List<CredentialRecord> findByUserId(Bytes userId) {
            return store.findByUserId(userId);
        }
    }
}
