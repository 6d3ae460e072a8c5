package org.remixstudio.engine.build;

import java.time.Duration;

/**
 * How long one phase of a build took.
 *
 * @param phase    {@code fetch}, {@code unpack}, {@code database}, {@code configure} or {@code cleanup}
 * @param duration wall-clock time
 */
public record PhaseTime(String phase, Duration duration) {
}
