package org.remixstudio.engine.export.oci;

import java.util.regex.Pattern;
import org.remixstudio.engine.api.EngineException;

/**
 * An image name and tag such as {@code remix/base:1.0}, validated against the grammar of the
 * distribution reference ({@code name} components, optional registry host, {@code tag}) that podman,
 * skopeo and Docker enforce.
 *
 * @param name repository name, e.g. {@code remix/base} or {@code registry.example:5000/team/app}
 * @param tag  tag, e.g. {@code 1.0}; {@code latest} when none was given
 */
public record ImageReference(String name, String tag) {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?";
    private static final Pattern NAME = Pattern.compile(DOMAIN + COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public ImageReference {
        if (name == null || !NAME.matcher(name).matches() || name.length() > 255) {
            throw new EngineException("image name '" + name + "' is not valid: use lowercase letters, digits and"
                    + " separators (. _ -) in '/'-separated parts, e.g. remix/base");
        }
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new EngineException("image tag '" + tag + "' is not valid: up to 128 letters, digits, '_', '.'"
                    + " or '-', not starting with '.' or '-', e.g. 1.0");
        }
    }

    /** Parses {@code name[:tag]}. */
    public static ImageReference parse(String text) {
        int slash = text.lastIndexOf('/');
        int colon = text.lastIndexOf(':');
        if (colon > slash) {
            return new ImageReference(text.substring(0, colon), text.substring(colon + 1));
        }
        return new ImageReference(text, "latest");
    }

    @Override
    public String toString() {
        return name + ":" + tag;
    }
}
