package org.remixstudio.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RemixSpecFilesTest {

    @Test
    void lockFileFor_sitsBesideTheSpec() {
        assertThat(RemixSpecFiles.lockFileFor(Path.of("/srv/specs/web.remix.json")))
                .isEqualTo(Path.of("/srv/specs/web.remix.lock.json"));
        assertThat(RemixSpecFiles.baseName(Path.of("a.b.remix.json"))).isEqualTo("a.b");
    }

    @Test
    void names_areRecognised() {
        assertThat(RemixSpecFiles.isSpecFile(Path.of("web.remix.json"))).isTrue();
        assertThat(RemixSpecFiles.isSpecFile(Path.of(".remix.json"))).isFalse();
        assertThat(RemixSpecFiles.isSpecFile(Path.of("web.remix.lock.json"))).isFalse();
        assertThat(RemixSpecFiles.isSpecFile(Path.of("web.json"))).isFalse();
        assertThat(RemixSpecFiles.isLockFile(Path.of("web.remix.lock.json"))).isTrue();
        assertThat(RemixSpecFiles.isLockFile(Path.of("web.remix.json"))).isFalse();
    }

    @Test
    void lockFileFor_aFileThatIsNoSpec_isRefused() {
        assertThatThrownBy(() -> RemixSpecFiles.lockFileFor(Path.of("web.json")))
                .hasMessage("web.json is not named like a remix spec: expected NAME.remix.json");
    }
}
