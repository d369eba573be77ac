package org.hearth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.testing.HearthTest;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Without {@code hearth.demo.enabled=true} the site stays empty of demonstration content. */
@OnSqlite
class DemoOffByDefaultTest extends HearthTest {

    @Autowired
    ApplicationContext context;

    @Test
    void nothingIsSeededUnlessAskedFor() {
        assertThat(context.getBeansOfType(DemoSite.class)).isEmpty();
        assertThat(visitor().get("/").document().select(".card h3 a").eachText())
                .doesNotContainAnyElementsOf(DemoScript.PLACES.stream().map(p -> p.community().name()).toList());
        assertThat(DemoScript.handles()).noneMatch(members::handleExists);
    }
}
