package org.remixstudio.engine.spec;

import org.remixstudio.engine.resolve.BaseVariant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;

class RemixSpecReaderTest {

    private final RemixSpecReader reader = new RemixSpecReader();

    /** A valid spec with {@code extra} members added at the end of the top-level object. */
    private static String spec(String extra) {
        return """
                {
                  "specVersion": 1,
                  "name": "test",
                  "suite": "bookworm"%s
                }
                """.formatted(extra.isEmpty() ? "" : ",\n  " + extra);
    }

    private List<SpecProblem> problems(String json) {
        SpecFormatException e = catchThrowableOfType(SpecFormatException.class, () -> reader.read(json, "t.remix.json"));
        assertThat(e).as("expected a format error for:\n" + json).isNotNull();
        assertThat(e.source()).isEqualTo("t.remix.json");
        return e.problems();
    }

    private SpecProblem onlyProblem(String json) {
        List<SpecProblem> problems = problems(json);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void read_minimalSpec_fillsEveryDefault() {
        RemixSpec spec = reader.read(spec(""), "t.remix.json");
        assertThat(spec).isEqualTo(RemixSpec.of("test", "bookworm", List.of()));
        assertThat(spec.sources()).isEqualTo(SourcesSpec.SYSTEM);
        assertThat(spec.architecture()).isEqualTo("amd64");
        assertThat(spec.variant()).isEqualTo(BaseVariant.MINBASE);
        assertThat(spec.recommends()).isFalse();
        assertThat(spec.description()).isEmpty();
        assertThat(spec.customizations().isEmpty()).isTrue();
        assertThat(spec.container().isEmpty()).isTrue();
        assertThat(spec.timestamp()).isEmpty();
    }

    @Test
    void read_allFieldsExample_readsEveryValue() {
        RemixSpec spec = reader.read(DocsFiles.example("all-fields.remix.json"));
        assertThat(spec.name()).isEqualTo("all-fields");
        assertThat(spec.variant()).isEqualTo(BaseVariant.IMPORTANT);
        assertThat(spec.recommends()).isTrue();
        assertThat(spec.timestamp()).isEqualTo(OptionalLong.of(1735689600L));
        assertThat(spec.sources().system()).isFalse();
        assertThat(spec.sources().entries()).hasSize(2);
        SourceSpec security = spec.sources().entries().get(1);
        assertThat(security.types()).containsExactly("deb");
        assertThat(security.uris()).containsExactly("http://mirror.example/debian-security/");
        assertThat(security.suites()).containsExactly("bookworm-security");
        assertThat(security.components()).containsExactly("main");
        assertThat(security.signedBy()).contains("/usr/share/keyrings/debian-archive-keyring.gpg");
        assertThat(security.hasInlineKey()).isFalse();
        assertThat(security.architectures()).containsExactly("amd64");
        assertThat(security.trusted()).isFalse();

        assertThat(spec.layers()).extracting(LayerSpec::name).containsExactly("server", "pinned");
        assertThat(spec.layers().get(1).add()).containsExactly(PackageRef.of("curl", "7.88.1-10+deb12u14"));
        assertThat(spec.layers().get(1).remove()).containsExactly("nano");

        Customizations c = spec.customizations();
        UserSpec alice = c.users().get(0);
        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.uid()).isEqualTo(1000);
        assertThat(alice.gid()).isEqualTo(OptionalInt.of(1000));
        assertThat(alice.groups()).containsExactly("sudo");
        assertThat(alice.passwordHash()).get().asString().startsWith("$6$remixstudio$");
        assertThat(alice.sshAuthorizedKeys()).singleElement().asString().startsWith("ssh-ed25519 AAAA");
        assertThat(alice.shell()).isEqualTo("/bin/sh");
        assertThat(alice.home()).isEqualTo("/srv/alice");
        assertThat(c.hostname()).contains("remix-1");
        assertThat(c.timezone()).contains("Europe/Berlin");
        assertThat(c.locale()).contains("en_US.UTF-8");
        assertThat(c.files()).hasSize(2);
        assertThat(c.files().get(0).bytes()).asString(StandardCharsets.UTF_8).isEqualTo("Built with Remix Studio.\n");
        assertThat(c.files().get(1).mode()).isEqualTo(0600);
        assertThat(c.files().get(1).owner()).isEqualTo("1000:1000");
        assertThat(c.files().get(1).bytes()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(c.services()).containsExactly("ssh.service");

        ContainerConfigSpec k = spec.container();
        assertThat(k.entrypoint()).containsExactly("/usr/sbin/sshd");
        assertThat(k.cmd()).containsExactly("-D", "-e");
        assertThat(k.env()).containsExactly(Map.entry("LANG", "en_US.UTF-8"), Map.entry("TZ", "Europe/Berlin"));
        assertThat(k.workdir()).contains("/");
        assertThat(k.user()).contains("0:0");
        assertThat(k.exposedPorts()).containsExactly("22/tcp");
        assertThat(k.labels()).containsEntry("org.opencontainers.image.title", "all-fields");
    }

    @Test
    void read_userDefaults_homeAndShellFollowTheName() {
        RemixSpec spec = reader.read(spec("\"customizations\": {\"users\": [{\"name\": \"bob\", \"uid\": 1001},"
                + " {\"name\": \"root\", \"uid\": 0}]}"), "t.remix.json");
        assertThat(spec.customizations().users()).containsExactly(UserSpec.of("bob", 1001), UserSpec.of("root", 0));
        assertThat(spec.customizations().users().get(0).home()).isEqualTo("/home/bob");
        assertThat(spec.customizations().users().get(1).home()).isEqualTo("/root");
        assertThat(spec.customizations().users().get(0).shell()).isEqualTo("/bin/bash");
    }

    @Test
    void read_fileDefaults_modeAndOwner() {
        RemixSpec spec = reader.read(spec("\"customizations\": {\"files\": [{\"path\": \"/etc/motd\", \"content\": \"hi\"},"
                + " {\"path\": \"/usr/local/bin/x\", \"mode\": \"755\", \"content\": \"#!/bin/sh\\n\"}]}"), "t.remix.json");
        assertThat(spec.customizations().files().get(0)).isEqualTo(FileSpec.text("/etc/motd", "hi"));
        assertThat(spec.customizations().files().get(1).mode()).isEqualTo(0755);
        assertThat(spec.customizations().files().get(1).modeString()).isEqualTo("0755");
    }

    @Test
    void read_envAsList_isTheSameAsEnvAsObject() {
        RemixSpec list = reader.read(spec("\"container\": {\"env\": [\"B=2\", \"A=x=y\", \"C=\"]}"), "t.remix.json");
        RemixSpec object = reader.read(spec("\"container\": {\"env\": {\"A\": \"x=y\", \"C\": \"\", \"B\": \"2\"}}"), "t.remix.json");
        assertThat(list).isEqualTo(object);
        assertThat(list.container().env().keySet()).containsExactly("A", "B", "C");
    }

    @Test
    void read_barePort_meansTcp() {
        RemixSpec spec = reader.read(spec("\"container\": {\"exposedPorts\": [\"80\", \"53/udp\"]}"), "t.remix.json");
        assertThat(spec.container().exposedPorts()).containsExactly("80/tcp", "53/udp");
    }

    @Test
    void read_inlineKeyAndFlatSuite_areAccepted() {
        String key = SourceSpec.ARMORED_KEY_HEADER + "\\n\\nmQINBGRz\\n=abcd\\n-----END PGP PUBLIC KEY BLOCK-----\\n";
        RemixSpec spec = reader.read(spec("\"sources\": [{\"uris\": [\"file:///srv/repo\"], \"suites\": [\"./\"],"
                + " \"signedBy\": \"" + key + "\", \"trusted\": false}]"), "t.remix.json");
        SourceSpec s = spec.sources().entries().get(0);
        assertThat(s.hasInlineKey()).isTrue();
        assertThat(s.components()).isEmpty();
        assertThat(s.types()).containsExactly("deb");
    }

    @Test
    void unknownField_isNamedWithPathPositionAndSuggestion() {
        SpecProblem p = onlyProblem("""
                {
                  "specVersion": 1,
                  "name": "test",
                  "suite": "bookworm",
                  "layres": []
                }
                """);
        assertThat(p.path()).isEqualTo("$.layres");
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.column()).isEqualTo(13);
        assertThat(p.message()).isEqualTo("unknown field 'layres'; did you mean 'layers'?");
    }

