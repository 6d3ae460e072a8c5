package org.remixstudio.engine.build.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The busybox-static package as a real {@code .deb}: the one apt downloaded when it installed the
 * package (CI installs it), or, when apt's cache was cleaned, one built with dpkg-deb from the
 * installed files and the installed package's own control data. No network either way.
 */
final class BusyboxDeb {

    private BusyboxDeb() {
    }

    static Path locate(Path scratch) throws IOException, InterruptedException {
        try (Stream<Path> cached = Files.list(Path.of("/var/cache/apt/archives"))) {
            Path found = cached.filter(p -> p.getFileName().toString().startsWith("busybox-static_")
                    && p.toString().endsWith(".deb")).sorted().findFirst().orElse(null);
            if (found != null) {
                return found;
            }
        } catch (java.nio.file.NoSuchFileException ignored) {
            // no apt cache at all: build the package below
        }
        Path staging = Files.createDirectories(scratch.resolve("busybox-static"));
        Files.createDirectories(staging.resolve("DEBIAN"));
        Files.createDirectories(staging.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), staging.resolve("bin/busybox"));
        String control = Trees.sh("dpkg-query", "-W", "-f",
                "Package: ${Package}\nVersion: ${Version}\nArchitecture: ${Architecture}\n"
                        + "Maintainer: ${Maintainer}\nDescription: ${Description}\n", "busybox-static");
        Files.writeString(staging.resolve("DEBIAN/control"), control.endsWith("\n") ? control : control + "\n");
        Path deb = scratch.resolve("busybox-static.deb");
        Trees.sh("dpkg-deb", "--root-owner-group", "--build", staging.toString(), deb.toString());
        return deb;
    }

    /** {@code Version} of the package, from the .deb itself. */
    static String version(Path deb) throws IOException, InterruptedException {
        return Trees.sh("dpkg-deb", "-f", deb.toString(), "Version").trim();
    }
}
