package org.remixstudio.engine.deb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.remixstudio.engine.control.Paragraph;

/**
 * What a package's {@code control.tar} says about it (deb(5), Debian policy §3.8 and §D): the
 * {@code control} paragraph, the conffiles, the md5sums of its files and every other control file,
 * maintainer scripts included.
 *
 * @param fields    the {@code control} file's single paragraph
 * @param conffiles absolute paths listed in {@code conffiles}, flags such as {@code remove-on-upgrade} dropped
 * @param md5sums   tree path (e.g. {@code usr/bin/bash}) → lowercase hex MD5, from {@code md5sums}
 * @param files     every regular file of control.tar by name, {@code control} itself included
 */
public record DebControl(Paragraph fields, List<String> conffiles, Map<String, String> md5sums,
                         Map<String, ControlFile> files) {

    /** The maintainer scripts dpkg runs, in the order of their lifecycle. */
    public static final List<String> MAINTAINER_SCRIPTS = List.of("preinst", "postinst", "prerm", "postrm", "config");

    public DebControl {
        conffiles = List.copyOf(conffiles);
        md5sums = Collections.unmodifiableMap(new LinkedHashMap<>(md5sums));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public String packageName() {
        return fields.get("Package", "");
    }

    public String version() {
        return fields.get("Version", "");
    }

    public String architecture() {
        return fields.get("Architecture", "");
    }

    /** A control file by name, e.g. {@code postinst}, {@code triggers}, {@code shlibs}. */
    public Optional<ControlFile> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The maintainer scripts this package ships, by name. */
    public Map<String, ControlFile> maintainerScripts() {
        Map<String, ControlFile> scripts = new LinkedHashMap<>();
        for (String name : MAINTAINER_SCRIPTS) {
            file(name).ifPresent(f -> scripts.put(name, f));
        }
        return Collections.unmodifiableMap(scripts);
    }

    /** Names of all control files, for display. */
    public Set<String> fileNames() {
        return files.keySet();
    }
}
