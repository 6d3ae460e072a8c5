/**
 * Test fixtures built with the real Debian tools: signed apt archives ({@code dpkg-deb},
 * {@code apt-ftparchive}, {@code gpg}) and a loopback HTTP server to serve them. Shared by the repo,
 * catalog and resolver tests.
 */
package org.remixstudio.engine.testing;
