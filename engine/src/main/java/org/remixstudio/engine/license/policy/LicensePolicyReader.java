package org.remixstudio.engine.license.policy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.license.LicenseCategory;
import org.remixstudio.engine.license.LicenseRefs;
import org.remixstudio.engine.license.SpdxLicenseList;

/**
 * Reads a license policy file (docs/licenses.md, "Policy"): a JSON object with optional arrays
 * {@code allow}, {@code warn}, {@code deny} of SPDX license ids or category names, and an optional
 * {@code default} action. Every mistake is an {@link EngineException} naming the file and the JSON
 * path ({@code $.deny[2]}) and saying what would be right.
 */
public final class LicensePolicyReader {

    private static final List<String> FIELDS = List.of("allow", "warn", "deny", "default");

    private final SpdxLicenseList list;
    private final ObjectMapper json = new ObjectMapper();

    public LicensePolicyReader(SpdxLicenseList list) {
        this.list = list;
    }

    public LicensePolicy read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new EngineException(file + ": no such policy file; check the path given with --policy", e);
        } catch (IOException e) {
            throw new EngineException(file + ": cannot read the policy file: " + e.getMessage(), e);
        }
        return read(text, file.toString());
    }

    /** Reads policy text; {@code origin} names it in errors. */
    public LicensePolicy read(String text, String origin) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonParseException e) {
            throw new EngineException(origin + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new EngineException(origin + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw error(origin, "$", "the policy must be a JSON object such as"
                    + " {\"deny\": [\"AGPL-3.0-only\"], \"warn\": [\"strong-copyleft\"]}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw error(origin, "$." + name, "unknown field; a policy has only " + String.join(", ", FIELDS));
            }
        }
        Map<String, PolicyAction> ids = new LinkedHashMap<>();
        Map<LicenseCategory, PolicyAction> categories = new LinkedHashMap<>();
        Map<String, String> seenAt = new LinkedHashMap<>();
        for (PolicyAction action : PolicyAction.values()) {
            JsonNode rules = root.get(action.key());
            if (rules == null) {
                continue;
            }
            String path = "$." + action.key();
            if (!rules.isArray()) {
                throw error(origin, path, "must be an array of SPDX license ids or categories, e.g. [\"GPL-3.0-only\","
                        + " \"network-copyleft\"]");
            }
            for (int i = 0; i < rules.size(); i++) {
                String at = path + "[" + i + "]";
                JsonNode rule = rules.get(i);
                if (!rule.isTextual() || rule.asText().isBlank()) {
                    throw error(origin, at, "must be a string: an SPDX license id or a category");
                }
                String key = rule(origin, at, rule.asText().strip());
                String earlier = seenAt.put(key, at);
                if (earlier != null) {
                    throw error(origin, at, "'" + rule.asText() + "' is already listed at " + earlier
                            + "; list each license or category once");
                }
                Optional<LicenseCategory> category = LicenseCategory.byId(key);
                if (category.isPresent()) {
                    categories.put(category.get(), action);
                } else {
                    ids.put(key, action);
                }
            }
        }
        PolicyAction fallback = PolicyAction.ALLOW;
        JsonNode def = root.get("default");
        if (def != null) {
            String value = def.isTextual() ? def.asText().strip().toLowerCase(Locale.ROOT) : "";
            fallback = Arrays.stream(PolicyAction.values()).filter(a -> a.key().equals(value)).findFirst()
                    .orElseThrow(() -> error(origin, "$.default", "must be \"allow\", \"warn\" or \"deny\", not " + def));
        }
        return new LicensePolicy(origin, ids, categories, fallback);
    }

    /** A category's id, or the SPDX list's spelling of a license id, or a LicenseRef as written. */
    private String rule(String origin, String at, String text) {
        Optional<LicenseCategory> category = LicenseCategory.byId(text);
        if (category.isPresent()) {
            return category.get().id();
        }
        if (LicenseRefs.isRef(text)) {
            return text;
        }
        boolean plus = text.endsWith("+");
        String bare = plus ? text.substring(0, text.length() - 1) : text;
        Optional<String> id = list.license(bare);
        if (id.isEmpty()) {
            throw error(origin, at, "'" + text + "' is neither a category (" + categories() + ") nor an SPDX license"
                    + " id" + suggestion(bare) + "; names SPDX lacks are written LicenseRef-NAME");
        }
        String spelled = id.get();
        if (list.isDeprecated(spelled)) {
            // GPL-2.0 and GPL-2.0+ are what SPDX now calls GPL-2.0-only and GPL-2.0-or-later
            Optional<String> current = list.license(spelled + (plus ? "-or-later" : "-only"));
            if (current.isPresent()) {
                return current.get();
            }
        }
        return spelled + (plus ? "+" : "");
    }

    private static String categories() {
        List<String> names = new ArrayList<>();
        for (LicenseCategory c : LicenseCategory.values()) {
            names.add(c.id());
        }
        return String.join(", ", names);
    }

    /** " (did you mean X?)" for an id that differs from a listed one by a suffix such as -only. */
    private String suggestion(String text) {
        for (String suffix : List.of(".0-only", "-only", "-or-later", ".0", "-Clause")) {
            Optional<String> id = list.license(text + suffix);
            if (id.isPresent() && !list.isDeprecated(id.get())) {
                return " (did you mean " + id.get() + "?)";
            }
        }
        return "";
    }

    private static EngineException error(String origin, String path, String message) {
        return new EngineException(origin + ": " + path + ": " + message);
    }
}
