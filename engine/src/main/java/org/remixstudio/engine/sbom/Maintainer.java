package org.remixstudio.engine.sbom;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Maintainer} field (Debian policy §5.6.2: {@code Name <email>}) as an SBOM supplier. Debian
 * names teams ("Debian GCC Maintainers", "… Team", a lists address) as often as people; those are
 * given as organizations, everybody else as a person.
 *
 * @param name  the name part (the whole field when it has no address)
 * @param email the address, empty when there is none
 */
record Maintainer(String name, String email) {

    private static final Pattern FIELD = Pattern.compile("^\\s*(.*?)\\s*<([^>]*)>\\s*$");
    private static final Pattern MAILBOX = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.([A-Za-z]{2,63})$");
    /** Special-use top-level domains (RFC 2606, RFC 6761): never a deliverable mailbox. */
    private static final java.util.Set<String> SPECIAL_USE = java.util.Set.of("invalid", "test", "example", "localhost",
            "local", "internal");
    private static final Pattern TEAM = Pattern.compile("\\b(team|maintainers|group|developers|project|packagers)\\b");

    static Maintainer parse(String field) {
        Matcher m = FIELD.matcher(field);
        if (m.matches()) {
            return new Maintainer(m.group(1).replaceAll("^\"|\"$", ""), m.group(2).strip());
        }
        return new Maintainer(field.strip(), "");
    }

    /**
     * Whether the address is a mailbox an SBOM consumer can check as one (CycloneDX's {@code email} is
     * an RFC 6531 {@code idn-email}, which validators check down to the top-level domain); other
     * addresses stay in the supplier's name only.
     */
    boolean hasMailbox() {
        Matcher m = MAILBOX.matcher(email);
        return m.matches() && !SPECIAL_USE.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    boolean isOrganization() {
        return TEAM.matcher(name.toLowerCase(Locale.ROOT)).find() || email.contains("@lists.")
                || email.startsWith("team+");
    }

    /** SPDX 2.3 §7.5 supplier: {@code Person: NAME (EMAIL)} or {@code Organization: NAME (EMAIL)}. */
    String spdx() {
        String n = name.isEmpty() ? email : name;
        return (isOrganization() ? "Organization: " : "Person: ") + n + (email.isEmpty() ? "" : " (" + email + ")");
    }
}
