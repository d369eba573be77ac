package org.hearth.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** Runs the test class against the whole application on a new PostgreSQL database, over real HTTP. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresRequired.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // every test browser comes from 127.0.0.1: per-address limits would count them all as one person
        "hearth.limits.sign-in-per-address.attempts=1000000", "hearth.limits.sign-up-per-address.attempts=1000000",
        "hearth.limits.mail-link-per-address.attempts=1000000"})
@ContextConfiguration(initializers = PostgresDatabase.class)
public @interface OnPostgres {
}
