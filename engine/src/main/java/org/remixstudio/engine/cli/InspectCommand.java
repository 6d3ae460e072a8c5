package org.remixstudio.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.ImageInfo;
import org.remixstudio.engine.api.ImageInspector;
import org.remixstudio.engine.api.LayerInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix inspect OUT.tar}: the names, configuration and layers of an image tarball. */
@Command(name = "inspect", description = {
    "Show an image tarball: names, configuration, and per layer its digest, sizes, history line,",
    "entries, whiteouts and the Debian packages it adds, removes or changes.",
    "Reads what remix writes, OCI layout tars (skopeo … oci-archive:) and docker-archives (podman save)."})
final class InspectCommand implements Callable<Integer> {

    /** Output formats of {@code --format}. */
    enum Format { text, json }

    @Parameters(paramLabel = "IMAGE.tar", description = "The image tarball.")
    Path archive;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<ImageInfo> images = new ImageInspector().inspect(archive);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
            // always an array, one element per image, as 'docker inspect' prints
            out.println(mapper.writeValueAsString(images));
        } else {
            for (int i = 0; i < images.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                text(out, images.get(i));
            }
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, ImageInfo image) {
        out.println("Image: " + (image.references().isEmpty() ? "(untagged)" : String.join(", ", image.references())));
        field(out, "Archive", image.archive() + " (" + image.format() + ")");
        field(out, "Manifest", image.manifestDigest());
        field(out, "Config", image.configDigest());
        field(out, "Platform", image.os() + "/" + image.architecture());
        field(out, "Created", image.created());
        field(out, "Author", image.author());
        field(out, "User", image.user());
        field(out, "Entrypoint", image.entrypoint().isEmpty() ? "" : quoted(image.entrypoint()));
        field(out, "Cmd", image.cmd().isEmpty() ? "" : quoted(image.cmd()));
        lines(out, "Env", image.env());
        field(out, "WorkingDir", image.workingDir());
        field(out, "ExposedPorts", String.join(" ", image.exposedPorts()));
        field(out, "Volumes", String.join(" ", image.volumes()));
        lines(out, "Labels", image.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        field(out, "StopSignal", image.stopSignal());
        long compressed = image.layers().stream().mapToLong(LayerInfo::compressedSize).sum();
        long uncompressed = image.layers().stream().mapToLong(LayerInfo::uncompressedSize).sum();
        out.printf("Layers (%d, %s stored, %s uncompressed):%n", image.layers().size(), Sizes.human(compressed),
                Sizes.human(uncompressed));
        for (LayerInfo l : image.layers()) {
            out.printf("  [%d] %s%n", l.index(), l.digest());
            out.printf("      %s stored, %s uncompressed, %d entries%n", Sizes.human(l.compressedSize()),
                    Sizes.human(l.uncompressedSize()), l.entries());
            if (!l.createdBy().isEmpty()) {
                out.println("      created by: " + l.createdBy());
            }
            if (!l.comment().isEmpty()) {
                out.println("      comment: " + l.comment());
            }
            list(out, "whiteouts", l.whiteouts().stream().map(p -> "/" + p).toList());
            list(out, "opaque directories", l.opaqueDirectories().stream().map(p -> "/" + p + "/").toList());
            list(out, "packages added", l.packagesAdded().stream().map(Object::toString).toList());
            list(out, "packages removed", l.packagesRemoved().stream().map(Object::toString).toList());
            list(out, "packages changed", l.packagesChanged().stream().map(Object::toString).toList());
        }
        for (String w : image.warnings()) {
            out.println("warning: " + w);
        }
    }

    private static String quoted(List<String> args) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < args.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(args.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return b.append(']').toString();
    }

    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.printf("  %-13s %s%n", name + ":", value);
        }
    }

    private static void lines(PrintWriter out, String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            out.printf("  %-13s %s%n", i == 0 ? name + ":" : "", values.get(i));
        }
    }

    private static void list(PrintWriter out, String what, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.printf("      %s (%d):%n", what, items.size());
        for (String item : items) {
            out.println("        " + item);
        }
    }
}
