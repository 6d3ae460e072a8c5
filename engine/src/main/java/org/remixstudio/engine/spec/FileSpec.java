package org.remixstudio.engine.spec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A file to place in the image, with its mode and owner. The content is either text (written as
 * UTF-8) or Base64 for binary content; exactly one of the two is present.
 *
 * @param path          absolute, without {@code .} or {@code ..} segments
 * @param mode          permission bits, e.g. {@code 0644} (at most {@code 07777})
 * @param owner         {@code user:group} by name or number, e.g. {@code root:root} or {@code 0:0}
 * @param content       the text content
 * @param contentBase64 the binary content, Base64 (RFC 4648 §4, with padding)
 */
public record FileSpec(String path, int mode, String owner, Optional<String> content, Optional<String> contentBase64) {

    public static final int DEFAULT_MODE = 0644;
    public static final String DEFAULT_OWNER = "root:root";

    public FileSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(owner, "owner");
        if (content.isPresent() == contentBase64.isPresent()) {
            throw new IllegalArgumentException("a file has either text content or Base64 content: " + path);
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " is not in 0000..7777: " + path);
        }
    }

    /** A root-owned text file with mode 0644. */
    public static FileSpec text(String path, String content) {
        return new FileSpec(path, DEFAULT_MODE, DEFAULT_OWNER, Optional.of(content), Optional.empty());
    }

    /** The bytes to write. */
    public byte[] bytes() {
        return content.map(c -> c.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> Base64.getDecoder().decode(contentBase64.orElseThrow()));
    }

    /** The mode as the spec writes it: four octal digits, e.g. {@code 0644}. */
    public String modeString() {
        return String.format("%04o", mode);
    }
}
