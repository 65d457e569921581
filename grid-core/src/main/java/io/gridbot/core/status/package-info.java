/**
 * A grid's lifecycle status, the one value both the machine and the commands it emits speak of; it lives apart
 * from the machine so that the command family does not depend on the machine that produces it.
 */
package io.gridbot.core.status;
