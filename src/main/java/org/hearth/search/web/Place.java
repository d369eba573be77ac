package org.hearth.search.web;

/** A community the searcher may look in, for the form's list. */
public record Place(String slug, String name) {
}
