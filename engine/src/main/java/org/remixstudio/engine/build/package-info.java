/**
 * Builds a working Debian root filesystem from a resolved package set: fetches and verifies the
 * {@code .deb}s, unpacks them in parallel in Java, writes dpkg's database, and configures the
 * packages with their own maintainer scripts inside an isolated sandbox, producing the tree that
 * mmdebstrap makes for the same set. The reference is mmdebstrap 1.3.5; the remaining differences are
 * listed in {@code docs/build-vs-mmdebstrap.md}.
 */
package org.remixstudio.engine.build;
