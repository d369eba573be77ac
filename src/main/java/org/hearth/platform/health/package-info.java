/**
 * Whether Hearth can write, for {@code /actuator/health} and the readiness group a load
 * balancer asks: what real writes lately did, a check that reads, and a rare test write.
 */
package org.hearth.platform.health;
