package org.remixstudio.engine.spec;

import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.catalog.CloseMatches;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Turns the JSON tree of a spec file into a {@link RemixSpec}, checking every field against
 * docs/spec.md (format version 1). All problems are collected; the spec is only built when there
 * are none. The one exception is an unsupported {@code specVersion}, which stops at once: the rest
 * of a file in another format would only produce misleading errors.
 */
final class RemixSpecBinder {

    static final List<String> SPEC_FIELDS = List.of("specVersion", "name", "description", "sources", "suite",
            "architecture", "variant", "recommends", "layers", "customizations", "container", "timestamp");
    static final List<String> SOURCE_FIELDS = List.of("types", "uris", "suites", "components", "signedBy",
            "architectures", "trusted");
    static final List<String> LAYER_FIELDS = List.of("name", "add", "remove");
    static final List<String> CUSTOMIZATION_FIELDS = List.of("users", "hostname", "timezone", "locale", "files", "services");
    static final List<String> USER_FIELDS = List.of("name", "uid", "gid", "groups", "passwordHash",
            "sshAuthorizedKeys", "shell", "home");
    static final List<String> FILE_FIELDS = List.of("path", "mode", "owner", "content", "contentBase64");
    static final List<String> CONTAINER_FIELDS = List.of("entrypoint", "cmd", "env", "workdir", "user",
            "exposedPorts", "labels");

    /** The spec name reserved for the base variant's entry in a lock file. */
    static final String BASE_LAYER = LockedLayer.BASE;

    private static final String ADD_ITEM = "a string like \"nginx\" or \"nginx=1.22.1-9\"";
    private static final Pattern FLAT_SUITE = Pattern.compile("[A-Za-z0-9._+~/-]*/");

    private final JsonDocument doc;

    RemixSpecBinder(JsonDocument doc) {
        this.doc = doc;
    }

    RemixSpec bind() {
        ObjectView top = ObjectView.of(doc, doc.root(), JsonPaths.ROOT, "a remix spec: a JSON object", SPEC_FIELDS);
        if (top == null) {
            doc.throwIfProblems();
        }
        Integer specVersion = specVersion(top);
        String name = top.string("name", true, "the image name, a string like \"web-server\"",
                SpecChecks.pattern(SpecChecks.SIMPLE_NAME, "an image name: expected lower-case letters, digits,"
                        + " '.', '_' and '-', starting with a letter or digit, like \"web-server\"", 128));
        String description = top.string("description", false, "a string", ValueCheck.ANY);
        SourcesSpec sources = sources(top);
        String suite = top.string("suite", true, "the release to build from, a string like \"bookworm\"",
                SpecChecks.pattern(SpecChecks.SUITE, "a suite name: expected a codename or suite like"
                        + " \"bookworm\" or \"trixie\"", 64));
        String architecture = top.string("architecture", false, "a Debian architecture like \"amd64\"",
                SpecChecks::architecture);
        BaseVariant variant = variant(top);
        boolean recommends = top.bool("recommends", false);
        List<LayerSpec> layers = layers(top);
        Customizations customizations = top.has("customizations")
                ? customizations(top.get("customizations"), top.path("customizations")) : Customizations.NONE;
        ContainerConfigSpec container = top.has("container")
                ? container(top.get("container"), top.path("container")) : ContainerConfigSpec.NONE;
        Long timestamp = top.integer("timestamp", false,
                "seconds since 1970-01-01 UTC, a whole number from 0 to " + SpecChecks.MAX_TIMESTAMP, 0, SpecChecks.MAX_TIMESTAMP);
        doc.throwIfProblems();
        return new RemixSpec(specVersion, name, description == null ? "" : description, sources, suite,
                architecture == null ? RemixSpec.DEFAULT_ARCHITECTURE : architecture,
                variant == null ? RemixSpec.DEFAULT_VARIANT : variant, recommends, layers, customizations, container,
                timestamp == null ? OptionalLong.empty() : OptionalLong.of(timestamp));
    }

