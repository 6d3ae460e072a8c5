package org.remixstudio.engine.repo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Checks shared by both sources formats (sources.list(5)); each throws {@link IllegalArgumentException}. */
final class SourceRules {

    private SourceRules() {
    }

    static void checkUris(List<String> uris) {
        for (String u : uris) {
            URI parsed;
            try {
                parsed = new URI(u);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + u + "' is not a valid URI");
            }
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
                throw new IllegalArgumentException("URI '" + u + "' uses an unsupported scheme"
                        + " (only http, https and file are supported)");
            }
        }
    }

    static void checkComponents(List<String> suites, List<String> components) {
        for (String s : suites) {
            boolean flat = s.endsWith("/");
            if (flat && !components.isEmpty()) {
                throw new IllegalArgumentException("suite '" + s + "' is an exact path, so it must have no components");
            }
            if (!flat && components.isEmpty()) {
                throw new IllegalArgumentException("suite '" + s + "' needs at least one component (e.g. main)");
            }
        }
    }

    static boolean parseBoolean(String option, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> true;
            case "no", "false", "0", "off" -> false;
            default -> throw new IllegalArgumentException(option + " must be yes or no, not '" + value + "'");
        };
    }
}
