/**
 * The image build pipeline: a remix spec is resolved layer by layer into full package sets, the
 * packages are fetched, the base tree is built and each further layer's packages are installed on it
 * with the image's own dpkg; each step's tree change becomes one OCI layer, and the layers are
 * written as an image archive, an OCI directory or a flat root filesystem tar.
 */
package org.remixstudio.engine.build.pipeline;
