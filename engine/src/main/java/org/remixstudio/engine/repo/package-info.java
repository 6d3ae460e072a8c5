/**
 * Reads apt repositories the way apt does: the host's sources ({@code sources.list(5)}, deb822 and
 * one-line), the signed {@code InRelease}/{@code Release} files verified with OpenPGP against the
 * source's keyring, the {@code Packages} indexes checked against the signed hashes, and a
 * content-addressed cache with compact catalog snapshots so that a second start needs no network and
 * loads in a fraction of a second. {@link org.remixstudio.engine.repo.RepositoryCatalogLoader} is the
 * entry point.
 */
package org.remixstudio.engine.repo;
