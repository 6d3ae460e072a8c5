package org.remixstudio.engine.build;

import java.nio.file.Path;
import org.remixstudio.engine.build.sandbox.Sandbox;
import org.remixstudio.engine.build.sandbox.SandboxMode;

/** Deletes a tree built in a user namespace, as the user who built it; started by the user namespace test. */
public final class RemoveTreeMain {

    private RemoveTreeMain() {
    }

    public static void main(String[] args) {
        Sandbox.removeTree(Path.of(args[0]), SandboxMode.USER_NAMESPACE);
        System.out.println("removed");
    }
}