    @Test
    void unknownField_withoutCloseMatch_listsTheFields() {
        SpecProblem p = onlyProblem(spec("\"layers\": [{\"name\": \"a\", \"packages\": []}]"));
        assertThat(p.path()).isEqualTo("$.layers[0].packages");
        assertThat(p.message()).isEqualTo("unknown field 'packages'; the fields here are name, add, remove");
    }

    @Test
    void wrongTypeInAddList_namesPathAndExpectation() {
        String json = """
                {
                  "specVersion": 1,
                  "name": "test",
                  "suite": "bookworm",
                  "layers": [
                    {"name": "one", "add": ["curl"]},
                    {"name": "two", "add": [42, "nginx"]}
                  ]
                }
                """;
        SpecProblem p = onlyProblem(json);
        assertThat(p.path()).isEqualTo("$.layers[1].add[0]");
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isEqualTo(29);
        assertThat(p.message()).isEqualTo("expected a string like \"nginx\" or \"nginx=1.22.1-9\", got the number 42");
        SpecFormatException e = catchThrowableOfType(SpecFormatException.class, () -> reader.read(json, "web.remix.json"));
        assertThat(e.getMessage()).isEqualTo("web.remix.json:7:29: $.layers[1].add[0]: expected a string like"
                + " \"nginx\" or \"nginx=1.22.1-9\", got the number 42");
        assertThat(e).isInstanceOf(EngineException.class);
    }

