/**
 * Shared infrastructure that every feature uses and that uses no feature: the database
 * (one schema, SQLite or PostgreSQL), security configuration, the page layout and view
 * rendering, error pages, Markdown rendering and random identifiers.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hearth.platform;
