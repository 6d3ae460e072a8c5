package org.remixstudio.app.build;

import java.nio.file.Path;

/**
 * A VM disk the last build wrote, with what "Boot it" needs.
 *
 * @param image        the disk image
 * @param architecture the remix's Debian architecture (which emulator and firmware boot it)
 * @param domainXml    the libvirt domain written beside it, or null
 */
public record BootableDisk(Path image, String architecture, Path domainXml) {
}
