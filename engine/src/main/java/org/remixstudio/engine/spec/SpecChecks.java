package org.remixstudio.engine.spec;

import org.remixstudio.engine.catalog.CloseMatches;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.remixstudio.engine.catalog.DebVersion;

/**
 * The value rules of a remix spec (docs/spec.md), each a {@link ValueCheck} whose message says what
 * is wrong and what a good value looks like. Kept in one place so the reader, the lock reader and the
 * JSON Schema's patterns can be compared side by side.
 */
final class SpecChecks {

    /** Debian policy §5.6.1: lower-case alphanumerics and {@code + - .}, at least two, alphanumeric first. */
    static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    /** Image and layer names: safe as file names and OCI annotations. */
    static final Pattern SIMPLE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    /** Debian's adduser default NAME_REGEX, also used for groups. */
    static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z_][a-z0-9_-]*\\$?");
    static final Pattern ARCHITECTURE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Pattern SUITE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+~-]*");
    static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+/-]*");
    static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    static final Pattern LOCALE = Pattern.compile("C|POSIX|C\\.UTF-8|[a-z]{2,3}(_[A-Z]{2})?(\\.[A-Za-z0-9-]+)?(@[a-z]+)?");
    static final Pattern OWNER_PART = Pattern.compile("[a-z_][a-z0-9_-]*\\$?|[0-9]{1,10}");
    static final Pattern UNIT = Pattern.compile("[A-Za-z0-9:_.@\\\\-]+");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern PORT = Pattern.compile("([0-9]{1,5})(/(tcp|udp|sctp))?");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern CRYPT_HASH = Pattern.compile("!?\\$[0-9a-z]+\\$[A-Za-z0-9./$=,+-]+");
    static final Pattern SSH_KEY = Pattern.compile(
            "(?:\\S.*\\s)?(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(?:256|384|521)"
                    + "|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com)\\s+[A-Za-z0-9+/]+=*(\\s.*)?");

    /** Architectures Debian builds for, official and ports (dpkg-architecture -L, Linux ones). */
    static final List<String> ARCHITECTURES = List.of("amd64", "arm64", "armel", "armhf", "i386", "mips64el",
            "ppc64el", "riscv64", "s390x", "loong64", "alpha", "hppa", "ia64", "m68k", "powerpc", "ppc64",
            "sh4", "sparc64", "x32", "hurd-i386", "hurd-amd64");

    static final String ARMORED_KEY_FOOTER = "-----END PGP PUBLIC KEY BLOCK-----";
    static final Set<String> SOURCE_TYPES = Set.of("deb", "deb-src");
    static final Set<String> URI_SCHEMES = Set.of("http", "https", "file");
    static final long MAX_TIMESTAMP = 253402300799L; // 9999-12-31T23:59:59Z
    static final int MAX_ID = 65533; // 65534 is nobody, 65535 is (uid_t) -1 on 16-bit tools

    private SpecChecks() {
    }

    static ValueCheck pattern(Pattern p, String what, int maxLength) {
        return v -> v.length() <= maxLength && p.matcher(v).matches() ? null
                : JsonDocument.quote(v) + " is not " + what;
    }

    static String packageName(String v) {
        return PACKAGE_NAME.matcher(v).matches() ? null
                : JsonDocument.quote(v) + " is not a Debian package name: expected lower-case letters, digits"
                        + " and '+', '-', '.', at least two characters, starting with a letter or digit, like \"nginx\"";
    }

    /** A layer's {@code add} item: {@code name} or {@code name=version}. */
    static String packageRef(String v) {
        PackageRef ref = PackageRef.parse(v);
        String nameProblem = packageName(ref.name());
        if (nameProblem != null) {
            return nameProblem + (ref.version().isPresent() ? " (the part before '=')" : "");
        }
        if (ref.version().isPresent()) {
            try {
                DebVersion.parse(ref.version().get());
            } catch (IllegalArgumentException e) {
                return "bad version in " + JsonDocument.quote(v) + ": " + e.getMessage()
                        + "; expected NAME=VERSION with a Debian version, like \"nginx=1.22.1-9\"";
            }
        }
        return null;
    }

    static String architecture(String v) {
        if (ARCHITECTURES.contains(v)) {
            return null;
        }
        return JsonDocument.quote(v) + " is not a Debian architecture" + CloseMatches.hint(CloseMatches.closest(v, ARCHITECTURES, 2))
                + " (known: " + String.join(", ", ARCHITECTURES) + ")";
    }

    /** An absolute path without {@code .}, {@code ..} or empty segments; {@code /} only if allowed. */
    static ValueCheck absolutePath(String example, boolean rootAllowed) {
        return v -> {
            if (!v.startsWith("/")) {
                return JsonDocument.quote(v) + " is not an absolute path: expected a path starting with '/', like \"" + example + "\"";
            }
            if (v.equals("/")) {
                return rootAllowed ? null : "\"/\" is a directory: expected a file path, like \"" + example + "\"";
            }
            if (v.indexOf('\0') >= 0 || v.indexOf('\n') >= 0) {
                return JsonDocument.quote(v) + " contains a NUL or line break: expected a plain path, like \"" + example + "\"";
            }
            for (String segment : v.substring(1).split("/", -1)) {
                if (segment.equals("..")) {
                    return JsonDocument.quote(v) + " contains '..': expected a path without '..', like \"" + example + "\"";
                }
                if (segment.equals(".") || segment.isEmpty()) {
                    return JsonDocument.quote(v) + " has an empty or '.' segment (or a trailing '/'):"
                            + " expected a plain path, like \"" + example + "\"";
                }
            }
            return null;
        };
    }

    static String hostname(String v) {
        boolean ok = !v.isEmpty() && v.length() <= 253;
        for (String label : v.split("\\.", -1)) {
            ok &= HOST_LABEL.matcher(label).matches();
        }
        return ok ? null : JsonDocument.quote(v) + " is not a host name (RFC 1123): expected letters, digits"
                + " and '-' in dot-separated labels of at most 63 characters, like \"web-1\" or \"web-1.example.org\"";
    }

    static String timezone(String v) {
        Set<String> zones = ZoneId.getAvailableZoneIds();
        if (zones.contains(v)) {
            return null;
        }
        return JsonDocument.quote(v) + " is not a time zone name" + CloseMatches.hint(CloseMatches.closest(v, zones, 3))
                + " (expected an IANA zone name like \"Europe/Berlin\" or \"Etc/UTC\")";
    }

    static String locale(String v) {
        return LOCALE.matcher(v).matches() ? null : JsonDocument.quote(v)
                + " is not a locale name: expected LANGUAGE_TERRITORY.CHARSET like \"en_US.UTF-8\", or \"C.UTF-8\"";
    }

    static String uri(String v) {
        String expected = "; expected an http, https or file URI of an archive root, like \"http://HOST/debian/\"";
        try {
            URI u = new URI(v);
            if (u.getScheme() == null || !URI_SCHEMES.contains(u.getScheme())) {
                return JsonDocument.quote(v) + " has no supported scheme" + expected;
            }
            if (!u.getScheme().equals("file") && (u.getHost() == null || u.getHost().isEmpty())) {
                return JsonDocument.quote(v) + " has no host" + expected;
            }
            if (u.getScheme().equals("file") && (u.getPath() == null || !u.getPath().startsWith("/"))) {
                return JsonDocument.quote(v) + " is not an absolute file URI" + expected;
            }
            return null;
        } catch (URISyntaxException e) {
            return JsonDocument.quote(v) + " is not a URI (" + e.getReason() + ")" + expected;
        }
    }

    static String signedBy(String v) {
        String s = v.strip();
        if (s.startsWith(SourceSpec.ARMORED_KEY_HEADER)) {
            return s.endsWith(ARMORED_KEY_FOOTER) ? null
                    : "the inline key does not end with \"" + ARMORED_KEY_FOOTER + "\": paste the whole armored block"
                            + " (gpg --armor --export KEYID)";
        }
        String pathProblem = absolutePath("/usr/share/keyrings/debian-archive-keyring.gpg", false).problem(v);
        return pathProblem == null ? null : JsonDocument.quote(v) + " is neither an absolute keyring path nor an"
                + " armored key block (\"" + SourceSpec.ARMORED_KEY_HEADER + "...\"): give a path like"
                + " \"/usr/share/keyrings/debian-archive-keyring.gpg\" or paste the output of gpg --armor --export KEYID";
    }

    static String passwordHash(String v) {
        if (v.equals("!") || v.equals("*") || CRYPT_HASH.matcher(v).matches()) {
            return null;
        }
        return "not a crypt(3) password hash: expected a hash like \"$y$j9T$...\" (make one with"
                + " `mkpasswd -m yescrypt` or `openssl passwd -6`), or \"!\" for a locked password; never a plain password";
    }

    static String sshKey(String v) {
        return v.indexOf('\n') < 0 && SSH_KEY.matcher(v).matches() ? null
                : "not an authorized_keys line: expected one line like \"ssh-ed25519 AAAAC3Nz... user@host\""
                        + " (the content of a .pub file)";
    }

    static String owner(String v) {
        int colon = v.indexOf(':');
        if (colon > 0 && OWNER_PART.matcher(v.substring(0, colon)).matches()
                && OWNER_PART.matcher(v.substring(colon + 1)).matches()) {
            return null;
        }
        return JsonDocument.quote(v) + " is not an owner: expected USER:GROUP by name or number, like \"root:root\" or \"0:0\"";
    }

    static String containerUser(String v) {
        int colon = v.indexOf(':');
        boolean ok = colon < 0 ? OWNER_PART.matcher(v).matches()
                : OWNER_PART.matcher(v.substring(0, colon)).matches() && OWNER_PART.matcher(v.substring(colon + 1)).matches();
        return ok ? null : JsonDocument.quote(v) + " is not a user: expected NAME, UID, NAME:GROUP or UID:GID, like \"www-data\" or \"33:33\"";
    }

    static String mode(String v) {
        if (v.matches("[0-7]{3,4}")) {
            return null;
        }
        return JsonDocument.quote(v) + " is not a file mode: expected 3 or 4 octal digits, like \"0644\" or \"0755\"";
    }

    static String unit(String v) {
        return UNIT.matcher(v).matches() && !v.startsWith("-") ? null
                : JsonDocument.quote(v) + " is not a systemd unit name: expected a name like \"nginx.service\" or \"ssh\"";
    }

    static String port(String v) {
        var m = PORT.matcher(v);
        if (m.matches()) {
            int port = Integer.parseInt(m.group(1));
            if (port >= 1 && port <= 65535) {
                return null;
            }
        }
        return JsonDocument.quote(v) + " is not a port: expected PORT/PROTOCOL with a port from 1 to 65535 and"
                + " tcp, udp or sctp, like \"80/tcp\"";
    }

    /** {@code 80} means {@code 80/tcp} (OCI image spec, config.md, ExposedPorts). */
    static String normalizePort(String v) {
        return v.indexOf('/') < 0 ? v + "/tcp" : v;
    }

    static String sha256(String v) {
        return SHA256.matcher(v).matches() ? null
                : JsonDocument.quote(v) + " is not a SHA-256 digest: expected 64 lower-case hexadecimal digits";
    }

    static String debVersion(String v) {
        try {
            DebVersion.parse(v);
            return null;
        } catch (IllegalArgumentException e) {
            return JsonDocument.quote(v) + " is not a Debian version: " + e.getMessage();
        }
    }
}
