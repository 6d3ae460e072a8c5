/**
 * What {@code dpkg --unpack} does, done in Java for a whole package set: the install order, the
 * parallel extraction of every {@code data.tar} into the tree, and dpkg's database
 * ({@code /var/lib/dpkg}: status, file lists, md5sums, maintainer scripts, trigger interests) in the
 * exact formats dpkg writes, so that {@code dpkg --configure -a} can finish the job.
 */
package org.remixstudio.engine.build.dpkg;
