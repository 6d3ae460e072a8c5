/**
 * Dependency resolution that gives exactly the package set apt gives for the same request. The
 * marking code ({@code DepCache}, {@code ProviderOrder}, {@code AptInstallRun}, {@code AutoRemover})
 * is a port of apt 2.6's {@code depcache.cc} and {@code private-install.cc}, kept close to the C++ so
 * differences can be checked line by line; {@code Resolver} drives it the way mmdebstrap does
 * (Essential set first, then the requested and priority packages) and reports why each package is
 * there.
 */
package org.remixstudio.engine.resolve;
