package org.remixstudio.engine.testing;

/**
 * The file name under which an oracle (real apt, mmdebstrap) caches its answer to one request, so
 * both oracles name the same request the same way.
 */
final class OracleKey {

    private OracleKey() {
    }

    static String of(String release, String arch, String variant, String include, boolean recommends) {
        return release + "-" + (arch.equals("amd64") ? "" : arch + "-") + variant + "-"
                + (include == null ? "none" : include) + (recommends ? "-recommends" : "");
    }
}
