/**
 * License policies: a JSON document that allows, warns about or denies licenses by SPDX id or by
 * category, read with errors that name the file and the JSON path, and evaluated for the packages of a
 * resolved remix; each finding names the package, its license, the layer that brought it in and the
 * chain of dependencies that pulled it.
 */
package org.remixstudio.engine.license.policy;