    @Test
    void missingRequiredFields_areAllReportedAtTheObject() {
        List<SpecProblem> problems = problems("{\n  \"layers\": [{\"add\": [\"curl\"]}]\n}\n");
        assertThat(problems).extracting(SpecProblem::path)
                .containsExactly("$.specVersion", "$.name", "$.suite", "$.layers[0].name");
        assertThat(problems.get(0).message()).startsWith("missing required field 'specVersion': expected the spec format version, the number 1");
        assertThat(problems.get(1).message()).isEqualTo("missing required field 'name': expected the image name, a string like \"web-server\"");
        assertThat(problems.get(0).line()).isEqualTo(1);
        assertThat(problems.get(3).line()).isEqualTo(2);
        assertThat(problems.get(3).column()).isEqualTo(14);
    }

    @Test
    void severalProblems_areCollectedInOneRead() {
        SpecFormatException e = catchThrowableOfType(SpecFormatException.class, () -> reader.read(spec("""
                "architecture": "amd46",
                  "variant": "minbse",
                  "recommends": "no",
                  "layers": [{"name": "Web", "add": ["Nginx", "curl=", "curl"]}],
                  "timestamp": -1"""), "t.remix.json"));
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly(
                "$.architecture", "$.variant", "$.recommends", "$.layers[0].name", "$.layers[0].add[0]",
                "$.layers[0].add[1]", "$.timestamp");
        assertThat(e.problems().get(0).message()).startsWith("\"amd46\" is not a Debian architecture; did you mean 'amd64'?");
        assertThat(e.problems().get(1).message()).startsWith("\"minbse\" is not a base variant; did you mean 'minbase'?");
        assertThat(e.problems().get(2).message()).isEqualTo("expected true or false, got the string \"no\"");
        assertThat(e.problems().get(4).message()).startsWith("\"Nginx\" is not a Debian package name");
        assertThat(e.problems().get(5).message()).startsWith("bad version in \"curl=\"");
        assertThat(e.getMessage()).startsWith("t.remix.json: 7 problems:\n  t.remix.json:5:19: $.architecture: ");
    }