    private Integer specVersion(ObjectView top) {
        String expected = "the spec format version, the number " + RemixSpec.CURRENT_VERSION;
        if (!top.has("specVersion")) {
            top.reportMissing("specVersion", expected + " (put \"specVersion\": 1 first in the file)");
            return RemixSpec.CURRENT_VERSION;
        }
        JsonNode v = top.get("specVersion");
        if (!v.isIntegralNumber()) {
            top.report("specVersion", "expected " + expected + ", got " + JsonDocument.describe(v));
            return RemixSpec.CURRENT_VERSION;
        }
        if (!v.canConvertToInt() || v.asInt() != RemixSpec.CURRENT_VERSION) {
            String advice = v.canConvertToInt() && v.asInt() > RemixSpec.CURRENT_VERSION
                    ? "; it was written by a newer Remix Studio: update Remix Studio to read it"
                    : "; write \"specVersion\": " + RemixSpec.CURRENT_VERSION;
            JsonDocument.Position at = doc.positionOf(top.path("specVersion"));
            throw new SpecFormatException(doc.source(), List.of(new SpecProblem(top.path("specVersion"),
                    at.line(), at.column(), "specVersion " + v.asText() + " is not supported: this Remix Studio reads"
                            + " specVersion " + RemixSpec.CURRENT_VERSION + " only" + advice)));
        }
        return v.asInt();
    }

    private BaseVariant variant(ObjectView top) {
        List<String> names = new ArrayList<>();
        for (BaseVariant v : BaseVariant.values()) {
            names.add(v.label());
        }
        String s = top.string("variant", false, "one of " + String.join(", ", names), v ->
                BaseVariant.fromName(v).isPresent() ? null
                        : JsonDocument.quote(v) + " is not a base variant" + CloseMatches.hint(CloseMatches.closest(v, names, 1))
                                + " (expected one of " + String.join(", ", names) + ")");
        return s == null ? null : BaseVariant.fromName(s).orElseThrow();
    }

    // --- sources ---------------------------------------------------------------------------------

    private SourcesSpec sources(ObjectView top) {
        String expected = "\"system\" (the host's apt sources) or a list of source entries";
        if (!top.has("sources")) {
            return SourcesSpec.SYSTEM;
        }
        JsonNode v = top.get("sources");
        String path = top.path("sources");
        if (v.isTextual()) {
            if (!v.asText().equals("system")) {
                doc.report(path, "expected " + expected + ", got " + JsonDocument.describe(v)
                        + CloseMatches.hint(CloseMatches.closest(v.asText(), List.of("system"), 1)));
            }
            return SourcesSpec.SYSTEM;
        }
        List<ObjectView.Element> elements = top.elements("sources", false, expected);
        if (v.isArray() && elements.isEmpty()) {
            doc.report(path, "the list of sources is empty: give at least one entry, or write \"system\" to use the host's apt sources");
        }
        List<SourceSpec> entries = new ArrayList<>();
        for (ObjectView.Element e : elements) {
            SourceSpec s = source(e);
            if (s != null) {
                entries.add(s);
            }
        }
        return SourcesSpec.explicit(entries);
    }

