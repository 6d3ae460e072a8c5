package org.remixstudio.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's docs folder as tests see it: Maven runs the engine's tests in the engine directory. */
final class DocsFiles {

    private DocsFiles() {
    }

    static Path docs() {
        Path docs = Path.of(System.getProperty("user.dir")).resolve("../docs").normalize();
        assertThat(docs.resolve("spec.md")).as("docs/spec.md beside the engine module").exists();
        return docs;
    }

    static Path schema() {
        return docs().resolve("remix-spec.schema.json");
    }

    /** Every {@code *.remix.json} in docs/examples, sorted by name. */
    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(docs().resolve("examples"))) {
            return files.filter(RemixSpecFiles::isSpecFile).sorted().toList();
        }
    }

    static Path example(String name) {
        return docs().resolve("examples").resolve(name);
    }
}