    @Test
    void unsupportedSpecVersion_stopsWithOneProblemNamingTheSupportedVersion() {
        SpecProblem p = onlyProblem("{\"specVersion\": 2, \"name\": \"x\", \"suite\": \"bookworm\", \"newField\": 1}");
        assertThat(p.path()).isEqualTo("$.specVersion");
        assertThat(p.message()).isEqualTo("specVersion 2 is not supported: this Remix Studio reads specVersion 1 only;"
                + " it was written by a newer Remix Studio: update Remix Studio to read it");
        assertThat(onlyProblem("{\"specVersion\": 0}").message()).contains("reads specVersion 1 only; write \"specVersion\": 1");
        assertThat(onlyProblem(spec("").replace("\"specVersion\": 1", "\"specVersion\": \"1\"")).message())
                .isEqualTo("expected the spec format version, the number 1, got the string \"1\"");
    }

    @Test
    void duplicateLayerNames_areReportedWithBothPaths() {
        SpecProblem p = onlyProblem(spec("\"layers\": [{\"name\": \"web\"}, {\"name\": \"tools\"}, {\"name\": \"web\"}]"));
        assertThat(p.path()).isEqualTo("$.layers[2].name");
        assertThat(p.message()).isEqualTo("duplicate layer name \"web\" (also at $.layers[0].name): layer names must be unique");
    }

    @Test
    void layerNamedBase_isReserved() {
        assertThat(onlyProblem(spec("\"layers\": [{\"name\": \"base\"}]")).message())
                .startsWith("the layer name \"base\" is reserved");
    }

