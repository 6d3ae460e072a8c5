package org.remixstudio.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * apt's answer for what a real (not dry-run) mmdebstrap installs. mmdebstrap's {@code --simulate}
 * runs its second apt call on an empty status file, because in a dry run the Essential packages of
 * the first call were never unpacked; a real run makes that call with them installed, which can
 * change apt's choices (a dependency on {@code lsb-base} is then met by the installed
 * {@code sysvinit-utils}, which provides it). This class replays mmdebstrap's two apt calls
 * (mmdebstrap 1.3.5 {@code run_download} and {@code run_install}) with the host's apt on a private
 * apt directory, giving the second call a dpkg status file that lists the first call's packages as
 * installed. Answers are cached under {@code /tmp/remix-test-archive/oracle-real}.
 */
public final class AptOracle {

    private static final Path ROOT = Path.of("/tmp/remix-test-archive");

    private AptOracle() {
    }

    /** Sorted {@code name version} lines of every package a real mmdebstrap run installs (amd64). */
    public static List<String> answer(String release, String variant, String include) {
        return answer(release, "amd64", variant, include, false);
    }

    /** The same for another architecture, or with Recommends installed. */
    public static List<String> answer(String release, String arch, String variant, String include,
            boolean recommends) {
        String key = OracleKey.of(release, arch, variant, include, recommends);
        Path file = ROOT.resolve("oracle-real").resolve(key + ".txt");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                Files.createDirectories(file.getParent());
                List<String> lines = compute(release, arch, variant, include, recommends);
                Path tmp = Files.createTempFile(file.getParent(), "answer", ".part");
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compute or cache apt's answer in " + file, e);
        }
    }

    private static synchronized Path aptDir(String release, String arch) throws IOException {
        Path dir = ROOT.resolve("apt").resolve(release + "-" + arch);
        Path conf = dir.resolve("apt.conf");
        if (Files.isRegularFile(conf)) {
            return dir;
        }
        Files.createDirectories(dir.resolve("lists/partial"));
        Files.createDirectories(dir.resolve("cache/archives/partial"));
        Files.createDirectories(dir.resolve("etc/apt.conf.d"));
        Files.createDirectories(dir.resolve("etc/preferences.d"));
        List<String> sources = new ArrayList<>();
        for (String suite : RealArchive.suites(release)) {
            sources.add("deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
                    + RealArchive.mirrorFor(suite) + " " + suite + " main");
        }
        Files.write(dir.resolve("sources.list"), sources, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("status"), "");
        Files.write(dir.resolve("apt.conf.base"), List.of(
                "Apt::Architecture \"" + arch + "\";",
                "Apt::Architectures \"" + arch + "\";",
                "Dir::Etc::SourceList \"" + dir.resolve("sources.list") + "\";",
                "Dir::Etc::SourceParts \"/dev/null\";",
                "Dir::Etc::Parts \"" + dir.resolve("etc/apt.conf.d") + "\";",
                "Dir::Etc::Preferences \"/dev/null\";",
                "Dir::Etc::PreferencesParts \"" + dir.resolve("etc/preferences.d") + "\";",
                "Dir::State \"" + dir + "\";",
                "Dir::State::Lists \"" + dir.resolve("lists") + "\";",
                "Dir::State::extended_states \"" + dir.resolve("extended_states") + "\";",
                "Dir::Cache \"" + dir.resolve("cache") + "\";",
                "Dir::Cache::pkgcache \"\";",
                "Dir::Cache::srcpkgcache \"\";",
                // what mmdebstrap puts in its apt.conf and 00mmdebstrap
                "pkgCacheGen::ForceEssential \",\";",
                "Apt::Install-Recommends \"false\";",
                "Acquire::Languages \"none\";"), StandardCharsets.UTF_8);
        Path tmpConf = dir.resolve("apt.conf.update");
        Files.write(tmpConf, withStatus(dir, dir.resolve("status")), StandardCharsets.UTF_8);
        run(tmpConf, List.of("apt-get", "-q", "update"));
        Files.move(tmpConf, conf, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    private static List<String> withStatus(Path dir, Path status) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("apt.conf.base")));
        lines.add("Dir::State::Status \"" + status + "\";");
        return lines;
    }

    private static List<String> compute(String release, String arch, String variant, String include,
            boolean recommends) throws IOException {
        Path dir = aptDir(release, arch);
        Path work = Files.createTempDirectory(ROOT, "apt-run");
        try {
            Path status = work.resolve("status");
            Files.writeString(status, "");
            Path conf = work.resolve("apt.conf");
            List<String> confLines = withStatus(dir, status);
            confLines.add("Apt::Install-Recommends \"" + recommends + "\";");
            Files.write(conf, confLines, StandardCharsets.UTF_8);
            String narrow = "?narrow(?or(?archive(^" + release + "$),?codename(^" + release + "$)),?architecture("
                    + arch + "),";
            java.util.TreeMap<String, String> result = new java.util.TreeMap<>();
            List<String> first = new ArrayList<>();
            if (!variant.equals("custom")) {
                AptOutput.apply(String.join("\n", run(conf, List.of("apt-get", "-s", "-y", "install",
                        narrow + "?essential)"))), result);
                first = AptOutput.lines(result);
            }
            List<String> args = new ArrayList<>(List.of("apt-get", "-s", "-y", "install"));
            if (include != null) {
                args.addAll(List.of(include.split("[,\\s]+"))); // mmdebstrap splits --include like this
            }
            String priority = switch (variant) {
                case "minbase", "required" -> "?and(?priority(required),?not(?essential))";
                case "important" -> "?and(?or(?priority(required),?priority(important)),?not(?essential))";
                case "standard" -> "?and(?or(~prequired,~pimportant,~pstandard),?not(?essential))";
                default -> null;
            };
            if (priority != null) {
                args.add(narrow + priority + ")");
            }
            if (args.size() > 4) {
                if (!first.isEmpty()) {
                    List<String> show = new ArrayList<>(List.of("apt-cache", "show"));
                    first.forEach(l -> show.add(l.replace(' ', '=')));
                    StringBuilder sb = new StringBuilder();
                    for (String line : run(conf, show)) {
                        sb.append(line).append('\n');
                        if (line.startsWith("Package: ")) {
                            sb.append("Status: install ok installed\n");
                        }
                    }
                    Files.writeString(status, sb.toString());
                }
                AptOutput.apply(String.join("\n", run(conf, args)), result);
            }
            return AptOutput.lines(result);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> run(Path conf, List<String> cmd) throws IOException {
        Path log = Files.createTempFile("apt", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("APT_CONFIG", conf.toString());
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process process = pb.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("apt did not finish in 10 minutes: " + cmd);
            }
            List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("apt failed (" + process.exitValue() + "): " + cmd + "\n"
                        + String.join("\n", output.subList(Math.max(0, output.size() - 15), output.size())));
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running apt", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
