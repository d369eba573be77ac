/**
 * A demonstration site for people trying Hearth. When {@code hearth.demo.enabled=true}, and
 * only then, it seeds once a few synthetic condition communities with fictional members,
 * topics, replies and reactions, so a new site looks lived in. The script is fixed text in a
 * fixed order; fictional members get random passwords no one knows. Uses only the public
 * services of identity, community and conversation; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "conversation", "identity", "platform"})
package org.hearth.demo;
