package org.hearth.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param language the language whose word forms a search finds ("walked" for "walking"): on
 *     PostgreSQL the name of a text search configuration it has ({@code english}, {@code french},
 *     {@code german}, {@code simple} for none, ...); SQLite stems English only, whatever this says
 * @param rebuildBatch posts indexed per transaction when the index is rebuilt
 * @param searchesPerMinute how many searches one member (signed out: one address) may make in a
 *     minute, counted on each node; a further page of results counts as a search
 */
@ConfigurationProperties("hearth.search")
record SearchSettings(@DefaultValue("english") String language, @DefaultValue("500") int rebuildBatch,
        @DefaultValue("60") int searchesPerMinute) {
}
