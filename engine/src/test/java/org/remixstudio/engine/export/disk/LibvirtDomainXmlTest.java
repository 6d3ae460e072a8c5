package org.remixstudio.engine.export.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.ToolRunner;

class LibvirtDomainXmlTest {

    @TempDir
    Path tmp;

    @Test
    void xml_isAValidDomainThatLibvirtDefines() throws Exception {
        Path disk = Files.createFile(tmp.resolve("web & db.qcow2"));
        Path xml = Files.writeString(tmp.resolve("web.xml"),
                new LibvirtDomainXml("web", disk, "qcow2", "amd64", 1024, 2).xml());

        ToolRunner.run(List.of("virt-xml-validate", xml.toString(), "domain"));
        // the test driver parses the domain with libvirt's own code, no daemon needed
        String defined = ToolRunner.run(List.of("virsh", "-c", "test:///default", "define", xml.toString()));
        assertThat(defined).contains("Domain 'web' defined");
    }

    @Test
    void xml_bootsUefiFromAVirtioDiskWithASerialConsole() {
        String xml = new LibvirtDomainXml("web", Path.of("/images/web.qcow2"), "qcow2", "amd64", 2048, 2).xml();

        assertThat(xml).contains("<os firmware=\"efi\"><type arch=\"x86_64\" machine=\"q35\">hvm</type>")
                .contains("<driver name=\"qemu\" type=\"qcow2\"/><source file=\"/images/web.qcow2\"/>"
                        + "<target dev=\"vda\" bus=\"virtio\"/>")
                .contains("<memory unit=\"MiB\">2048</memory>")
                .contains("<console type=\"pty\"><target type=\"serial\" port=\"0\"/></console>");
        assertThat(new LibvirtDomainXml("a", Path.of("/a.raw"), "raw", "arm64", 512, 1).xml())
                .contains("<type arch=\"aarch64\" machine=\"virt\">hvm</type>");
    }
}
