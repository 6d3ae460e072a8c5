package org.remixstudio.engine.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.api.EngineException;

/**
 * Reads lock files ({@code NAME.remix.lock.json}, docs/spec.md "The lock file"). Lock files are
 * written by the engine, but they are committed and merged by people, so a damaged one gets the same
 * located, complete error report as a spec.
 */
public final class RemixLockReader {

    static final List<String> LOCK_FIELDS = List.of("specVersion", "specSha256", "releases", "layers");
    static final List<String> RELEASE_FIELDS = List.of("uri", "suite", "sha256");
    static final List<String> LAYER_FIELDS = List.of("name", "packages");
    static final List<String> PACKAGE_FIELDS = List.of("name", "version", "architecture", "sha256");

    private static final String REMAKE = "; make a new lock with `remix lock`";

    private final LocatedJsonParser parser = new LocatedJsonParser();

    public RemixLock read(Path file) {
        if (!RemixSpecFiles.isLockFile(file)) {
            throw new EngineException(file + ": a lock file is named NAME" + RemixSpecFiles.LOCK_SUFFIX
                    + ", beside its spec NAME" + RemixSpecFiles.SPEC_SUFFIX);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new EngineException(file + ": no such lock file; make one with `remix lock`", e);
        } catch (CharacterCodingException e) {
            throw new EngineException(file + ": not UTF-8 text" + REMAKE, e);
        } catch (IOException e) {
            throw new EngineException(file + ": cannot read the lock file: " + e.getMessage(), e);
        }
    }

    public RemixLock read(String json, String source) {
        return read(new StringReader(json), source);
    }

    public RemixLock read(Reader reader, String source) {
        JsonDocument doc;
        try {
            doc = parser.parse(reader, source);
        } catch (CharacterCodingException e) {
            throw new EngineException(source + ": not UTF-8 text" + REMAKE, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bind(doc);
    }

    private RemixLock bind(JsonDocument doc) {
        ObjectView top = ObjectView.of(doc, doc.root(), JsonPaths.ROOT, "a lock: a JSON object", LOCK_FIELDS);
        if (top == null) {
            doc.throwIfProblems();
        }
        Long version = top.integer("specVersion", true, "the format version, the number " + RemixSpec.CURRENT_VERSION,
                Long.MIN_VALUE, Long.MAX_VALUE);
        if (version != null && version != RemixSpec.CURRENT_VERSION) {
            top.report("specVersion", "lock format " + version + " is not supported: this Remix Studio reads "
                    + RemixSpec.CURRENT_VERSION + " only" + REMAKE);
            doc.throwIfProblems();
        }
        String specSha256 = top.string("specSha256", true, "the spec's SHA-256, 64 hex digits", SpecChecks::sha256);
        List<ReleaseDigest> releases = new ArrayList<>();
        Map<String, String> releaseKeys = new HashMap<>();
        for (ObjectView.Element e : top.elements("releases", true, "a list of Release digests")) {
            ObjectView o = ObjectView.of(doc, e.node(), e.path(), "an object with uri, suite and sha256", RELEASE_FIELDS);
            if (o == null) {
                continue;
            }
            String uri = o.string("uri", true, "the archive URI", SpecChecks::uri);
            String suite = o.string("suite", true, "a suite like \"bookworm\"", ValueCheck.ANY);
            String sha256 = o.string("sha256", true, "the Release file's SHA-256, 64 hex digits", SpecChecks::sha256);
            if (uri != null && suite != null && sha256 != null) {
                ReleaseDigest r = new ReleaseDigest(uri, suite, sha256);
                if (releaseKeys.putIfAbsent(r.key(), e.path()) != null) {
                    doc.report(e.path(), "the Release of " + r.key() + " is listed twice (also at "
                            + releaseKeys.get(r.key()) + ")" + REMAKE);
                } else {
                    releases.add(r);
                }
            }
        }
        List<LockedLayer> layers = new ArrayList<>();
        Map<String, String> layerNames = new HashMap<>();
        for (ObjectView.Element e : top.elements("layers", true, "a list of layers")) {
            ObjectView o = ObjectView.of(doc, e.node(), e.path(), "an object with name and packages", LAYER_FIELDS);
            if (o == null) {
                continue;
            }
            String name = o.string("name", true, "the layer name", ValueCheck.ANY);
            if (name != null && layerNames.putIfAbsent(name, o.path("name")) != null) {
                o.report("name", "layer " + JsonDocument.quote(name) + " is listed twice (also at "
                        + layerNames.get(name) + ")" + REMAKE);
            }
            List<LockedPackage> packages = packages(doc, o);
            if (name != null) {
                layers.add(new LockedLayer(name, packages));
            }
        }
        doc.throwIfProblems();
        return new RemixLock(version.intValue(), specSha256, releases, layers);
    }

    private static List<LockedPackage> packages(JsonDocument doc, ObjectView layer) {
        List<LockedPackage> packages = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        for (ObjectView.Element e : layer.elements("packages", true, "a list of packages")) {
            ObjectView o = ObjectView.of(doc, e.node(), e.path(), "an object with name, version, architecture and sha256",
                    PACKAGE_FIELDS);
            if (o == null) {
                continue;
            }
            String name = o.string("name", true, "a package name", SpecChecks::packageName);
            String version = o.string("version", true, "a Debian version", SpecChecks::debVersion);
            String arch = o.string("architecture", true, "an architecture like \"amd64\" or \"all\"",
                    SpecChecks.pattern(SpecChecks.ARCHITECTURE, "an architecture: expected a name like \"amd64\" or \"all\"", 32));
            String sha256 = o.string("sha256", true, "the .deb's SHA-256, 64 hex digits", SpecChecks::sha256);
            if (name != null && version != null && arch != null && sha256 != null) {
                LockedPackage p = new LockedPackage(name, version, arch, sha256);
                if (keys.putIfAbsent(p.key(), e.path()) != null) {
                    doc.report(e.path(), "package " + p.key() + " is listed twice in this layer (also at "
                            + keys.get(p.key()) + ")" + REMAKE);
                } else {
                    packages.add(p);
                }
            }
        }
        return packages;
    }
}
