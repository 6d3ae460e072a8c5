/**
 * Benchmarks run by hand (plain {@code main} classes, not tests), measuring the engine against the
 * real archive of the host's apt sources.
 */
package org.remixstudio.engine.bench;
