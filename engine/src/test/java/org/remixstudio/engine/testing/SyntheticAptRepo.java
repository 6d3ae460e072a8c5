package org.remixstudio.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.catalog.RelationGroup;

/**
 * Asks the host's real apt about a small catalog written in a test: writes the catalog as a flat
 * {@code file:} repository (a Packages index, policy §5.3), points a private apt configuration at
 * it, and runs {@code apt-get --simulate install}. Lets unit tests check their expectations against
 * apt itself without any network.
 */
public final class SyntheticAptRepo {

    /** apt's answer: the packages it would install ({@code name version}, sorted), or its error output. */
    public record Answer(boolean ok, List<String> installs, String output) {
    }

    private SyntheticAptRepo() {
    }

    public static Answer install(Catalog catalog, List<String> args, boolean recommends) {
        return run(catalog, List.of(args), recommends);
    }

    /**
     * mmdebstrap's two apt calls on the synthetic repository (as {@link AptOracle} replays them on the
     * real archive): {@code ?essential} on an empty system, then {@code includes} plus the minbase
     * pattern with the first call's packages in the dpkg status file. The answer is the union.
     */
    public static Answer minbase(Catalog catalog, List<String> includes, boolean recommends) {
        List<String> second = new ArrayList<>(includes);
        second.add("?and(?priority(required),?not(?essential))");
        return run(catalog, List.of(List.of("?essential"), second), recommends);
    }

    private static Answer run(Catalog catalog, List<List<String>> calls, boolean recommends) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("synthetic-apt");
            Path repo = dir.resolve("repo");
            Files.createDirectories(repo);
            Files.writeString(repo.resolve("Packages"), packagesIndex(catalog), StandardCharsets.UTF_8);
            for (String sub : List.of("lists/partial", "cache/archives/partial", "etc/apt.conf.d", "etc/preferences.d")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("status"), "");
            Files.writeString(dir.resolve("sources.list"), "deb [trusted=yes] file:" + repo + " ./\n");
            Files.write(dir.resolve("apt.conf"), List.of(
                    "Apt::Architecture \"amd64\";",
                    "Apt::Architectures \"amd64\";",
                    "Dir::Etc::SourceList \"" + dir.resolve("sources.list") + "\";",
                    "Dir::Etc::SourceParts \"/dev/null\";",
                    "Dir::Etc::Parts \"" + dir.resolve("etc/apt.conf.d") + "\";",
                    "Dir::Etc::Preferences \"/dev/null\";",
                    "Dir::Etc::PreferencesParts \"" + dir.resolve("etc/preferences.d") + "\";",
                    "Dir::State \"" + dir + "\";",
                    "Dir::State::Lists \"" + dir.resolve("lists") + "\";",
                    "Dir::State::Status \"" + dir.resolve("status") + "\";",
                    "Dir::State::extended_states \"" + dir.resolve("extended_states") + "\";",
                    "Dir::Cache \"" + dir.resolve("cache") + "\";",
                    "Dir::Cache::pkgcache \"\";",
                    "Dir::Cache::srcpkgcache \"\";",
                    "pkgCacheGen::ForceEssential \",\";",
                    "Apt::Install-Recommends \"" + recommends + "\";",
                    "Acquire::Languages \"none\";"), StandardCharsets.UTF_8);
            Path conf = dir.resolve("apt.conf");
            Run update = run(conf, List.of("apt-get", "-q", "update"));
            if (update.code != 0) {
                throw new IllegalStateException("apt-get update on the synthetic repository failed:\n" + update.output);
            }
            java.util.TreeMap<String, String> inst = new java.util.TreeMap<>();
            StringBuilder output = new StringBuilder();
            for (List<String> args : calls) {
                List<String> cmd = new ArrayList<>(List.of("apt-get", "-s", "-y", "install"));
                cmd.addAll(args);
                Run r = run(conf, cmd);
                output.append(r.output);
                if (r.code != 0) {
                    return new Answer(false, AptOutput.lines(inst), output.toString());
                }
                AptOutput.apply(r.output, inst);
                // what this call installed is installed for the next one, as dpkg would record it
                Files.writeString(dir.resolve("status"), statusFile(catalog, AptOutput.lines(inst)), StandardCharsets.UTF_8);
            }
            return new Answer(true, AptOutput.lines(inst), output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up a synthetic apt repository", e);
        } finally {
            if (dir != null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            }
        }
    }

    private static String statusFile(Catalog catalog, List<String> installed) {
        List<BinaryPackage> entries = new ArrayList<>();
        for (BinaryPackage p : catalog.all()) {
            if (installed.contains(p.name() + " " + p.version())) {
                entries.add(p);
            }
        }
        return stanzas(entries, true);
    }

    /** The catalog as a Packages index, entries in catalog order. */
    public static String packagesIndex(Catalog catalog) {
        return stanzas(catalog.all(), false);
    }

    private static String stanzas(List<BinaryPackage> packages, boolean installed) {
        StringBuilder sb = new StringBuilder();
        for (BinaryPackage p : packages) {
            sb.append("Package: ").append(p.name()).append('\n');
            if (installed) {
                sb.append("Status: install ok installed\n");
            }
            sb.append("Version: ").append(p.version()).append('\n');
            sb.append("Architecture: ").append(p.architecture()).append('\n');
            if (p.multiArch() != MultiArch.NO) {
                sb.append("Multi-Arch: ").append(p.multiArch().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
            }
            if (p.essential()) {
                sb.append("Essential: yes\n");
            }
            if (p.important()) {
                sb.append("Protected: yes\n");
            }
            if (p.priority() != Priority.UNKNOWN) {
                sb.append("Priority: ").append(p.priority().label()).append('\n');
            }
            field(sb, "Pre-Depends", p.preDepends());
            field(sb, "Depends", p.depends());
            field(sb, "Recommends", p.recommends());
            field(sb, "Conflicts", p.conflicts());
            field(sb, "Breaks", p.breaks());
            if (!p.provides().isEmpty()) {
                sb.append("Provides: ").append(p.provides().stream().map(PackageRelation::toString)
                        .collect(Collectors.joining(", "))).append('\n');
            }
            sb.append("Filename: pool/").append(p.name()).append('_').append(p.version()).append(".deb\n");
            sb.append("Size: 1\nDescription: ").append(p.name()).append("\n\n");
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, List<RelationGroup> groups) {
        if (!groups.isEmpty()) {
            sb.append(name).append(": ").append(groups.stream().map(RelationGroup::toString)
                    .collect(Collectors.joining(", "))).append('\n');
        }
    }

    private record Run(int code, String output) {
    }

    private static Run run(Path conf, List<String> cmd) throws IOException {
        Path log = Files.createTempFile("apt", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("APT_CONFIG", conf.toString());
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process process = pb.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("apt did not finish in 2 minutes: " + cmd);
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running apt", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
