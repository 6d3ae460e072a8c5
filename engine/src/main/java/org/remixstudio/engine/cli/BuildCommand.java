package org.remixstudio.engine.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.BuildRequest;
import org.remixstudio.engine.api.BuildResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix build SPEC}: the image a spec describes, as an image tarball, OCI directory or rootfs tar. */
@Command(name = "build", description = {
    "Build the image a .remix.json spec describes: one layer for the base and one per spec layer.",
    "SOURCE_DATE_EPOCH (or the spec's timestamp) makes the output reproducible."})
final class BuildCommand implements Callable<Integer> {

    /** Output formats of {@code --format}. */
    enum Format { oci, oci_dir, rootfs, qcow2, raw, vmdk }

    @Parameters(paramLabel = "SPEC", description = "The NAME.remix.json file.")
    Path specFile;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the image (default: NAME.tar, or NAME for oci-dir, beside the current directory).")
    Path output;

    @Option(names = "--format", defaultValue = "oci", paramLabel = "FORMAT",
            converter = FormatConverter.class,
            description = {"oci (one tar: OCI layout and docker-archive), oci-dir, rootfs, or a bootable UEFI disk:",
                "qcow2, raw or vmdk (with a libvirt domain NAME.xml beside it) (default: ${DEFAULT-VALUE})."})
    Format format;

    @Option(names = "--disk-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "For disk images: the whole disk's size, e.g. 4G or 2500M (default: the image's files plus 1 GiB free).")
    long diskSize;

    @Option(names = "--compress", description = "For qcow2: deflate-compressed clusters (about half the size, slower to write and read).")
    boolean compress;

    @Option(names = "--layer-compression", paramLabel = "KIND", defaultValue = "gzip",
            converter = LayerCompressionConverter.class,
            description = "For container images: gzip (every tool reads it) or zstd (faster to build, smaller;"
                    + " podman, skopeo, containerd, Docker 23+) (default: ${DEFAULT-VALUE}).")
    BuildRequest.LayerCompression layerCompression;

    @Option(names = "--kernel", defaultValue = "cloud", paramLabel = "FLAVOUR",
            description = "For disk images: the Debian kernel flavour, cloud or generic (default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--squash", description = "Write one layer with the final tree.")
    boolean squash;

    @Option(names = "--tag", paramLabel = "NAME:TAG", description = "The name the image loads as (default: SPECNAME:latest).")
    String tag;

    @Option(names = "--source", paramLabel = "LINE",
            description = "A one-line sources.list entry used besides the spec's sources. Repeatable.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--lock", paramLabel = "LOCK",
            description = "Install exactly the package set of this lock file, or fail listing what moved.")
    Path lock;

    @Option(names = "--locked",
            description = "Like --lock with NAME.remix.lock.json beside the spec (written by `remix lock`).")
    boolean locked;



    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--timings", hidden = true,
            description = "Print how long each phase took (JVM start, catalog, resolve, tree, fetch, layers, export).")
    boolean timings;

    @Spec
    CommandSpec spec;

    /** Accepts {@code oci-dir} as picocli's enum matching cannot. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format; use oci, oci-dir, rootfs, qcow2, raw or vmdk");
            }
        }
    }

    /** {@code gzip} or {@code zstd}, in any case. */
    static final class LayerCompressionConverter implements picocli.CommandLine.ITypeConverter<BuildRequest.LayerCompression> {
        @Override
        public BuildRequest.LayerCompression convert(String value) {
            try {
                return BuildRequest.LayerCompression.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a layer compression; use gzip or zstd");
            }
        }
    }

    /** Sizes like {@code 4G}, {@code 2500M}, {@code 1T} (binary units) or plain bytes. */
    static final class SizeConverter implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(\\d+)([KMGT]?)(?:i?B)?").matcher(value.trim());
            if (!m.matches()) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a size; write it like 4G, 2500M or 1T");
            }
            int shift = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
                case "K" -> 10;
                case "M" -> 20;
                case "G" -> 30;
                case "T" -> 40;
                default -> 0;
            };
            return Long.parseLong(m.group(1)) << shift;
        }
    }

    /** {@code NAME} of {@code NAME.remix.json}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".remix.json") ? name.substring(0, name.length() - ".remix.json".length())
                : name.replaceFirst("\\.json$", "");
    }

    @Override
    public Integer call() {
        BuildRequest.Format kind = switch (format) {
            case oci -> BuildRequest.Format.OCI;
            case oci_dir -> BuildRequest.Format.OCI_DIR;
            case rootfs -> BuildRequest.Format.ROOTFS;
            case qcow2 -> BuildRequest.Format.QCOW2;
            case raw -> BuildRequest.Format.RAW;
            case vmdk -> BuildRequest.Format.VMDK;
        };
        String extension = switch (format) {
            case oci_dir -> "";
            case qcow2, raw, vmdk -> "." + format.name();
            default -> ".tar";
        };
        Path out = output != null ? output : Path.of(baseName(specFile) + extension);
        BuildRequest request = new BuildRequest(specFile, out, kind, squash, tag, sources).withDiskSize(diskSize)
                .withKernel(kernel).withCompression(compress)
                .withLayerCompression(layerCompression);
        if (lock != null) {
            request = request.withLock(lock);
        } else if (locked) {
            request = request.withLockBesideSpec();
        }
        BuildRequest held = request;
        List<String> phases = new ArrayList<>();
        if (timings) {
            long started = ManagementFactory.getRuntimeMXBean().getStartTime();
            phases.add("jvm start " + (System.currentTimeMillis() - started) + " ms");
        }
        BuildResult result = engineOptions.run((engine, bar) -> engine.build(held, e -> {
            if (timings && e.step().equals("phase")) {
                phases.add(e.detail());
            }
            bar.accept(e);
        }));
        PrintWriter w = spec.commandLine().getOut();
        for (BuildResult.Layer l : result.layers()) {
            w.printf("layer %-16s %4d packages (+%d -%d)  %10s  %s%s%n", l.name(), l.packages(), l.added(), l.removed(),
                    Sizes.human(l.size()), l.diffId(), l.fromCache() ? "  (cached)" : "");
        }
        result.warnings().forEach(x -> w.println("warning: " + x));
        w.println("wrote " + result.output() + " (" + Sizes.human(result.size()) + ")"
                + (result.digest().isEmpty() ? "" : " " + result.digest()));
        if (result.domainXml() != null) {
            w.println("libvirt domain: " + result.domainXml() + " (virsh define " + result.domainXml()
                    + "; it boots with UEFI); try it now: remix run " + result.output());
        }
        result.sboms().forEach(f -> w.println("wrote " + f));
        phases.forEach(p -> w.println("phase " + p));
        w.flush();
        return 0;
    }
}
