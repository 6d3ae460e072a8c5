package org.remixstudio.engine.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so it never drifts from the pom. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = RemixCli.class.getPackage().getImplementationVersion();
        return new String[] {"remix " + (v == null ? "(development build)" : v)};
    }
}
