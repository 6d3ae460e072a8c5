package org.remixstudio.engine.build;

/** {@link RootfsBuilderArchiveTest} for bookworm, the host's release: usrmerge converts the tree to merged /usr while configuring. */
class RootfsBuilderBookwormArchiveTest extends RootfsBuilderArchiveTest {

    @Override
    protected String release() {
        return "bookworm";
    }
}
