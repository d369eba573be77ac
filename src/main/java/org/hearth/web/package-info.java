/**
 * Pages that show several features at once, composed from each feature's own templates: the
 * community page is the community's header above conversation's topic list, whose decisions say
 * how many options and experiences they have. Nothing is decided
 * here: who may see what comes from the features' public services, and each part is rendered by
 * the feature that owns it. This is the one place whose templates may call several features'
 * templates ({@code TemplateBoundariesTest}); nothing depends on it.
 *
 * <p>Additions inside another feature's markup are not composed here but handed over as
 * rendered content: a feature adds to the posts of a topic page through
 * {@link org.hearth.conversation.PostExtension}, because the post markup is conversation's and is
 * also rendered for live readers, where no page is composed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"clinician", "community", "conversation", "decision", "platform"})
package org.hearth.web;
