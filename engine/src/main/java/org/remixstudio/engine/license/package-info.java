/**
 * The licenses of Debian packages: reads {@code /usr/share/doc/PKG/copyright} straight out of a
 * verified {@code .deb}, parses machine-readable (DEP-5) files fully and detects licenses in free-form
 * ones, normalizes Debian's short names to SPDX expressions, sorts licenses into categories, and keeps
 * each source package's result in a SQLite store so that it is read once ever. Every result says how it
 * was found (declared, detected, unknown with a reason), so nothing unknown is presented as known.
 */
package org.remixstudio.engine.license;
