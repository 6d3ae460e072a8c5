/**
 * Build & export: choosing the output, running the engine's build in the background with progress
 * per step, a log and Cancel, and reporting the image's digest and size, or the engine's error in
 * readable words, without ever touching the remix being edited; for a VM disk, its size and kernel
 * flavour, and "Boot it" with the VM's serial console in a window.
 */
package org.remixstudio.app.build;
