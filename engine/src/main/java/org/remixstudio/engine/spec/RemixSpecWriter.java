package org.remixstudio.engine.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes a spec in its canonical form (docs/spec.md, "Canonical form"): members in the documented
 * order, {@link CanonicalJson}'s layout, and optional members left out when they hold their
 * default, so a spec saved by the app reads like one written by hand. The core members
 * ({@code specVersion}, {@code name}, {@code sources}, {@code suite}, {@code architecture},
 * {@code variant}, {@code recommends}, {@code layers}) are always written, so the file says what it
 * builds without the reader knowing the defaults. Writing what {@link RemixSpecReader} read gives an
 * equal spec, and writing that again gives the same bytes.
 */
public final class RemixSpecWriter {

    private final CanonicalJson json = new CanonicalJson();

    /** The canonical JSON text, ending in a newline. */
    public String toJson(RemixSpec spec) {
        ObjectNode root = json.nodes().objectNode();
        root.put("specVersion", spec.specVersion());
        root.put("name", spec.name());
        if (!spec.description().isEmpty()) {
            root.put("description", spec.description());
        }
        if (spec.sources().system()) {
            root.put("sources", "system");
        } else {
            ArrayNode sources = root.putArray("sources");
            spec.sources().entries().forEach(s -> sources.add(source(s)));
        }
        root.put("suite", spec.suite());
        root.put("architecture", spec.architecture());
        root.put("variant", spec.variant().label());
        root.put("recommends", spec.recommends());
        ArrayNode layers = root.putArray("layers");
        for (LayerSpec layer : spec.layers()) {
            ObjectNode l = layers.addObject();
            l.put("name", layer.name());
            if (!layer.add().isEmpty()) {
                strings(l.putArray("add"), layer.add().stream().map(PackageRef::toString).toList());
            }
            if (!layer.remove().isEmpty()) {
                strings(l.putArray("remove"), layer.remove());
            }
        }
        if (!spec.customizations().isEmpty()) {
            root.set("customizations", customizations(spec.customizations()));
        }
        if (!spec.container().isEmpty()) {
            root.set("container", container(spec.container()));
        }
        spec.timestamp().ifPresent(t -> root.put("timestamp", t));
        return json.print(root);
    }

    /** The canonical form as UTF-8 bytes. */
    public byte[] toBytes(RemixSpec spec) {
        return toJson(spec).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * SHA-256 (lower-case hex) of the canonical form: what a lock file records, so reformatting a
     * spec or reordering its env does not invalidate the lock, while any change of meaning does.
     */
    public String sha256(RemixSpec spec) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(toBytes(spec)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Writes the canonical form to {@code file} atomically (temporary file, then rename). */
    public void write(RemixSpec spec, Path file) {
        SavedFile.write(file, toBytes(spec), "spec");
    }

    private ObjectNode source(SourceSpec s) {
        ObjectNode o = json.nodes().objectNode();
        strings(o.putArray("types"), s.types());
        strings(o.putArray("uris"), s.uris());
        strings(o.putArray("suites"), s.suites());
        if (!s.components().isEmpty()) {
            strings(o.putArray("components"), s.components());
        }
        s.signedBy().ifPresent(k -> o.put("signedBy", k));
        if (!s.architectures().isEmpty()) {
            strings(o.putArray("architectures"), s.architectures());
        }
        if (s.trusted()) {
            o.put("trusted", true);
        }
        return o;
    }

    private ObjectNode customizations(Customizations c) {
        ObjectNode o = json.nodes().objectNode();
        if (!c.users().isEmpty()) {
            ArrayNode users = o.putArray("users");
            for (UserSpec u : c.users()) {
                ObjectNode n = users.addObject();
                n.put("name", u.name());
                n.put("uid", u.uid());
                u.gid().ifPresent(g -> n.put("gid", g));
                if (!u.groups().isEmpty()) {
                    strings(n.putArray("groups"), u.groups());
                }
                u.passwordHash().ifPresent(h -> n.put("passwordHash", h));
                if (!u.sshAuthorizedKeys().isEmpty()) {
                    strings(n.putArray("sshAuthorizedKeys"), u.sshAuthorizedKeys());
                }
                if (!u.shell().equals(UserSpec.DEFAULT_SHELL)) {
                    n.put("shell", u.shell());
                }
                if (!u.home().equals(UserSpec.defaultHome(u.name()))) {
                    n.put("home", u.home());
                }
            }
        }
        c.hostname().ifPresent(h -> o.put("hostname", h));
        c.timezone().ifPresent(t -> o.put("timezone", t));
        c.locale().ifPresent(l -> o.put("locale", l));
        if (!c.files().isEmpty()) {
            ArrayNode files = o.putArray("files");
            for (FileSpec f : c.files()) {
                ObjectNode n = files.addObject();
                n.put("path", f.path());
                n.put("mode", f.modeString());
                n.put("owner", f.owner());
                f.content().ifPresent(t -> n.put("content", t));
                f.contentBase64().ifPresent(b -> n.put("contentBase64", b));
            }
        }
        if (!c.services().isEmpty()) {
            strings(o.putArray("services"), c.services());
        }
        return o;
    }

    private ObjectNode container(ContainerConfigSpec c) {
        ObjectNode o = json.nodes().objectNode();
        if (!c.entrypoint().isEmpty()) {
            strings(o.putArray("entrypoint"), c.entrypoint());
        }
        if (!c.cmd().isEmpty()) {
            strings(o.putArray("cmd"), c.cmd());
        }
        if (!c.env().isEmpty()) {
            map(o.putObject("env"), c.env());
        }
        c.workdir().ifPresent(w -> o.put("workdir", w));
        c.user().ifPresent(u -> o.put("user", u));
        if (!c.exposedPorts().isEmpty()) {
            strings(o.putArray("exposedPorts"), c.exposedPorts());
        }
        if (!c.labels().isEmpty()) {
            map(o.putObject("labels"), c.labels());
        }
        return o;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void map(ObjectNode object, Map<String, String> values) {
        values.forEach(object::put);
    }
}
