package org.remixstudio.engine.build;

import java.nio.file.Path;
import org.remixstudio.engine.build.dpkg.TreeFiles;
import org.remixstudio.engine.build.dpkg.UnpackedPackage;
import org.remixstudio.engine.deb.ControlFile;

/**
 * Puts each package's control files where its {@code preinst} can find them: dpkg extracts a package's
 * control area to {@code /var/lib/dpkg/tmp.ci} and runs the {@code preinst} from there, and debconf's
 * frontend reads the package name ({@code tmp.ci/control}) and templates from that directory. Every
 * package is staged in its own directory beforehand; the configure script moves each into place in turn.
 */
final class ControlStaging {

    static final String TMP_CI = "/var/lib/dpkg/tmp.ci";
    private static final String STAGING = "var/lib/dpkg/remix-ci";

    private final Path root;

    ControlStaging(Path root) {
        this.root = root;
    }

    /** Writes the package's control files; returns the directory as seen inside the tree. */
    String stage(UnpackedPackage p) {
        String dirName = p.dpkgName().replace(':', '_');
        Path dir = root.resolve(STAGING).resolve(dirName);
        TreeFiles.directory(dir, 0755);
        for (ControlFile f : p.control().files().values()) {
            TreeFiles.write(dir.resolve(f.name()), f.content(), f.mode() & 07777);
        }
        return "/" + STAGING + "/" + dirName;
    }

    /** Removes whatever is left (after a failure, or an empty staging directory). */
    void clear() {
        TreeFiles.delete(root.resolve(STAGING));
        TreeFiles.delete(root.resolve(TMP_CI.substring(1)));
    }
}
