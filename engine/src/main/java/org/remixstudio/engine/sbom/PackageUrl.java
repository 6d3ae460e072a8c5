package org.remixstudio.engine.sbom;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Package URLs of Debian binary packages (purl specification, "deb" type):
 * {@code pkg:deb/debian/NAME@VERSION?arch=ARCH&distro=DISTRO}. The name is lower-cased, as the deb type
 * demands; version and qualifier values are percent-encoded except for the characters the purl
 * specification leaves unencoded ({@code A-Z a-z 0-9 . - _ ~}, and {@code :} which separates a Debian
 * epoch); qualifiers are sorted by key. So {@code libstdc++6 1:12.2.0-14} on amd64 becomes
 * {@code pkg:deb/debian/libstdc%2B%2B6@1:12.2.0-14?arch=amd64&distro=debian-12}.
 */
public final class PackageUrl {

    private PackageUrl() {
    }

    public static String deb(String name, String version, String architecture, String distro) {
        Map<String, String> qualifiers = new TreeMap<>();
        qualifiers.put("arch", architecture);
        if (distro != null && !distro.isEmpty()) {
            qualifiers.put("distro", distro);
        }
        StringBuilder purl = new StringBuilder("pkg:deb/debian/")
                .append(encode(name.toLowerCase(Locale.ROOT), false))
                .append('@').append(encode(version, true));
        char sep = '?';
        for (Map.Entry<String, String> q : qualifiers.entrySet()) {
            purl.append(sep).append(q.getKey()).append('=').append(encode(q.getValue(), false));
            sep = '&';
        }
        return purl.toString();
    }

    /** Percent-encodes UTF-8 bytes outside the purl's unreserved set (purl spec, "Character encoding"). */
    static String encode(String text, boolean keepColon) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || (keepColon && c == ':');
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
