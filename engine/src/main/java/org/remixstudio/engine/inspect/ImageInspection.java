package org.remixstudio.engine.inspect;

import java.util.List;

/**
 * What an image archive holds.
 *
 * @param format {@code oci-archive+docker-archive} (what the engine writes), {@code oci-archive} or {@code docker-archive}
 * @param images the images in it, usually one
 */
public record ImageInspection(String format, List<InspectedImage> images) {

    public ImageInspection {
        images = List.copyOf(images);
    }
}
