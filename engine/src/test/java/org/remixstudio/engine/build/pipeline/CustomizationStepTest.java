package org.remixstudio.engine.build.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.spec.Customizations;
import org.remixstudio.engine.spec.FileSpec;
import org.remixstudio.engine.spec.UserSpec;

class CustomizationStepTest {

    @Test
    void script_createsUsersBeforeFiles_andQuotesEveryValue() {
        UserSpec app = new UserSpec("app", 1000, OptionalInt.empty(), List.of("adm"), Optional.of("$y$j9T$x'y"),
                List.of("ssh-ed25519 AAAA me@host"), "/bin/sh", "/home/app");
        FileSpec motd = new FileSpec("/etc/motd", 0640, "app:adm", Optional.of("hi"), Optional.empty());
        Customizations c = new Customizations(List.of(app), Optional.of("box"), Optional.of("Europe/Berlin"),
                Optional.of("C.UTF-8"), List.of(motd), List.of());

        String script = CustomizationStep.script(c);

        assertThat(script).contains(
                "getent group 1000 >/dev/null || groupadd -g 1000 'app'\n",
                "useradd -m -u 1000 -g 1000 -s '/bin/sh' -d '/home/app' -G 'adm' 'app'\n",
                "usermod -p '$y$j9T$x'\\''y' 'app'\n",
                "install -m 0640 -o 'app' -g 'adm' /tmp/remix-files/0 '/etc/motd'\n",
                "printf '%s\\n' 'box' > /etc/hostname\n",
                "ln -sfn '/usr/share/zoneinfo/Europe/Berlin' /etc/localtime\n",
                "printf 'LANG=%s\\n' 'C.UTF-8' > /etc/default/locale\n");
        assertThat(script.indexOf("useradd")).isLessThan(script.indexOf("install -m"));
        assertThat(script).doesNotContain("systemctl");
    }

    @Test
    void script_servicesNeedSystemd() {
        Customizations c = new Customizations(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of("nginx.service"));

        assertThat(CustomizationStep.script(c))
                .contains("if ! command -v systemctl >/dev/null; then", "systemctl enable 'nginx.service'\n");
    }
}