    private SourceSpec source(ObjectView.Element e) {
        ObjectView o = ObjectView.of(doc, e.node(), e.path(), "a source entry: an object with types, uris, suites,"
                + " components and optionally signedBy, architectures, trusted", SOURCE_FIELDS);
        if (o == null) {
            return null;
        }
        List<String> types = o.has("types")
                ? o.strings("types", false, "a list of source types like [\"deb\"]", "\"deb\" or \"deb-src\"",
                        v -> SpecChecks.SOURCE_TYPES.contains(v) ? null
                                : JsonDocument.quote(v) + " is not a source type: expected \"deb\" or \"deb-src\"", true)
                : List.of("deb");
        if (o.has("types") && o.get("types").isArray() && !types.contains("deb")) {
            o.report("types", "a source without type \"deb\" provides no binary packages: add \"deb\"");
        }
        List<String> uris = o.strings("uris", true, "a list of archive URIs like [\"http://HOST/debian/\"]",
                "a URI string like \"http://HOST/debian/\"", SpecChecks::uri, true);
        List<String> suites = o.strings("suites", true, "a list of suites like [\"bookworm\", \"bookworm-updates\"]",
                "a suite like \"bookworm\"", this::sourceSuite, true);
        List<String> components = o.strings("components", false, "a list of components like [\"main\"]",
                "a component like \"main\"", SpecChecks.pattern(SpecChecks.COMPONENT,
                        "a component name: expected a name like \"main\" or \"non-free-firmware\"", 64), true);
        checkNonEmpty(o, "uris", uris);
        checkNonEmpty(o, "suites", suites);
        boolean anyFlat = suites.stream().anyMatch(s -> s.endsWith("/"));
        boolean allFlat = !suites.isEmpty() && suites.stream().allMatch(s -> s.endsWith("/"));
        if (anyFlat && !allFlat) {
            o.report("suites", "flat suites (ending in '/') and normal suites cannot share an entry: split it in two");
        } else if (allFlat && !components.isEmpty()) {
            o.report("components", "a flat suite (ending in '/') takes no components: remove 'components'");
        } else if (!suites.isEmpty() && !anyFlat && o.get("components") == null) {
            o.reportMissing("components", "a list of components like [\"main\"] (apt needs it unless the suite is flat)");
        } else if (!anyFlat && o.get("components") != null && o.get("components").isArray() && o.get("components").isEmpty()) {
            o.report("components", "the list is empty: name at least one component, like [\"main\"]");
        }
        String signedBy = o.string("signedBy", false, "a keyring path or an armored public key block", SpecChecks::signedBy);
        List<String> architectures = o.strings("architectures", false, "a list of architectures like [\"amd64\"]",
                "an architecture like \"amd64\"", SpecChecks::architecture, true);
        boolean trusted = o.bool("trusted", false);
        return new SourceSpec(types, uris, suites, components, Optional.ofNullable(signedBy), architectures, trusted);
    }

    private String sourceSuite(String v) {
        if (v.endsWith("/")) {
            return FLAT_SUITE.matcher(v).matches() && !v.contains("..") ? null
                    : JsonDocument.quote(v) + " is not a flat suite path: expected a relative path ending in '/', like \"./\"";
        }
        return SpecChecks.pattern(SpecChecks.SUITE, "a suite name: expected a codename or suite like \"bookworm\","
                + " or a flat repository path ending in '/'", 64).problem(v);
    }

    private static void checkNonEmpty(ObjectView o, String field, List<String> values) {
        JsonNode v = o.get(field);
        if (v != null && v.isArray() && v.isEmpty()) {
            o.report(field, "the list is empty: give at least one value");
        }
    }

    // --- layers ----------------------------------------------------------------------------------

    private List<LayerSpec> layers(ObjectView top) {
        List<LayerSpec> layers = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (ObjectView.Element e : top.elements("layers", false, "a list of layers like [{\"name\": \"web\", \"add\": [\"nginx\"]}]")) {
            ObjectView o = ObjectView.of(doc, e.node(), e.path(), "a layer: an object with name, add and remove", LAYER_FIELDS);
            if (o == null) {
                continue;
            }
            String name = o.string("name", true, "the layer's name, a string like \"web\"",
                    SpecChecks.pattern(SpecChecks.SIMPLE_NAME, "a layer name: expected lower-case letters, digits,"
                            + " '.', '_' and '-', starting with a letter or digit, like \"web\"", 64));
            if (BASE_LAYER.equals(name)) {
                o.report("name", "the layer name \"base\" is reserved for the base variant's packages in the lock file:"
                        + " pick another name");
                name = null;
            } else if (name != null && names.putIfAbsent(name, o.path("name")) != null) {
                o.report("name", "duplicate layer name " + JsonDocument.quote(name) + " (also at " + names.get(name)
                        + "): layer names must be unique");
            }
            List<PackageRef> add = new ArrayList<>();
            Map<String, String> added = new LinkedHashMap<>();
            for (ObjectView.Element item : o.elements("add", false, "a list of packages like [\"nginx\", \"curl=7.88.1-10\"]")) {
                String s = ObjectView.text(doc, item.node(), item.path(), ADD_ITEM, SpecChecks::packageRef);
                if (s != null) {
                    PackageRef ref = PackageRef.parse(s);
                    String first = added.putIfAbsent(ref.name(), item.path());
                    if (first != null) {
                        doc.report(item.path(), "package '" + ref.name() + "' is added twice in this layer (also at "
                                + first + "): keep one");
                    } else {
                        add.add(ref);
                    }
                }
            }
            List<String> remove = new ArrayList<>();
            Map<String, String> removed = new HashMap<>();
            for (ObjectView.Element item : o.elements("remove", false, "a list of package names like [\"less\"]")) {
                String s = ObjectView.text(doc, item.node(), item.path(), "a package name like \"less\"", SpecChecks::packageName);
                if (s == null) {
                    continue;
                }
                if (added.containsKey(s)) {
                    doc.report(item.path(), "package '" + s + "' is both added (at " + added.get(s)
                            + ") and removed in this layer: drop one of the two");
                } else if (removed.putIfAbsent(s, item.path()) != null) {
                    doc.report(item.path(), "package '" + s + "' is removed twice in this layer (also at "
                            + removed.get(s) + "): keep one");
                } else {
                    remove.add(s);
                }
            }
            if (name != null) {
                layers.add(new LayerSpec(name, add, remove));
            }
        }
        return layers;
    }

