package org.remixstudio.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/**
 * A small real signed archive for the studio's tests (built by the engine's FixtureRepository with
 * dpkg-deb, apt-ftparchive and gpg), and studio options that use it instead of the host's sources:
 * a web server with libraries, a greeter, a client sharing a library, and a few loners. Some carry a
 * machine-readable copyright file (hello: GPL-3+, libgreet1: LGPL-2.1+, libssl3: Apache-2.0, jq: Expat);
 * the others have none, so their license is unknown.
 */
public final class StudioFixture {

    private final FixtureRepository repo;
    private final Path dir;

    private StudioFixture(Path dir, boolean vmEssentials) {
        this.dir = dir;
        FixtureRepository.Builder builder = FixtureRepository.builder(dir.resolve("repo")).suite("stable").codename("fixture")
                .add(pkg("hello", "2.10-3", 280, "utils", "the classic greeting program").depends("libgreet1 (>= 1.0)")
                        .file("usr/share/doc/hello/copyright", DEP5 + "GPL-3+\n"))
                .add(pkg("libgreet1", "1.2-1", 120, "libs", "greeting library")
                        .file("usr/share/doc/libgreet1/copyright", DEP5 + "LGPL-2.1+\n"))
                .add(pkg("webserver", "1.22.1-9", 1600, "httpd", "small fast web server")
                        .depends("libssl3, zlib1g, webserver-common"))
                .add(pkg("webserver-common", "1.22.1-9", 900, "httpd", "web server shared files").arch("all"))
                .add(pkg("libssl3", "3.0.11-1", 6200, "libs", "Secure Sockets Layer toolkit - shared libraries")
                        .file("usr/share/doc/libssl3/copyright", DEP5 + "Apache-2.0\n"))
                .add(pkg("zlib1g", "1:1.2.13-1", 160, "libs", "compression library - runtime"))
                .add(pkg("curl", "7.88.1-10", 500, "web", "command line tool for transferring data with URL syntax")
                        .depends("libssl3, zlib1g"))
                .add(pkg("jq", "1.6-2.1", 320, "utils", "lightweight and flexible command-line JSON processor")
                        .file("usr/share/doc/jq/copyright", DEP5 + "Expat\n"))
                .add(pkg("htop", "3.2.2-2", 420, "utils", "interactive processes viewer"));
        if (vmEssentials) {
            // named like what a VM disk export adds (the engine's VmEssentials), for the preview layer
            builder.add(pkg("linux-image-cloud-amd64", "6.1.76-1", 10, "kernel", "Linux for cloud platforms (meta-package)")
                            .depends("linux-image-6.1.0-18-cloud-amd64"))
                    .add(pkg("linux-image-6.1.0-18-cloud-amd64", "6.1.76-1", 60000, "kernel", "Linux 6.1 for cloud")
                            .depends("initramfs-tools"))
                    .add(pkg("systemd-sysv", "252.22-1", 100, "admin", "system and service manager - SysV compatibility")
                            .depends("systemd"))
                    .add(pkg("systemd", "252.22-1", 20000, "admin", "system and service manager"))
                    .add(pkg("initramfs-tools", "0.142", 300, "utils", "generic modular initramfs generator"))
                    .add(pkg("systemd-boot-efi", "252.22-1", 500, "admin", "simple UEFI boot manager - EFI binaries"))
                    .add(pkg("udev", "252.22-1", 9000, "admin", "/dev/ and hotplug management daemon"))
                    .add(pkg("systemd-resolved", "252.22-1", 800, "net", "systemd DNS resolver").depends("systemd"))
                    .add(pkg("e2fsprogs", "1.47.0-2", 1500, "admin", "ext2/ext3/ext4 file system utilities"))
                    .add(pkg("dosfstools", "4.2-1", 300, "otherosfs", "utilities for making and checking MS-DOS FAT"));
        }
        this.repo = builder.build();
    }

    private static final String DEP5 = "Format: https://example.org/copyright-format/1.0/\n\n"
            + "Files: *\nCopyright: the authors\nLicense: ";

    private static FixturePackage pkg(String name, String version, int installedKiB, String section, String summary) {
        return FixturePackage.of(name, version).field("Installed-Size", Integer.toString(installedKiB))
                .section(section).description(summary);
    }

    public static StudioFixture create(Path dir) {
        return new StudioFixture(dir, false);
    }

    /** The same archive with packages named like what a VM disk export adds (a kernel, systemd, udev…). */
    public static StudioFixture createWithVmEssentials(Path dir) {
        return new StudioFixture(dir, true);
    }

    /**
     * The fixture archive as the only source, a private cache, private data directories (the license store
     * too), base variant none.
     */
    public StudioOptions options() {
        EngineSettings engine = EngineSettings.defaults().withSystemSources(false)
                .withExtraSources(List.of(repo.sourcesLine())).withCacheDir(dir.resolve("cache"))
                .withMaxCacheAge(Duration.ofDays(1)).withDataDir(dir.resolve("engine-data"));
        return new StudioOptions(engine, StudioPaths.under(dir.resolve("home")), BaseVariant.NONE);
    }

    public FixtureRepository repo() {
        return repo;
    }

    public Path dir() {
        return dir;
    }
}
