package org.remixstudio.engine.license;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.testing.CatalogBuilder;

/** Index entries for fixture {@code .deb}s, as a Packages file would describe them. */
public final class TestPackages {

    private TestPackages() {
    }

    /** An entry without a file behind it. */
    public static BinaryPackage entry(String name, String version, String section) {
        String component = section.contains("/") ? section.substring(0, section.indexOf('/')) : "main";
        return new BinaryPackage(name, DebVersion.parse(version), "amd64", MultiArch.NO, false, Priority.OPTIONAL,
                section, 1, 1000, "0".repeat(64), "pool/" + component + "/" + name.charAt(0) + "/" + name + "/"
                + name + "_" + version + "_amd64.deb", name, DebVersion.parse(version), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), "fixture", "", "", CatalogBuilder.ORIGIN);
    }

    public static BinaryPackage entry(String name, String version, String source, String sourceVersion, String section, Path deb) {
        String sha256;
        long size;
        try {
            byte[] bytes = Files.readAllBytes(deb);
            size = bytes.length;
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String component = section.contains("/") ? section.substring(0, section.indexOf('/')) : "main";
        return new BinaryPackage(name, DebVersion.parse(version), "all", MultiArch.NO, false, Priority.OPTIONAL,
                section, 1, size, sha256, "pool/" + component + "/" + name.charAt(0) + "/" + source + "/"
                + deb.getFileName(), source, DebVersion.parse(sourceVersion), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), "fixture", "", "", CatalogBuilder.ORIGIN);
    }
}
