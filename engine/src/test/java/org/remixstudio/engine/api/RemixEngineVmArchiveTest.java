package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remixstudio.engine.testing.ContainerTools.sh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.SerialConsole;

/**
 * VM export end to end against the real archive: the vm-bookworm example is built as qcow2, raw and
 * VMDK disks (written entirely by the engine), each checked by the real tools — {@code qemu-img
 * check}/{@code info}/{@code compare}, {@code sfdisk --verify}, {@code fsck.fat -n} on the ESP,
 * {@code e2fsck -fn} and {@code debugfs} on the root filesystem, libvirt on the domain XML — and
 * the qcow2 is booted with OVMF under QEMU (software emulation where KVM does not work) to a login
 * prompt, where the spec's user logs in and runs commands.
 */
@Tag("archive")
class RemixEngineVmArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static final RemixEngine ENGINE = new RemixEngine(EngineSettings.defaults().withCacheDir(CACHE));
    private static BuildResult qcow2;
    private static BuildResult raw;

    private static Path example() {
        return Path.of(System.getProperty("user.dir")).resolve("../docs/examples/vm-bookworm.remix.json").normalize();
    }

    private static BuildRequest request(String file, BuildRequest.Format format) {
        return new BuildRequest(example(), dir.resolve(file), format, false, null, List.of());
    }

    @BeforeAll
    static void build() {
        qcow2 = ENGINE.build(request("vm.qcow2", BuildRequest.Format.QCOW2), e -> { });
        raw = ENGINE.build(request("vm.raw", BuildRequest.Format.RAW), e -> { });
    }

    /** The byte offset and size of partition {@code index} of the raw disk, from sfdisk. */
    private static long[] partition(int index) throws Exception {
        JsonNode table = JSON.readTree(sh("sfdisk", "--json", raw.output().toString())).get("partitiontable");
        JsonNode p = table.get("partitions").get(index);
        return new long[] {p.get("start").asLong() * 512, p.get("size").asLong() * 512};
    }

    private static Path extract(int index, String name) throws Exception {
        long[] p = partition(index);
        Path out = dir.resolve(name);
        sh("dd", "if=" + raw.output(), "of=" + out, "bs=1M", "iflag=skip_bytes,count_bytes", "skip=" + p[0],
                "count=" + p[1], "status=none");
        return out;
    }

    @Test
    void disk_hasTheVmEssentialsLayer_andPassesTheRealTools() throws Exception {
        assertThat(qcow2.layers()).extracting(BuildResult.Layer::name)
                .containsExactly("base", "tools", "vm-essentials", "customizations");
        assertThat(qcow2.digest()).startsWith("sha256:");
        assertThat(sh("qemu-img", "check", qcow2.output().toString())).contains("No errors were found");
        JsonNode info = JSON.readTree(sh("qemu-img", "info", "--output=json", qcow2.output().toString()));
        assertThat(info.get("format").asText()).isEqualTo("qcow2");
        assertThat(info.get("virtual-size").asLong()).isEqualTo(Files.size(raw.output()));
        assertThat(info.get("format-specific").get("data").get("corrupt").asBoolean()).isFalse();
        assertThat(sh("qemu-img", "compare", raw.output().toString(), qcow2.output().toString()))
                .contains("Images are identical");
        assertThat(sh("sfdisk", "--verify", raw.output().toString())).contains("No errors detected");

        Path esp = extract(0, "esp.img");
        sh("fsck.fat", "-n", esp.toString());
        assertThat(sh("mtype", "-i", esp.toString(), "::/loader/entries/remix.conf"))
                .contains("root=PARTUUID=" + JSON.readTree(sh("sfdisk", "--json", raw.output().toString()))
                        .get("partitiontable").get("partitions").get(1).get("uuid").asText().toLowerCase())
                .contains("console=ttyS0");
        assertThat(sh("mdir", "-b", "-i", esp.toString(), "::/EFI/BOOT")).contains("BOOTX64.EFI");

        Path root = extract(1, "root.img");
        assertThat(sh("e2fsck", "-fn", root.toString())).contains("Pass 5");
        String fsUuid = sh("blkid", "-s", "UUID", "-o", "value", root.toString()).strip();
        assertThat(sh("debugfs", "-R", "cat /etc/fstab", root.toString()))
                .contains("UUID=" + fsUuid + " / ext4");
        assertThat(sh("debugfs", "-R", "stat /etc/machine-id", root.toString())).contains("Size: 0");
        assertThat(sh("debugfs", "-R", "ls /usr/share/remix-studio/sbom", root.toString())).contains("vm-bookworm.spdx.json");
    }

    @Test
    void disk_isReproducible_andAlsoWritesAVmdkAndACompressedQcow2WithTheSameContent() throws Exception {
        BuildResult again = ENGINE.build(request("again.qcow2", BuildRequest.Format.QCOW2), e -> { });
        BuildResult vmdk = ENGINE.build(request("vm.vmdk", BuildRequest.Format.VMDK), e -> { });

        assertThat(again.digest()).isEqualTo(qcow2.digest());
        JsonNode info = JSON.readTree(sh("qemu-img", "info", "--output=json", vmdk.output().toString()));
        assertThat(info.get("format").asText()).isEqualTo("vmdk");
        assertThat(info.get("format-specific").get("data").get("create-type").asText()).isEqualTo("streamOptimized");
        assertThat(sh("qemu-img", "compare", raw.output().toString(), vmdk.output().toString()))
                .contains("Images are identical");

        BuildResult compressed = ENGINE.build(request("packed.qcow2", BuildRequest.Format.QCOW2).withCompression(true),
                e -> { });
        assertThat(sh("qemu-img", "check", compressed.output().toString())).contains("No errors were found")
                .containsPattern("[1-9][0-9.]*% compressed clusters");
        assertThat(compressed.size()).isLessThan(qcow2.size());
        assertThat(sh("qemu-img", "compare", raw.output().toString(), compressed.output().toString()))
                .contains("Images are identical");
    }

    @Test
    void domainXml_isDefinedByLibvirt() throws Exception {
        assertThat(qcow2.domainXml()).isEqualTo(dir.resolve("vm.xml"));
        sh("virt-xml-validate", qcow2.domainXml().toString(), "domain");
        assertThat(sh("virsh", "-c", "test:///default", "define", qcow2.domainXml().toString()))
                .contains("Domain 'vm-bookworm' defined");
    }

    @Test
    void disk_bootsToALoginPrompt_whereTheSpecsUserLogsIn() throws Exception {
        BootCommand boot = ENGINE.prepareBoot(qcow2.output(), "amd64", 1024, true, null);
        try (SerialConsole console = SerialConsole.start(boot.command())) {
            int at = console.await("remix-vm login:", 0, Duration.ofMinutes(6));
            console.type("remix");
            at = console.await("Password:", at, Duration.ofMinutes(1));
            console.type("remix");
            at = console.await("$ ", at, Duration.ofMinutes(1));
            // the marker is split so that the echo of the typed line cannot match it
            console.type("id; systemctl is-system-running --wait; networkctl list --no-legend | head -3; echo BOOT-\\OK");
            at = console.await("BOOT-OK", at, Duration.ofMinutes(3));
            String session = console.output();
            assertThat(session).contains("uid=1000(remix) gid=1000(remix)");
            String answers = session.substring(session.lastIndexOf("systemctl is-system-running"));
            assertThat(answers).contains("running").doesNotContain("degraded");
            // DHCP on the ethernet link, by systemd-networkd as the VM essentials set it up: an address and a
            // route ("routable"; IPv6 may still be "configuring")
            assertThat(answers).containsPattern("en\\w+\\s+ether\\s+routable");
        } finally {
            boot.cleanUp();
        }
    }

    @Test
    void aDiskTooSmallForThePackages_isRefusedBeforeAnythingIsFetched() {
        assertThatThrownBy(() -> ENGINE.build(request("small.qcow2", BuildRequest.Format.QCOW2)
                .withDiskSize(300L << 20), e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("too small").hasMessageContaining("--disk-size");
        assertThat(dir.resolve("small.qcow2")).doesNotExist();
    }
}
