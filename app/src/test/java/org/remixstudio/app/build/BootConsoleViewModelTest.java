package org.remixstudio.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.engine.api.BootCommand;
import org.remixstudio.engine.api.EngineException;

/**
 * The boot console with a stand-in for QEMU: a shell that prints a boot log with terminal escapes
 * and then echoes its input ({@code cat}), as a serial console does.
 */
class BootConsoleViewModelTest {

    @TempDir
    Path dir;

    private BootConsoleViewModel vm;

    @AfterEach
    void stop() throws Exception {
        if (vm != null) {
            FxToolkit.onFx(vm::stop);
        }
    }

    private BootCommand fake(String script) throws Exception {
        Path vars = Files.writeString(dir.resolve("OVMF_VARS.fd"), "vars");
        return new BootCommand(List.of("sh", "-c", script), false, vars);
    }

    @Test
    void console_showsTheOutputWithoutEscapes_andSendsTypedLinesToTheGuest() throws Exception {
        BootCommand command = fake("printf '\\033[2J\\033[0;32m  OK  \\033[0m] Reached target Login.\\r\\n\\r\\nvm login: '; cat");
        vm = FxToolkit.onFx(() -> new BootConsoleViewModel());
        List<String> batches = new ArrayList<>();
        FxToolkit.onFx(() -> {
            vm.onOutput(batches::add);
            vm.start(() -> command);
        });

        FxToolkit.waitFor("the login prompt", () -> vm.text().endsWith("vm login: "));
        assertThat(FxToolkit.onFx(vm::text)).isEqualTo("  OK  ] Reached target Login.\n\nvm login: ");
        assertThat(FxToolkit.onFx(() -> vm.runningProperty().get())).isTrue();
        assertThat(FxToolkit.onFx(() -> vm.errorProperty().get())).isEmpty();

        FxToolkit.onFx(() -> vm.sendLine("root"));
        FxToolkit.onFx(() -> vm.send("\n"));
        // cat echoes "root\r\n": the carriage return of the Enter key is not shown
        FxToolkit.waitFor("the echo", () -> vm.text().endsWith("vm login: root\n"));
        assertThat(FxToolkit.onFx(() -> String.join("", batches))).isEqualTo(FxToolkit.onFx(vm::text));

        FxToolkit.onFx(vm::stop);
        FxToolkit.waitFor("the end", () -> !vm.runningProperty().get());
        assertThat(FxToolkit.onFx(() -> vm.statusProperty().get())).contains("was stopped");
        assertThat(command.varsFile()).doesNotExist();
    }

    @Test
    void console_aFloodOfOutput_reachesTheFxThreadInFewerBatchesThanLines() throws Exception {
        BootCommand command = fake("i=0; while [ $i -lt 20000 ]; do printf '\\033[1m%d\\033[0m\\r\\n' $i; i=$((i+1)); done");
        vm = FxToolkit.onFx(() -> new BootConsoleViewModel());
        List<String> batches = new ArrayList<>();
        List<Boolean> onFx = new ArrayList<>();
        FxToolkit.onFx(() -> {
            vm.onOutput(b -> {
                batches.add(b);
                onFx.add(javafx.application.Platform.isFxApplicationThread());
            });
            vm.start(() -> command);
        });

        FxToolkit.waitFor("the guest to end", () -> !vm.runningProperty().get() && vm.text().endsWith("19999\n"));
        String text = FxToolkit.onFx(vm::text);
        assertThat(text.lines()).hasSize(20_000).startsWith("0", "1", "2").endsWith("19999");
        assertThat(FxToolkit.onFx(batches::size)).isLessThan(20_000);
        assertThat(FxToolkit.onFx(() -> List.copyOf(onFx))).containsOnly(true);
        assertThat(FxToolkit.onFx(() -> vm.statusProperty().get())).contains("exit code 0");
        assertThat(command.varsFile()).doesNotExist();
    }

    @Test
    void console_whenTheEngineCannotBoot_showsItsMessage() throws Exception {
        vm = FxToolkit.onFx(() -> new BootConsoleViewModel());
        FxToolkit.onFx(() -> vm.start(() -> {
            throw new EngineException("qemu-system-x86_64 is not installed; install QEMU (Debian: apt-get install qemu-system-x86)");
        }));

        FxToolkit.waitFor("the error", () -> !vm.errorProperty().get().isEmpty());
        assertThat(FxToolkit.onFx(() -> vm.errorProperty().get())).contains("apt-get install qemu-system-x86");
        assertThat(FxToolkit.onFx(() -> vm.runningProperty().get())).isFalse();
    }

    @Test
    void console_aCommandThatCannotStart_isReported_andItsFilesRemoved() throws Exception {
        Path vars = Files.writeString(dir.resolve("vars.fd"), "vars");
        BootCommand missing = new BootCommand(List.of(dir.resolve("no-such-emulator").toString()), false, vars);
        vm = FxToolkit.onFx(() -> new BootConsoleViewModel());
        FxToolkit.onFx(() -> vm.start(() -> missing));

        FxToolkit.waitFor("the error", () -> !vm.errorProperty().get().isEmpty());
        assertThat(FxToolkit.onFx(() -> vm.errorProperty().get())).contains("no-such-emulator");
        assertThat(vars).doesNotExist();
    }

    @Test
    void console_keepsOnlyTheLatestText() throws Exception {
        BootCommand command = fake("head -c 1000000 /dev/zero | tr '\\0' 'x'; printf 'END'");
        vm = FxToolkit.onFx(() -> new BootConsoleViewModel());
        FxToolkit.onFx(() -> vm.start(() -> command));

        FxToolkit.waitFor("the end", () -> !vm.runningProperty().get() && vm.text().endsWith("END"));
        assertThat(FxToolkit.onFx(vm::text).length()).isLessThanOrEqualTo(BootConsoleViewModel.MAX_CHARS);
    }
}