    @Test
    void packageAddedTwiceOrAddedAndRemoved_inOneLayer() {
        List<SpecProblem> problems = problems(spec(
                "\"layers\": [{\"name\": \"a\", \"add\": [\"curl\", \"curl=7.88.1-10\", \"less\"], \"remove\": [\"less\", \"vim\", \"vim\"]}]"));
        assertThat(problems).extracting(SpecProblem::path, SpecProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.layers[0].add[1]",
                        "package 'curl' is added twice in this layer (also at $.layers[0].add[0]): keep one"),
                org.assertj.core.groups.Tuple.tuple("$.layers[0].remove[0]",
                        "package 'less' is both added (at $.layers[0].add[2]) and removed in this layer: drop one of the two"),
                org.assertj.core.groups.Tuple.tuple("$.layers[0].remove[2]",
                        "package 'vim' is removed twice in this layer (also at $.layers[0].remove[1]): keep one"));
    }

    @Test
    void badFileValues_modePathOwnerContent() {
        List<SpecProblem> problems = problems(spec("""
                "customizations": {"files": [
                    {"path": "etc/motd", "content": "x"},
                    {"path": "/etc/../shadow", "content": "x"},
                    {"path": "/etc/a", "mode": "0888", "content": "x"},
                    {"path": "/etc/b", "mode": 644, "content": "x"},
                    {"path": "/etc/c", "owner": "root", "content": "x"},
                    {"path": "/etc/d"},
                    {"path": "/etc/e", "content": "x", "contentBase64": "eA=="},
                    {"path": "/etc/f", "contentBase64": "not base64!"},
                    {"path": "/etc/g/", "content": "x"},
                    {"path": "/etc/a", "content": "again"}
                  ]}"""));
        assertThat(problems).extracting(SpecProblem::path).containsExactly(
                "$.customizations.files[0].path", "$.customizations.files[1].path", "$.customizations.files[2].mode",
                "$.customizations.files[3].mode", "$.customizations.files[4].owner", "$.customizations.files[5].content",
                "$.customizations.files[6].contentBase64", "$.customizations.files[7].contentBase64",
                "$.customizations.files[8].path", "$.customizations.files[9].path");
        assertThat(problems.get(0).message()).isEqualTo("\"etc/motd\" is not an absolute path: expected a path starting"
                + " with '/', like \"/etc/motd\"");
        assertThat(problems.get(1).message()).isEqualTo("\"/etc/../shadow\" contains '..': expected a path without '..',"
                + " like \"/etc/motd\"");
        assertThat(problems.get(2).message()).isEqualTo("\"0888\" is not a file mode: expected 3 or 4 octal digits,"
                + " like \"0644\" or \"0755\"");
        assertThat(problems.get(3).message()).isEqualTo("expected an octal mode string like \"0644\", got the number 644:"
                + " put the mode in quotes, JSON numbers are decimal");
        assertThat(problems.get(5).message()).isEqualTo("missing required field 'content': expected the file's text in"
                + " 'content', or its bytes in 'contentBase64'");
        assertThat(problems.get(6).message()).contains("not both");
        assertThat(problems.get(7).message()).startsWith("not valid Base64");
        assertThat(problems.get(9).message()).isEqualTo("file \"/etc/a\" is given twice (also at $.customizations.files[2].path): keep one");
    }

    @Test
    void badUserValues_nameUidHashKeyShell() {
        List<SpecProblem> problems = problems(spec("""
                "customizations": {"users": [
                    {"name": "Alice", "uid": 1000},
                    {"name": "bob", "uid": 70000},
                    {"name": "carol", "uid": 1002, "passwordHash": "hunter2"},
                    {"name": "dave", "uid": 1003, "sshAuthorizedKeys": ["my key"]},
                    {"name": "erin", "uid": 1004, "shell": "bash"},
                    {"name": "frank", "uid": 1003},
                    {"name": "root", "uid": 5},
                    {"name": "gina", "uid": 0},
                    {"name": "carol", "uid": 1010},
                    {"name": "hank", "uid": 1.5}
                  ]}"""));
        assertThat(problems).extracting(SpecProblem::path).containsExactly(
                "$.customizations.users[0].name", "$.customizations.users[1].uid",
                "$.customizations.users[2].passwordHash", "$.customizations.users[3].sshAuthorizedKeys[0]",
                "$.customizations.users[4].shell", "$.customizations.users[5].uid", "$.customizations.users[6].uid",
                "$.customizations.users[7].uid", "$.customizations.users[8].name", "$.customizations.users[9].uid");
        assertThat(problems.get(0).message()).startsWith("\"Alice\" is not a user name: expected lower-case letters");
        assertThat(problems.get(1).message()).isEqualTo("expected the user id, a whole number from 0 to 65533 (people"
                + " usually get 1000 and up), got the number 70000");
        assertThat(problems.get(2).message()).contains("never a plain password").doesNotContain("hunter2");
        assertThat(problems.get(3).message()).startsWith("not an authorized_keys line");
        assertThat(problems.get(5).message()).isEqualTo("uid 1003 is taken by another user (at $.customizations.users[3].uid):"
                + " give each user its own uid");
        assertThat(problems.get(6).message()).isEqualTo("root has uid 0: write \"uid\": 0");
        assertThat(problems.get(7).message()).startsWith("uid 0 is root's");
        assertThat(problems.get(8).message()).startsWith("user \"carol\" is defined twice");
        assertThat(problems.get(9).message()).endsWith("got the number 1.5");
    }

    @Test
    void badSettingsAndContainerValues() {
        List<SpecProblem> problems = problems(spec("""
                "customizations": {"hostname": "web_1", "timezone": "Europe/Berln", "locale": "english",
                    "services": ["nginx.service", "nginx.service", "-x"]},
                  "container": {"env": {"1X": "a", "PORT": 8080}, "workdir": "srv", "user": "Www Data",
                    "exposedPorts": ["80/tcp", "80", "70000/tcp", "80/http"], "labels": {"": "x"}, "cmd": "nginx"}"""));
        assertThat(problems).extracting(SpecProblem::path).containsExactly(
                "$.customizations.hostname", "$.customizations.timezone", "$.customizations.locale",
                "$.customizations.services[1]", "$.customizations.services[2]",
                "$.container.env['1X']", "$.container.env.PORT", "$.container.workdir",
                "$.container.user", "$.container.exposedPorts[1]", "$.container.exposedPorts[2]",
                "$.container.exposedPorts[3]", "$.container.labels['']", "$.container.cmd");
        assertThat(problems.get(1).message()).startsWith("\"Europe/Berln\" is not a time zone name; did you mean 'Europe/Berlin'");
        assertThat(problems.get(3).message()).isEqualTo("\"nginx.service\" is listed twice (also at $.customizations.services[0]): keep one");
        assertThat(problems.get(13).message()).isEqualTo("expected a list of strings like [\"-g\", \"daemon off;\"], got the string \"nginx\"");
        assertThat(problems.get(6).message()).isEqualTo("expected a string (numbers too go in quotes, like \"8080\"), got the number 8080");
        assertThat(problems.get(9).message()).isEqualTo("port 80/tcp is listed twice (also at $.container.exposedPorts[0]): keep one");
        assertThat(problems.get(10).message()).startsWith("\"70000/tcp\" is not a port: expected PORT/PROTOCOL with a port from 1 to 65535");
    }

    @Test
    void badSources() {
        List<SpecProblem> problems = problems(spec("""
                "sources": [
                    {"uris": ["ftp://host/debian/"], "suites": ["bookworm"], "components": ["main"]},
                    {"uris": ["http://mirror.example/debian/"], "suites": ["bookworm"]},
                    {"types": ["deb-src"], "uris": ["http://mirror.example/debian/"], "suites": ["./"], "components": ["main"]},
                    {"uris": ["http://mirror.example/debian/"], "suites": ["bookworm"], "components": ["main"], "signedBy": "keys/a.gpg"},
                    {"uris": [], "suites": ["bookworm"], "components": ["main"], "signedBy": "-----BEGIN PGP PUBLIC KEY BLOCK-----\\nabc"},
                    "system"
                  ]"""));
        assertThat(problems).extracting(SpecProblem::path).containsExactly(
                "$.sources[0].uris[0]", "$.sources[1].components", "$.sources[2].types", "$.sources[2].components",
                "$.sources[3].signedBy", "$.sources[4].uris", "$.sources[4].signedBy", "$.sources[5]");
        assertThat(problems.get(0).message()).startsWith("\"ftp://host/debian/\" has no supported scheme");
        assertThat(problems.get(1).message()).startsWith("missing required field 'components'");
        assertThat(problems.get(4).message()).contains("is neither an absolute keyring path nor an armored key block");
        assertThat(problems.get(5).message()).isEqualTo("the list is empty: give at least one value");
        assertThat(problems.get(6).message()).startsWith("the inline key does not end with");
        assertThat(onlyProblem(spec("\"sources\": \"sytem\"")).message())
                .isEqualTo("expected \"system\" (the host's apt sources) or a list of source entries, got the string"
                        + " \"sytem\"; did you mean 'system'?");
        assertThat(onlyProblem(spec("\"sources\": []")).message()).startsWith("the list of sources is empty");
    }

    @Test
    void invalidJson_namesLineAndColumn() {
        SpecProblem p = onlyProblem("{\n  \"specVersion\": 1,\n  \"name\": \"x\",\n}\n");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).startsWith("not valid JSON: Unexpected character ('}'");
        assertThat(onlyProblem("").message()).isEqualTo("the file is empty: expected a JSON object");
        assertThat(onlyProblem("{} {}").message()).startsWith("more text after the end of the JSON value");
        assertThat(onlyProblem("[1]").message()).isEqualTo("expected a remix spec: a JSON object, got a list");
    }

    @Test
    void byteOrderMarkAndCrLf_areTolerated() {
        String windows = "\uFEFF" + spec("\"description\": \"x\"").replace("\n", "\r\n");
        assertThat(reader.read(windows, "t.remix.json").description()).isEqualTo("x");
        assertThat(problems("\uFEFF{\r\n  \"specVersion\": 1,\r\n  \"suite\": \"sid\",\r\n  \"nme\": 1\r\n}"))
                .extracting(SpecProblem::toString).containsExactly(
                        "1:1: $.name: missing required field 'name': expected the image name, a string like \"web-server\"",
                        "4:10: $.nme: unknown field 'nme'; did you mean 'name'?");
    }

    @Test
    void duplicateMember_isAProblemAtTheSecondOne() {
        SpecProblem p = onlyProblem("{\"specVersion\": 1, \"name\": \"a\",\n \"name\": \"b\", \"suite\": \"bookworm\"}");
        assertThat(p.path()).isEqualTo("$.name");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(2);
        assertThat(p.message()).isEqualTo("'name' appears twice in this object: keep one");
    }

    @Test
    void nullValue_isAWrongType() {
        assertThat(onlyProblem(spec("\"description\": null")).message()).isEqualTo("expected a string, got null");
    }

    @Test
    void read_file_checksTheFileName(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("x.remix.json");
        Files.writeString(good, spec(""));
        assertThat(reader.read(good).name()).isEqualTo("test");
        Path badName = dir.resolve("x.json");
        Files.writeString(badName, spec(""));
        assertThatThrownBy(() -> reader.read(badName)).isInstanceOf(EngineException.class)
                .hasMessage(badName + ": a remix spec file is named NAME.remix.json; rename it (the lock file beside it"
                        + " is NAME.remix.lock.json)");
        assertThatThrownBy(() -> reader.read(dir.resolve("missing.remix.json")))
                .hasMessage(dir.resolve("missing.remix.json") + ": no such spec file; check the path");
        Path latin1 = dir.resolve("latin1.remix.json");
        Files.write(latin1, spec("\"description\": \"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> reader.read(latin1)).hasMessage(latin1 + ": not UTF-8 text; save the spec as UTF-8");
    }

    @Test
    void read_fileProblems_nameTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.remix.json");
        Files.writeString(file, spec("\"varaint\": \"none\""));
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(SpecFormatException.class)
                .hasMessage(file + ":5:14: $.varaint: unknown field 'varaint'; did you mean 'variant'?");
    }

    @Test
    void validate_specMadeInCode_reportsItsProblemsByPath() {
        RemixSpec bad = RemixSpec.of("test", "bookworm", List.of(new LayerSpec("a", List.of(PackageRef.of("Bad Name")), List.of())));
        SpecFormatException e = catchThrowableOfType(SpecFormatException.class, () -> reader.validate(bad));
        assertThat(e.source()).isEqualTo("spec 'test'");
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly("$.layers[0].add[0]");
        RemixSpec good = RemixSpec.of("test", "bookworm", List.of(new LayerSpec("a", List.of(PackageRef.of("curl")), List.of())));
        assertThat(reader.validate(good)).isEqualTo(good);
    }

    @Test
    void problems_returnsAllProblemsOrNone() {
        assertThat(reader.problems(spec(""), "t")).isEmpty();
        assertThat(reader.problems(spec("\"x\": 1, \"y\": 2"), "t")).hasSize(2);
    }

    @Test
    void load_keepsPositionsForLaterChecks() {
        LoadedSpec loaded = reader.load(new java.io.StringReader(spec("\"layers\": [{\"name\": \"a\", \"add\": [\"curl\"]}]")), "t.remix.json");
        assertThat(loaded.source()).isEqualTo("t.remix.json");
        assertThat(loaded.problemAt("$.layers[0].add[0]", "m")).isEqualTo(new SpecProblem("$.layers[0].add[0]", 5, 36, "m"));
        assertThat(loaded.problemAt("$.nowhere", "m").line()).isZero();
        assertThat(loaded.spec().layers().get(0).add()).containsExactly(new PackageRef("curl", Optional.empty()));
    }
}
