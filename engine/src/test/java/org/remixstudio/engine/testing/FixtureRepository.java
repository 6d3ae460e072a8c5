package org.remixstudio.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small, real, signed apt archive in a temporary directory, built the way Debian builds one:
 * {@code .deb} files by {@code dpkg-deb --build} from {@link FixturePackage} control fields,
 * {@code Packages} indexes by {@code apt-ftparchive packages} (compressed by {@code xz} and
 * {@code gzip}), the {@code Release} file by {@code apt-ftparchive release}, and {@code InRelease}
 * and {@code Release.gpg} by {@code gpg} with a {@link FixtureKey}.
 *
 * <pre>{@code
 * FixtureRepository repo = FixtureRepository.builder(tempDir)
 *         .suite("stable").codename("fixture")
 *         .add(FixturePackage.of("hello", "1.0-1").depends("libc6 (>= 2.36)"))
 *         .add("contrib", FixturePackage.of("extra", "2.0").arch("all"))
 *         .build();
 * String line = repo.sourcesLine();   // deb [signed-by=/tmp/.../keys/archive.gpg] file:/tmp/.../archive/ stable main contrib
 * }</pre>
 *
 * With {@code sources(true)} it also publishes a source package ({@code dpkg-source -b}, format 1.0,
 * {@code .dsc} plus {@code .tar.gz}) per distinct source name and version of each component, and the
 * {@code COMPONENT/source/Sources} indexes ({@code apt-ftparchive sources}) the Release lists.
 *
 * Layout: {@code DIR/archive/} is the archive root ({@code dists/}, {@code pool/}); {@code DIR/keys/}
 * holds the public key as {@code archive.gpg} (binary) and {@code archive.asc} (armored).
 */
public final class FixtureRepository {

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String suite;
    private final String codename;
    private final List<String> components;
    private final List<String> architectures;
    private final Map<String, List<FixturePackage>> packages;
    private final FixtureKey key;
    private final boolean flat;