    // --- customizations --------------------------------------------------------------------------

    private Customizations customizations(JsonNode node, String path) {
        ObjectView o = ObjectView.of(doc, node, path, "an object with users, hostname, timezone, locale, files"
                + " and services", CUSTOMIZATION_FIELDS);
        if (o == null) {
            return Customizations.NONE;
        }
        List<UserSpec> users = users(o);
        String hostname = o.string("hostname", false, "a host name like \"web-1\"", SpecChecks::hostname);
        String timezone = o.string("timezone", false, "a time zone like \"Europe/Berlin\"", SpecChecks::timezone);
        String locale = o.string("locale", false, "a locale like \"en_US.UTF-8\"", SpecChecks::locale);
        List<FileSpec> files = files(o);
        List<String> services = o.strings("services", false, "a list of systemd units like [\"nginx.service\"]",
                "a systemd unit name like \"nginx.service\"", SpecChecks::unit, true);
        return new Customizations(users, Optional.ofNullable(hostname), Optional.ofNullable(timezone),
                Optional.ofNullable(locale), files, services);
    }

    private List<UserSpec> users(ObjectView parent) {
        List<UserSpec> users = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<Long, String> uids = new HashMap<>();
        ValueCheck accountName = SpecChecks.pattern(SpecChecks.ACCOUNT_NAME, "a user name: expected lower-case"
                + " letters, digits, '_' and '-', starting with a letter or '_', at most 32 characters, like \"alice\"", 32);
        ValueCheck groupName = SpecChecks.pattern(SpecChecks.ACCOUNT_NAME, "a group name: expected lower-case"
                + " letters, digits, '_' and '-', starting with a letter or '_', like \"sudo\"", 32);
        String idRange = "a whole number from 0 to " + SpecChecks.MAX_ID;
        for (ObjectView.Element e : parent.elements("users", false, "a list of users like [{\"name\": \"alice\", \"uid\": 1000}]")) {
            ObjectView o = ObjectView.of(doc, e.node(), e.path(), "a user: an object with name, uid and optional gid,"
                    + " groups, passwordHash, sshAuthorizedKeys, shell, home", USER_FIELDS);
            if (o == null) {
                continue;
            }
            String name = o.string("name", true, "a user name like \"alice\"", accountName);
            Long uid = o.integer("uid", true, "the user id, " + idRange + " (people usually get 1000 and up)", 0, SpecChecks.MAX_ID);
            Long gid = o.integer("gid", false, "the primary group id, " + idRange, 0, SpecChecks.MAX_ID);
            List<String> groups = o.strings("groups", false, "a list of group names like [\"sudo\"]",
                    "a group name like \"sudo\"", groupName, true);
            String hash = o.string("passwordHash", false, "a crypt(3) hash like \"$y$j9T$...\"", SpecChecks::passwordHash);
            List<String> keys = o.strings("sshAuthorizedKeys", false, "a list of public key lines",
                    "a public key line like \"ssh-ed25519 AAAAC3Nz... user@host\"", SpecChecks::sshKey, true);
            String shell = o.string("shell", false, "an absolute path like \"/bin/bash\"", SpecChecks.absolutePath("/bin/bash", false));
            String home = o.string("home", false, "an absolute path like \"/home/alice\"", SpecChecks.absolutePath("/home/alice", true));
            if (name != null && names.putIfAbsent(name, o.path("name")) != null) {
                o.report("name", "user " + JsonDocument.quote(name) + " is defined twice (also at " + names.get(name) + "): keep one");
                continue;
            }
            if (uid != null && uids.putIfAbsent(uid, o.path("uid")) != null) {
                o.report("uid", "uid " + uid + " is taken by another user (at " + uids.get(uid) + "): give each user its own uid");
            }
            if (name != null && uid != null && ("root".equals(name) != (uid == 0))) {
                o.report("uid", "root".equals(name) ? "root has uid 0: write \"uid\": 0"
                        : "uid 0 is root's: give " + JsonDocument.quote(name) + " another uid, like 1000");
            }
            if (name != null && uid != null) {
                users.add(new UserSpec(name, uid.intValue(), gid == null ? OptionalInt.empty() : OptionalInt.of(gid.intValue()),
                        groups, Optional.ofNullable(hash), keys, shell == null ? UserSpec.DEFAULT_SHELL : shell,
                        home == null ? UserSpec.defaultHome(name) : home));
            }
        }
        return users;
    }

