/**
 * Shared infrastructure that every feature uses and that uses no feature: the database
 * (one schema, SQLite or PostgreSQL), its backup and whether it takes writes, security
 * configuration, the page layout and view rendering, error pages, Markdown rendering, random identifiers, and the live-update bus
 * that tells every node about new things. Open: a feature that names {@code "platform"} among
 * its allowed dependencies may use any of its types, sub-packages included.
 */
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.hearth.platform;
