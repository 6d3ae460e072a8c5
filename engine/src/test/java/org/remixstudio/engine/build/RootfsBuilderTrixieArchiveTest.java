package org.remixstudio.engine.build;

/** {@link RootfsBuilderArchiveTest} for trixie: base-files itself ships the merged-/usr links. */
class RootfsBuilderTrixieArchiveTest extends RootfsBuilderArchiveTest {

    @Override
    protected String release() {
        return "trixie";
    }
}