    private FixtureRepository(Builder b) {
        this.flat = b.flat;
        this.dir = b.dir;
        this.suite = b.suite;
        this.codename = b.codename;
        this.components = List.copyOf(b.packages.keySet());
        this.architectures = List.copyOf(b.architectures);
        this.packages = b.packages;
        this.key = b.key;
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** The archive root as a {@code file:} URI ending in {@code /}. */
    public String uri() {
        return archiveRoot().toUri().toString();
    }

    public Path archiveRoot() {
        return dir.resolve("archive");
    }

    /** {@code archive/dists/SUITE}, or the archive root of a flat repository. */
    public Path distsDir() {
        return flat ? archiveRoot() : archiveRoot().resolve("dists").resolve(suite);
    }

    /** A file under {@code dists/SUITE}, e.g. {@code InRelease} or {@code main/binary-amd64/Packages.xz}. */
    public Path distsFile(String relative) {
        return distsDir().resolve(relative);
    }

    public String suite() {
        return suite;
    }

    public String codename() {
        return codename;
    }

    public List<String> components() {
        return components;
    }

    public List<String> architectures() {
        return architectures;
    }

    /** The packages of a component. */
    public List<FixturePackage> packages(String component) {
        return List.copyOf(packages.getOrDefault(component, List.of()));
    }

    /** Every package, all components. */
    public List<FixturePackage> allPackages() {
        List<FixturePackage> all = new ArrayList<>();
        packages.values().forEach(all::addAll);
        return all;
    }

    /** The signing key, or {@code null} for an unsigned archive. */
    public FixtureKey key() {
        return key;
    }

    /** The public key as a binary keyring ({@code keys/archive.gpg}); null when unsigned. */
    public Path keyringGpg() {
        return key == null ? null : dir.resolve("keys/archive.gpg");
    }

    /** The public key ASCII-armored ({@code keys/archive.asc}); null when unsigned. */
    public Path keyringAsc() {
        return key == null ? null : dir.resolve("keys/archive.asc");
    }

    /** A one-line sources.list entry for the archive with {@code signed-by} its binary keyring. */
    public String sourcesLine() {
        return sourcesLine(key == null ? "" : "signed-by=" + keyringGpg());
    }

    /** A one-line entry with these bracket options (none when empty), e.g. {@code "trusted=yes"}. */
    public String sourcesLine(String options) {
        return "deb " + (options.isEmpty() ? "" : "[" + options + "] ") + uri() + " "
                + (flat ? "./" : suite + " " + String.join(" ", components));
    }

    /** A deb822 stanza for the archive; {@code extraFields} are appended as written (may be empty). */
    public String deb822Stanza(String extraFields) {
        return "Types: deb\nURIs: " + uri() + "\nSuites: " + suite + "\nComponents: " + String.join(" ", components)
                + "\n" + (key == null ? "" : "Signed-By: " + keyringGpg() + "\n") + extraFields;
    }

    /**
     * Loads the archive the way the engine does (signature and hashes checked) and returns its
     * catalog; the cache lives in {@code DIR/cache}. For tests that need a real {@code Catalog}.
     */
    public org.remixstudio.engine.catalog.Catalog loadCatalog(String arch) {
        org.remixstudio.engine.repo.AptSource source =
                new org.remixstudio.engine.repo.OneLineSourcesParser("fixture").parseLine(sourcesLine(), 1);
        return org.remixstudio.engine.repo.RepositoryCatalogLoader
                .create(new org.remixstudio.engine.repo.SystemSources(dir.resolve("no-system-root")), dir.resolve("cache"))
                .load(List.of(source), arch, false, e -> { })
                .catalog();
    }

    /** Builds a {@link FixtureRepository}. */
    public static final class Builder {

        private final Path dir;
        private String suite = "stable";
        private String codename = "fixture";
        private final List<String> architectures = new ArrayList<>(List.of("amd64"));
        private final Map<String, List<FixturePackage>> packages = new LinkedHashMap<>();
        private FixtureKey key = FixtureKey.primary();
        private boolean inRelease = true;
        private boolean releaseGpg = true;
        private boolean acquireByHash;
        private boolean byHashOnly;
        private boolean separateArchAll;
        private boolean flat;
        private boolean sources;
        private final Set<String> withoutSource = new LinkedHashSet<>();
        private Set<String> compressions = new LinkedHashSet<>(List.of("", ".gz", ".xz"));
        private Instant date = Instant.now();
        private Instant validUntil;
        private final Map<String, String> releaseFields = new LinkedHashMap<>(Map.of("Origin", "Fixture",
                "Label", "Fixture"));

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder suite(String value) {
            suite = value;
            return this;
        }

        public Builder codename(String value) {
            codename = value;
            return this;
        }

        /** The architectures with indexes (default {@code amd64}); arch:all packages go into each. */
        public Builder architectures(String... arches) {
            architectures.clear();
            architectures.addAll(List.of(arches));
            return this;
        }

        /** Adds a package to component {@code main}. */
        public Builder add(FixturePackage p) {
            return add("main", p);
        }

        public Builder add(String component, FixturePackage p) {
            packages.computeIfAbsent(component, c -> new ArrayList<>()).add(p);
            return this;
        }

        /** Adds an (empty) component, so the Release lists it even without packages. */
        public Builder component(String component) {
            packages.computeIfAbsent(component, c -> new ArrayList<>());
            return this;
        }

        public Builder signedBy(FixtureKey k) {
            key = k;
            return this;
        }

        /** Neither InRelease nor Release.gpg. */
        public Builder unsigned() {
            key = null;
            return this;
        }

        /** Whether to write InRelease (default yes). */
        public Builder inRelease(boolean value) {
            inRelease = value;
            return this;
        }

        /** Whether to write Release.gpg (default yes). */
        public Builder releaseGpg(boolean value) {
            releaseGpg = value;
            return this;
        }

        /** {@code Acquire-By-Hash: yes} with {@code by-hash/SHA256/} copies of every index. */
        public Builder acquireByHash(boolean value) {
            acquireByHash = value;
            return this;
        }

        /** Remove the plain index paths, leaving only the by-hash copies (implies acquireByHash). */
        public Builder byHashOnly(boolean value) {
            byHashOnly = value;
            acquireByHash = acquireByHash || value;
            return this;
        }

        /**
         * Put arch:all packages into a separate {@code binary-all} index (as Debian's security archive
         * does) instead of into every {@code binary-ARCH} index with
         * {@code No-Support-for-Architecture-all: Packages} (the default, as Debian's main archive does).
         */
        public Builder separateArchAll(boolean value) {
            separateArchAll = value;
            return this;
        }

        /**
         * A flat repository (sources.list(5) "exact path", suite {@code ./}): {@code Packages} and the
         * Release files sit in the archive root, without {@code dists/} or components.
         */
        public Builder flat(boolean value) {
            flat = value;
            return this;
        }

        /** Whether to publish source packages and {@code Sources} indexes (default no). */
        public Builder sources(boolean value) {
            sources = value;
            return this;
        }

        /** With {@link #sources}: publish no source package named {@code sourceName}. */
        public Builder withoutSource(String sourceName) {
            withoutSource.add(sourceName);
            return this;
        }

        /** Which variants of each index to publish: any of {@code ""}, {@code ".gz"}, {@code ".xz"}. */
        public Builder compressions(String... suffixes) {
            compressions = new LinkedHashSet<>(List.of(suffixes));
            return this;
        }

        public Builder date(Instant value) {
            date = value;
            return this;
        }

        /** {@code Valid-Until}, to the second (apt-ftparchive computes it from the time of building). */
        public Builder validUntil(Instant value) {
            validUntil = value;
            return this;
        }

        /** Another Release field known to apt-ftparchive (Origin, Label, Version, Description, ...). */
        public Builder releaseField(String name, String value) {
            releaseFields.put(name, value);
            return this;
        }

        public FixtureRepository build() {
            if (packages.isEmpty()) {
                component("main");
            }
            try {
                return new Assembler(this).assemble();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs the tools in order; a separate class so the builder stays a plain value holder. */
    private static final class Assembler {
        private final Builder b;
        private final Path archive;
        private final Path dists;

        Assembler(Builder b) {
            this.b = b;
            this.archive = b.dir.resolve("archive");
            this.dists = b.flat ? archive : archive.resolve("dists").resolve(b.suite);
        }

        FixtureRepository assemble() throws IOException {
            Files.createDirectories(dists);
            buildDebs();
            List<String> indexes = writeIndexes();
            if (b.sources && !b.flat) {
                indexes.addAll(writeSources());
            }
            writeRelease();
            if (b.acquireByHash) {
                writeByHash(indexes);
            }
            sign();
            if (b.key != null) {
                b.key.writePublicKey(b.dir.resolve("keys/archive.gpg"));
                b.key.writePublicKeyArmored(b.dir.resolve("keys/archive.asc"));
            }
            return new FixtureRepository(b);
        }

        private void buildDebs() throws IOException {
            Path work = Files.createTempDirectory(b.dir, "debroot");
            for (Map.Entry<String, List<FixturePackage>> e : b.packages.entrySet()) {
                for (FixturePackage p : e.getValue()) {
                    Path root = work.resolve(p.debFileName());
                    Files.createDirectories(root.resolve("DEBIAN"));
                    Files.writeString(root.resolve("DEBIAN/control"), p.controlText(), StandardCharsets.UTF_8);
                    Path doc = root.resolve("usr/share/doc").resolve(p.name());
                    Files.createDirectories(doc);
                    Files.writeString(doc.resolve("README"), p + "\n");
                    for (Map.Entry<String, String> f : p.files().entrySet()) {
                        Path file = root.resolve(f.getKey());
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                    }
                    String name = p.name();
                    String prefix = name.startsWith("lib") && name.length() > 3 ? name.substring(0, 4) : name.substring(0, 1);
                    Path pool = archive.resolve("pool").resolve(e.getKey()).resolve(prefix).resolve(name);
                    Files.createDirectories(pool);
                    ToolRunner.run(work, List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build",
                            root.toString(), pool.resolve(p.debFileName()).toString()));
                }
            }
        }

        /**
         * Builds one source package per distinct source name and version of each component with
         * {@code dpkg-source -b} into the pool, then the component's {@code Sources} index; returns the
         * index variants' paths relative to dists/SUITE.
         */
        private List<String> writeSources() throws IOException {
            List<String> written = new ArrayList<>();
            Path work = Files.createTempDirectory(b.dir, "srcroot");
            for (Map.Entry<String, List<FixturePackage>> e : b.packages.entrySet()) {
                Map<String, List<FixturePackage>> bySource = new LinkedHashMap<>();
                for (FixturePackage p : e.getValue()) {
                    if (!b.withoutSource.contains(p.sourceName())) {
                        bySource.computeIfAbsent(p.sourceName() + "_" + p.sourceVersion(), k -> new ArrayList<>()).add(p);
                    }
                }
                for (List<FixturePackage> binaries : bySource.values()) {
                    buildSource(work, e.getKey(), binaries);
                }
                Path pool = archive.resolve("pool").resolve(e.getKey());
                Files.createDirectories(pool);
                String text = ToolRunner.run(archive, List.of("apt-ftparchive", "sources", "pool/" + e.getKey()));
                Path plain = dists.resolve(e.getKey() + "/source/Sources");
                Files.createDirectories(plain.getParent());
                Files.writeString(plain, text, StandardCharsets.UTF_8);
                ToolRunner.run(plain.getParent(), List.of("xz", "-k", "-f", "Sources"));
                written.add(e.getKey() + "/source/Sources.xz");
                Files.delete(plain);
            }
            return written;
        }

        private void buildSource(Path work, String component, List<FixturePackage> binaries) throws IOException {
            FixturePackage first = binaries.get(0);
            String name = first.sourceName();
            String version = first.sourceVersion();
            String upstream = version.replaceFirst("^\\d+:", "").replaceFirst("-[^-]*$", "");
            Path tree = work.resolve(name + "-" + upstream);
            Files.createDirectories(tree.resolve("debian/source"));
            StringBuilder control = new StringBuilder("Source: " + name
                    + "\nMaintainer: Fixture Maintainer <fixture@fixture.invalid>\n");
            for (FixturePackage p : binaries) {
                control.append("\nPackage: ").append(p.name()).append("\nArchitecture: ")
                        .append(p.architecture().equals("all") ? "all" : "any")
                        .append("\nDescription: fixture\n fixture package ").append(p.name()).append('\n');
            }
            Files.writeString(tree.resolve("debian/control"), control.toString());
            Files.writeString(tree.resolve("debian/changelog"), name + " (" + version + ") unstable; urgency=medium\n\n"
                    + "  * Fixture.\n\n -- Fixture Maintainer <fixture@fixture.invalid>  Wed, 01 Jan 2025 00:00:00 +0000\n");
            Files.writeString(tree.resolve("debian/source/format"), "1.0\n");
            Files.writeString(tree.resolve("README"), "source of " + name + " " + version + "\n");
            ToolRunner.run(work, List.of("dpkg-source", "-b", tree.getFileName().toString()));
            String prefix = name.startsWith("lib") && name.length() > 3 ? name.substring(0, 4) : name.substring(0, 1);
            Path pool = archive.resolve("pool").resolve(component).resolve(prefix).resolve(name);
            Files.createDirectories(pool);
            String base = name + "_" + version.replaceFirst("^\\d+:", "");
            try (var files = Files.list(work)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(base + ".")).toList()) {
                    Files.move(f, pool.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        /** Writes every Packages variant; returns their paths relative to dists/SUITE. */
        private List<String> writeIndexes() throws IOException {
            List<String> written = new ArrayList<>();
            if (b.flat) {
                Files.createDirectories(archive.resolve("pool"));
                String text = ToolRunner.run(archive, List.of("apt-ftparchive", "packages", "pool"));
                writeVariants("Packages", text, written);
                return written;
            }
            for (String component : b.packages.keySet()) {
                Path pool = archive.resolve("pool").resolve(component);
                Files.createDirectories(pool);
                List<String> arches = new ArrayList<>(b.architectures);
                if (b.separateArchAll) {
                    arches.add("all");
                }
                for (String arch : arches) {
                    String text = ToolRunner.run(archive, List.of("apt-ftparchive", "--arch", arch, "packages",
                            "pool/" + component));
                    if (b.separateArchAll && !arch.equals("all")) {
                        text = withoutArchAll(text);
                    }
                    writeVariants(component + "/binary-" + arch + "/Packages", text, written);
                }
            }
            return written;
        }

        private void writeVariants(String rel, String text, List<String> written) throws IOException {
            Path plain = dists.resolve(rel);
            Files.createDirectories(plain.getParent());
            Files.writeString(plain, text, StandardCharsets.UTF_8);
            if (b.compressions.contains(".xz")) {
                ToolRunner.run(plain.getParent(), List.of("xz", "-k", "-f", "Packages"));
                written.add(rel + ".xz");
            }
            if (b.compressions.contains(".gz")) {
                ToolRunner.run(plain.getParent(), List.of("gzip", "-k", "-f", "-n", "Packages"));
                written.add(rel + ".gz");
            }
            if (b.compressions.contains("")) {
                written.add(rel);
            } else {
                Files.delete(plain);
            }
        }

        private static String withoutArchAll(String packagesText) {
            StringBuilder out = new StringBuilder();
            for (String stanza : packagesText.split("\n\n")) {
                if (!stanza.isBlank() && !stanza.contains("\nArchitecture: all\n")) {
                    out.append(stanza.strip()).append("\n\n");
                }
            }
            return out.toString();
        }

        private void writeRelease() throws IOException {
            List<String> cmd = new ArrayList<>(List.of("apt-ftparchive"));
            Map<String, String> fields = new LinkedHashMap<>(b.releaseFields);
            fields.put("Suite", b.suite);
            fields.put("Codename", b.codename);
            fields.put("Date", RFC_2822.format(b.date));
            if (b.validUntil != null) {
                // apt-ftparchive takes no literal Valid-Until; it adds ValidTime seconds to the current time
                long seconds = java.time.Duration.between(Instant.now(), b.validUntil).getSeconds();
                fields.put("ValidTime", Long.toString(Math.max(1, seconds)));
            }
            fields.put("Architectures", String.join(" ", b.architectures) + " all");
            fields.put("Components", String.join(" ", b.packages.keySet()));
            if (b.acquireByHash) {
                fields.put("Acquire-By-Hash", "yes");
            }
            fields.forEach((k, v) -> {
                cmd.add("-o");
                cmd.add("APT::FTPArchive::Release::" + k + "=" + v);
            });
            cmd.addAll(List.of("release", b.flat ? "." : "dists/" + b.suite));
            String release = ToolRunner.run(archive, cmd);
            if (!b.separateArchAll && !b.flat) {
                // apt-ftparchive has no option for this dak field; it goes before the checksum lists
                release = release.replaceFirst("(?m)^MD5Sum:", "No-Support-for-Architecture-all: Packages\nMD5Sum:");
            }
            Files.writeString(dists.resolve("Release"), release, StandardCharsets.UTF_8);
        }

        private void writeByHash(List<String> indexes) throws IOException {
            for (String rel : indexes) {
                Path file = dists.resolve(rel);
                String sha = sha256(Files.readAllBytes(file));
                Path byHash = file.getParent().resolve("by-hash/SHA256").resolve(sha);
                Files.createDirectories(byHash.getParent());
                Files.copy(file, byHash, StandardCopyOption.REPLACE_EXISTING);
                if (b.byHashOnly) {
                    Files.delete(file);
                }
            }
        }

        private void sign() {
            if (b.key == null) {
                return;
            }
            if (b.inRelease) {
                b.key.clearsign(dists.resolve("Release"), dists.resolve("InRelease"));
            }
            if (b.releaseGpg) {
                b.key.detachSign(dists.resolve("Release"), dists.resolve("Release.gpg"));
            }
        }

        private static String sha256(byte[] data) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
