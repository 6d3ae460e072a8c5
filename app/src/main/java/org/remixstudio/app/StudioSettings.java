package org.remixstudio.app;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The studio's remembered preferences ({@link StudioPaths#settingsFile()}, a properties file): for now the
 * license policy the impact pane applies. Read once, written whole (to a temporary file, then renamed) on
 * every change; an unreadable file counts as no preferences rather than stopping the studio.
 */
public final class StudioSettings {

    static final String LICENSE_POLICY = "licensePolicy";

    private final Path file;
    private final Properties values = new Properties();

    public StudioSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                values.clear();
            }
        }
    }

    /** The license policy file chosen with File ▸ License policy…; empty by default. */
    public Optional<Path> licensePolicy() {
        String v = values.getProperty(LICENSE_POLICY, "");
        return v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
    }

    /** Remembers the policy ({@code null}: none). */
    public void setLicensePolicy(Path policy) throws IOException {
        if (policy == null) {
            values.remove(LICENSE_POLICY);
        } else {
            values.setProperty(LICENSE_POLICY, policy.toAbsolutePath().toString());
        }
        StringWriter out = new StringWriter();
        values.store(out, "Remix Studio preferences");
        AtomicWrite.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
