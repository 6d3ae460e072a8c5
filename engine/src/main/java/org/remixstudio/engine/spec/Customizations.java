package org.remixstudio.engine.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the build changes in the image after installing the packages: users, host name, time zone,
 * locale, extra files and enabled systemd units. Every part is optional; {@link #NONE} changes nothing.
 *
 * @param timezone an IANA zone name such as {@code Europe/Berlin} or {@code Etc/UTC}
 * @param locale   e.g. {@code en_US.UTF-8} or {@code C.UTF-8}
 * @param services systemd unit names to enable, e.g. {@code nginx.service} or {@code ssh}
 */
public record Customizations(
        List<UserSpec> users,
        Optional<String> hostname,
        Optional<String> timezone,
        Optional<String> locale,
        List<FileSpec> files,
        List<String> services) {

    public static final Customizations NONE =
            new Customizations(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());

    public Customizations {
        users = List.copyOf(users);
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(locale, "locale");
        files = List.copyOf(files);
        services = List.copyOf(services);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
