package org.remixstudio.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.ToolRunner;

class QemuLauncherTest {

    @TempDir
    Path tmp;

    @Test
    void diskFormat_isToldByTheMagicBytesOfFilesQemuImgMade() throws Exception {
        for (String format : List.of("qcow2", "vmdk", "raw")) {
            Path image = tmp.resolve("disk." + format);
            ToolRunner.run(List.of("qemu-img", "create", "-q", "-f", format, image.toString(), "16M"));
            assertThat(DiskFormat.of(image).qemuName()).as(format).isEqualTo(format);
        }
        assertThat(DiskFormat.of(Files.createFile(tmp.resolve("empty")))).isEqualTo(DiskFormat.RAW);
    }

    @Test
    void firmware_isFoundInTheHostsOvmfPackage_andVarsAreAPrivateCopy() throws Exception {
        QemuLauncher launcher = new QemuLauncher(Path.of("/"));
        QemuLauncher.Firmware firmware = launcher.firmware("amd64").orElseThrow();

        Path vars = launcher.prepareVars(firmware, tmp);

        assertThat(firmware.code().getFileName().toString()).startsWith("OVMF_CODE");
        assertThat(Files.mismatch(vars, firmware.varsTemplate())).isEqualTo(-1);
        assertThat(vars.getParent()).isEqualTo(tmp);
        assertThat(new QemuLauncher(tmp).firmware("amd64")).isEmpty();
    }

    @Test
    void command_bootsUefiFromVirtio_withTheSerialConsoleOnStdio() {
        QemuLauncher.Firmware fw = new QemuLauncher.Firmware(Path.of("/fw/CODE.fd"), Path.of("/fw/VARS.fd"));
        List<String> cmd = new QemuLauncher(Path.of("/")).command(Path.of("/img/web.qcow2"), DiskFormat.QCOW2, "amd64",
                fw, Path.of("/tmp/vars.fd"), new QemuLauncher.Options(2048, 2, true, 2222), false);

        assertThat(cmd.get(0)).isEqualTo("qemu-system-x86_64");
        assertThat(String.join(" ", cmd)).contains("-machine q35 -accel tcg -cpu max -m 2048")
                .contains("if=pflash,format=raw,unit=0,readonly=on,file=/fw/CODE.fd")
                .contains("if=pflash,format=raw,unit=1,file=/tmp/vars.fd")
                .contains("if=virtio,format=qcow2,file=/img/web.qcow2,snapshot=on")
                .contains("hostfwd=tcp:127.0.0.1:2222-:22")
                .endsWith("-display none -serial mon:stdio");
    }

    @Test
    void kvmUsable_neverClaimsKvmForAForeignArchitectureOrWithoutDevKvm() {
        assertThat(QemuLauncher.kvmUsable("arm64")).isFalse();
        if (!Files.isWritable(Path.of("/dev/kvm"))) {
            assertThat(QemuLauncher.kvmUsable("amd64")).isFalse();
        }
    }
}
