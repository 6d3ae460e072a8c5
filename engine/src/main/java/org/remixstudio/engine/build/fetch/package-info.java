/**
 * Gets the {@code .deb} files of a resolved package set: downloaded a few at a time through the
 * repository {@link org.remixstudio.engine.repo.Fetcher}, each checked against the SHA-256 of its
 * signed index entry, and kept in a content-addressed cache ({@code debs/sha256/<hash>}) so that a
 * verified file is never transferred twice.
 */
package org.remixstudio.engine.build.fetch;