    private List<FileSpec> files(ObjectView parent) {
        List<FileSpec> files = new ArrayList<>();
        Map<String, String> paths = new HashMap<>();
        for (ObjectView.Element e : parent.elements("files", false, "a list of files like [{\"path\": \"/etc/motd\", \"content\": \"hello\\n\"}]")) {
            ObjectView o = ObjectView.of(doc, e.node(), e.path(), "a file: an object with path, content or"
                    + " contentBase64, and optional mode and owner", FILE_FIELDS);
            if (o == null) {
                continue;
            }
            String path = o.string("path", true, "an absolute path like \"/etc/motd\"", SpecChecks.absolutePath("/etc/motd", false));
            JsonNode modeNode = o.get("mode");
            String mode = modeNode != null && modeNode.isNumber()
                    ? reportNumericMode(o, modeNode)
                    : o.string("mode", false, "an octal mode string like \"0644\"", SpecChecks::mode);
            String owner = o.string("owner", false, "an owner like \"root:root\"", SpecChecks::owner);
            String content = o.string("content", false, "the file's text", ValueCheck.ANY);
            String base64 = o.string("contentBase64", false, "the file's bytes in Base64", v -> {
                try {
                    Base64.getDecoder().decode(v);
                    return null;
                } catch (IllegalArgumentException ex) {
                    return "not valid Base64 (" + ex.getMessage() + "): expected standard Base64 with padding and no"
                            + " line breaks, as `base64 -w0 FILE` prints it";
                }
            });
            if (o.has("content") && o.has("contentBase64")) {
                o.report("contentBase64", "a file has either 'content' (text) or 'contentBase64' (bytes), not both: drop one");
                continue;
            }
            if (!o.has("content") && !o.has("contentBase64")) {
                o.reportMissing("content", "the file's text in 'content', or its bytes in 'contentBase64'");
                continue;
            }
            if (path != null && paths.putIfAbsent(path, o.path("path")) != null) {
                o.report("path", "file " + JsonDocument.quote(path) + " is given twice (also at " + paths.get(path) + "): keep one");
                continue;
            }
            if (path != null && (content != null || base64 != null)) {
                files.add(new FileSpec(path, mode == null ? FileSpec.DEFAULT_MODE : Integer.parseInt(mode, 8),
                        owner == null ? FileSpec.DEFAULT_OWNER : owner, Optional.ofNullable(content), Optional.ofNullable(base64)));
            }
        }
        return files;
    }

    /** JSON numbers are decimal, so {@code 0644} is invalid JSON and {@code 644} is not what it seems. */
    private static String reportNumericMode(ObjectView o, JsonNode modeNode) {
        o.report("mode", "expected an octal mode string like \"0644\", got " + JsonDocument.describe(modeNode)
                + ": put the mode in quotes, JSON numbers are decimal");
        return null;
    }

    // --- container -------------------------------------------------------------------------------

