package org.remixstudio.engine.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the plan {@code apt-get --simulate} prints: {@code Inst name (version …)} for a new
 * package, {@code Inst name [old] (version …)} for an upgrade or downgrade, {@code Remv name [old]}
 * for a removal.
 */
final class AptOutput {

    private AptOutput() {
    }

    /** Applies one run's plan to the package → version map. */
    static void apply(String output, Map<String, String> installed) {
        for (String line : output.split("\n")) {
            String[] f = line.split(" ");
            if (line.startsWith("Inst ")) {
                String v = f[2].startsWith("[") ? f[3] : f[2];
                installed.put(f[1], v.substring(1));
            } else if (line.startsWith("Remv ")) {
                installed.remove(f[1]);
            }
        }
    }

    /** {@code name version} lines, sorted by name. */
    static List<String> lines(Map<String, String> installed) {
        List<String> out = new ArrayList<>();
        installed.forEach((k, v) -> out.add(k + " " + v));
        return out;
    }
}
