/**
 * Work spread over every core: {@link dev.quarry.parallel.BalancedParallel} maps a list handing out one element at a
 * time, for lists whose costly elements sit together (a compile's models before its tests).
 */
package dev.quarry.parallel;
