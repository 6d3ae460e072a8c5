package org.remixstudio.engine.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What a root filesystem holds, path by path, for comparing two trees: type, owner, mode, symlink
 * target and a content hash. Read from a directory (with lstat) or from a tar file as mmdebstrap
 * writes it; mtimes are left out (mmdebstrap clamps them to SOURCE_DATE_EPOCH).
 */
record TreeSnapshot(Map<String, Node> nodes) {

    /** One path. */
    record Node(char type, long uid, long gid, int mode, String target, String sha256) {
        @Override
        public String toString() {
            return type + " " + uid + ":" + gid + " " + Integer.toOctalString(mode)
                    + (target.isEmpty() ? "" : " -> " + target) + (sha256.isEmpty() ? "" : " " + sha256.substring(0, 12));
        }
    }

    static TreeSnapshot ofDirectory(Path root) throws IOException {
        Map<String, Node> nodes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                String path = rel.isEmpty() ? "." : rel;
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                long uid = ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
                long gid = ((Number) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue();
                int mode = ((Number) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue() & 07777;
                char type;
                String target = "";
                String sha = "";
                if (a.isSymbolicLink()) {
                    type = 'l';
                    target = Files.readSymbolicLink(p).toString();
                    mode = 0777;
                } else if (a.isDirectory()) {
                    type = 'd';
                } else if (a.isRegularFile()) {
                    type = 'f';
                    try (InputStream in = Files.newInputStream(p)) {
                        sha = sha256(in);
                    }
                } else {
                    type = 'c';
                }
                nodes.put(path, new Node(type, uid, gid, mode, target, sha));
            }
        }
        return new TreeSnapshot(nodes);
    }

    static TreeSnapshot ofTar(Path tar) throws IOException {
        Map<String, Node> nodes = new TreeMap<>();
        Map<String, String> hashes = new TreeMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextTarEntry()) != null) {
                String name = e.getName();
                while (name.startsWith("./")) {
                    name = name.substring(2);
                }
                while (name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1);
                }
                String path = name.isEmpty() ? "." : name;
                char type;
                String target = "";
                String sha = "";
                int mode = e.getMode() & 07777;
                if (e.isSymbolicLink()) {
                    type = 'l';
                    target = e.getLinkName();
                    mode = 0777;
                } else if (e.isDirectory()) {
                    type = 'd';
                } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                    type = 'c';
                } else if (e.isLink()) {
                    type = 'f';
                    String linked = e.getLinkName().replaceFirst("^\\./", "");
                    sha = hashes.getOrDefault(linked, "");
                } else if (e.isFile()) {
                    type = 'f';
                    sha = sha256(in);
                    hashes.put(path, sha);
                } else {
                    type = 'c';
                }
                nodes.put(path, new Node(type, e.getLongUserId(), e.getLongGroupId(), mode, target, sha));
            }
        }
        return new TreeSnapshot(nodes);
    }

    /** This snapshot plus entries that exist only in a build's manifest (device nodes). */
    TreeSnapshot with(List<org.remixstudio.engine.tree.TreeEntry> entries) {
        Map<String, Node> all = new TreeMap<>(nodes);
        for (var e : entries) {
            all.put(e.path(), new Node('c', e.uid(), e.gid(), e.mode(), "", ""));
        }
        return new TreeSnapshot(all);
    }

    /** {@code path: ours vs theirs} for every path that differs; {@code -} marks a missing side. */
    List<String> diff(TreeSnapshot theirs) {
        TreeMap<String, Boolean> all = new TreeMap<>();
        nodes.keySet().forEach(k -> all.put(k, true));
        theirs.nodes.keySet().forEach(k -> all.put(k, true));
        List<String> out = new ArrayList<>();
        for (String path : all.keySet()) {
            Node a = nodes.get(path);
            Node b = theirs.nodes.get(path);
            if (a == null || !a.equals(b)) {
                out.add(path + ": " + (a == null ? "-" : a) + " | " + (b == null ? "-" : b));
            }
        }
        return out;
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
