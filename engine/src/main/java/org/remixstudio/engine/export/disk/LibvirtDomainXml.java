package org.remixstudio.engine.export.disk;

import java.io.StringWriter;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The libvirt domain that boots an exported disk, written beside it so that {@code virsh define} and
 * {@code virsh start} (or virt-manager's "import") run it as the export intends: UEFI firmware chosen
 * by libvirt's automatic firmware selection ({@code <os firmware='efi'>}, libvirt 7.2+), a q35
 * machine, the disk on virtio, one virtio NIC on libvirt's {@code default} network, and the serial
 * console the image's kernel writes to. Format: https://libvirt.org/formatdomain.html (sections
 * "Operating system booting: BIOS bootloader", "Hard drives, floppy disks, CDROMs", "Network
 * interfaces", "Consoles, serial, parallel &amp; channel devices").
 *
 * @param name         the domain name (the image name)
 * @param disk         the image file; written as an absolute path, as libvirt requires
 * @param format       the disk's format as libvirt names it ({@code qcow2}, {@code raw}, {@code vmdk})
 * @param architecture a Debian architecture ({@code amd64} or {@code arm64})
 * @param memoryMib    guest memory in MiB
 * @param vcpus        virtual CPUs
 */
public record LibvirtDomainXml(String name, Path disk, String format, String architecture, int memoryMib, int vcpus) {

    /** The domain XML document. */
    public String xml() {
        boolean arm = architecture.equals("arm64");
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartElement("domain");
            x.writeAttribute("type", "kvm");
            text(x, "name", name);
            x.writeStartElement("memory");
            x.writeAttribute("unit", "MiB");
            x.writeCharacters(Integer.toString(memoryMib));
            x.writeEndElement();
            text(x, "vcpu", Integer.toString(vcpus));
            x.writeStartElement("os");
            x.writeAttribute("firmware", "efi");
            x.writeStartElement("type");
            x.writeAttribute("arch", arm ? "aarch64" : "x86_64");
            x.writeAttribute("machine", arm ? "virt" : "q35");
            x.writeCharacters("hvm");
            x.writeEndElement();
            x.writeEmptyElement("boot");
            x.writeAttribute("dev", "hd");
            x.writeEndElement();
            x.writeStartElement("features");
            x.writeEmptyElement("acpi");
            if (!arm) {
                x.writeEmptyElement("apic");
            }
            x.writeEndElement();
            x.writeStartElement("cpu");
            x.writeAttribute("mode", "host-passthrough");
            x.writeEndElement();
            x.writeStartElement("devices");
            x.writeStartElement("disk");
            x.writeAttribute("type", "file");
            x.writeAttribute("device", "disk");
            x.writeEmptyElement("driver");
            x.writeAttribute("name", "qemu");
            x.writeAttribute("type", format);
            x.writeEmptyElement("source");
            x.writeAttribute("file", disk.toAbsolutePath().normalize().toString());
            x.writeEmptyElement("target");
            x.writeAttribute("dev", "vda");
            x.writeAttribute("bus", "virtio");
            x.writeEndElement();
            x.writeStartElement("interface");
            x.writeAttribute("type", "network");
            x.writeEmptyElement("source");
            x.writeAttribute("network", "default");
            x.writeEmptyElement("model");
            x.writeAttribute("type", "virtio");
            x.writeEndElement();
            x.writeStartElement("serial");
            x.writeAttribute("type", "pty");
            x.writeEmptyElement("target");
            x.writeAttribute("port", "0");
            x.writeEndElement();
            x.writeStartElement("console");
            x.writeAttribute("type", "pty");
            x.writeEmptyElement("target");
            x.writeAttribute("type", "serial");
            x.writeAttribute("port", "0");
            x.writeEndElement();
            x.writeStartElement("rng");
            x.writeAttribute("model", "virtio");
            x.writeStartElement("backend");
            x.writeAttribute("model", "random");
            x.writeCharacters("/dev/urandom");
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement(); // devices
            x.writeEndElement(); // domain
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the domain XML", e);
        }
        return out + "\n";
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
