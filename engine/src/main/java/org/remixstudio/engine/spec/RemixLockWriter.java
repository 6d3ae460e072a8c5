package org.remixstudio.engine.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes lock files in the canonical layout ({@link CanonicalJson}; members in the order of
 * docs/spec.md "The lock file", releases and packages sorted), so re-locking an unchanged spec
 * rewrites the same bytes and a changed one gives a diff of just what moved.
 */
public final class RemixLockWriter {

    private final CanonicalJson json = new CanonicalJson();

    public String toJson(RemixLock lock) {
        ObjectNode root = json.nodes().objectNode();
        root.put("specVersion", lock.specVersion());
        root.put("specSha256", lock.specSha256());
        ArrayNode releases = root.putArray("releases");
        for (ReleaseDigest r : lock.releases()) {
            releases.addObject().put("uri", r.uri()).put("suite", r.suite()).put("sha256", r.sha256());
        }
        ArrayNode layers = root.putArray("layers");
        for (LockedLayer layer : lock.layers()) {
            ObjectNode l = layers.addObject();
            l.put("name", layer.name());
            ArrayNode packages = l.putArray("packages");
            for (LockedPackage p : layer.packages()) {
                packages.addObject().put("name", p.name()).put("version", p.version())
                        .put("architecture", p.architecture()).put("sha256", p.sha256());
            }
        }
        return json.print(root);
    }

    public byte[] toBytes(RemixLock lock) {
        return toJson(lock).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code lock} to {@code file} atomically (temporary file, then rename). */
    public void write(RemixLock lock, Path file) {
        SavedFile.write(file, toBytes(lock), "lock file");
    }
}