    private ContainerConfigSpec container(JsonNode node, String path) {
        ObjectView o = ObjectView.of(doc, node, path, "an object with entrypoint, cmd, env, workdir, user,"
                + " exposedPorts and labels", CONTAINER_FIELDS);
        if (o == null) {
            return ContainerConfigSpec.NONE;
        }
        List<String> entrypoint = o.strings("entrypoint", false, "a list of strings like [\"/usr/sbin/nginx\"]",
                "a string", ValueCheck.ANY, false);
        List<String> cmd = o.strings("cmd", false, "a list of strings like [\"-g\", \"daemon off;\"]", "a string",
                ValueCheck.ANY, false);
        Map<String, String> env = env(o);
        String workdir = o.string("workdir", false, "an absolute path like \"/srv\"", SpecChecks.absolutePath("/srv", true));
        String user = o.string("user", false, "a user like \"www-data\" or \"33:33\"", SpecChecks::containerUser);
        List<String> ports = new ArrayList<>();
        Map<String, String> seenPorts = new HashMap<>();
        for (ObjectView.Element e : o.elements("exposedPorts", false, "a list of ports like [\"80/tcp\"]")) {
            String p = ObjectView.text(doc, e.node(), e.path(), "a port like \"80/tcp\"", SpecChecks::port);
            if (p != null) {
                String normal = SpecChecks.normalizePort(p);
                if (seenPorts.putIfAbsent(normal, e.path()) != null) {
                    doc.report(e.path(), "port " + normal + " is listed twice (also at " + seenPorts.get(normal) + "): keep one");
                } else {
                    ports.add(normal);
                }
            }
        }
        Map<String, String> labels = stringMap(o, "labels", "an object of label names to strings, like"
                + " {\"org.opencontainers.image.title\": \"web\"}", k -> k.isEmpty() ? "a label name cannot be empty" : null);
        return new ContainerConfigSpec(entrypoint, cmd, env, Optional.ofNullable(workdir), Optional.ofNullable(user),
                ports, labels);
    }

    private Map<String, String> env(ObjectView o) {
        ValueCheck name = k -> SpecChecks.ENV_NAME.matcher(k).matches() ? null
                : JsonDocument.quote(k) + " is not an environment variable name: expected letters, digits and '_',"
                        + " not starting with a digit, like \"PATH\"";
        String expected = "an object like {\"LANG\": \"C.UTF-8\"} or a list like [\"LANG=C.UTF-8\"]";
        JsonNode v = o.get("env");
        if (v == null || !v.isArray()) {
            return stringMap(o, "env", expected, name);
        }
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (ObjectView.Element e : o.elements("env", false, expected)) {
            String s = ObjectView.text(doc, e.node(), e.path(), "a string like \"LANG=C.UTF-8\"", item -> {
                int eq = item.indexOf('=');
                if (eq < 0) {
                    return JsonDocument.quote(item) + " has no '=': expected NAME=VALUE, like \"LANG=C.UTF-8\"";
                }
                return name.problem(item.substring(0, eq));
            });
            if (s != null) {
                String key = s.substring(0, s.indexOf('='));
                if (seen.putIfAbsent(key, e.path()) != null) {
                    doc.report(e.path(), "variable " + key + " is set twice (also at " + seen.get(key) + "): keep one");
                } else {
                    env.put(key, s.substring(s.indexOf('=') + 1));
                }
            }
        }
        return env;
    }

    /** A JSON object whose values are all strings. */
    private Map<String, String> stringMap(ObjectView o, String field, String expected, ValueCheck keyCheck) {
        JsonNode v = o.get(field);
        if (v == null) {
            return Map.of();
        }
        if (!v.isObject()) {
            o.report(field, "expected " + expected + ", got " + JsonDocument.describe(v));
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(entry -> {
            String path = JsonPaths.member(o.path(field), entry.getKey());
            String keyProblem = keyCheck.problem(entry.getKey());
            if (keyProblem != null) {
                doc.report(path, keyProblem);
                return;
            }
            String value = ObjectView.text(doc, entry.getValue(), path, "a string (numbers too go in quotes, like \"8080\")",
                    ValueCheck.ANY);
            if (value != null) {
                out.put(entry.getKey(), value);
            }
        });
        return out;
    }
}
