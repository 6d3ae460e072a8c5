/**
 * The deb822 control-file syntax shared by {@code Packages}, {@code Release}, {@code InRelease}
 * bodies and {@code *.sources} files. Knows nothing of what the fields mean.
 */
package org.remixstudio.engine.control;
