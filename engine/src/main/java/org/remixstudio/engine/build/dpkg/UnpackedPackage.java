package org.remixstudio.engine.build.dpkg;

import java.util.List;
import java.util.Set;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.deb.DebControl;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * A package whose files are in the tree, with what dpkg's database needs to know about it.
 *
 * @param pkg          the index entry
 * @param control      its control information (fields, scripts, conffiles, md5sums)
 * @param paths        the file list as dpkg records it ({@code /.}, {@code /bin}, …), in archive order
 * @param plainFiles   tree paths of its non-directory entries, to find files two packages both ship
 * @param md5sums      the {@code md5sums} text: the package's own, or made while unpacking when it has none
 * @param specialFiles device nodes and FIFOs it ships (not created on disk)
 * @param notRootOwned entries (as placed, conffiles renamed) whose owner or group is not root: what a user
 *                     namespace build must {@code chown} from inside
 */
public record UnpackedPackage(BinaryPackage pkg, DebControl control, List<String> paths, Set<String> plainFiles,
                              byte[] md5sums, List<TreeEntry> specialFiles, List<TreeEntry> notRootOwned) {

    public UnpackedPackage {
        paths = List.copyOf(paths);
        plainFiles = Set.copyOf(plainFiles);
        md5sums = md5sums.clone();
        specialFiles = List.copyOf(specialFiles);
        notRootOwned = List.copyOf(notRootOwned);
    }

    @Override
    public byte[] md5sums() {
        return md5sums.clone();
    }

    /** The name dpkg files it under: {@code name:arch} for {@code Multi-Arch: same}, else {@code name}. */
    public String dpkgName() {
        return dpkgName(pkg);
    }

    /** {@link #dpkgName()} for an index entry. */
    public static String dpkgName(BinaryPackage pkg) {
        return pkg.multiArch() == MultiArch.SAME ? pkg.name() + ":" + pkg.architecture() : pkg.name();
    }

    /** The same package with some paths dropped from its file list (another package took them over). */
    public UnpackedPackage without(Set<String> treePaths) {
        List<String> kept = paths.stream().filter(p -> !treePaths.contains(p.substring(1))).toList();
        Set<String> keptPlain = new java.util.HashSet<>(plainFiles);
        keptPlain.removeAll(treePaths);
        return new UnpackedPackage(pkg, control, kept, keptPlain, md5sums, specialFiles, notRootOwned);
    }
}
