package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.testing.FixtureKey;

class KeyringTest {

    @TempDir
    Path tmp;

    @Test
    void binaryAndArmoredKeyrings_holdTheSameKey() throws IOException {
        FixtureKey key = FixtureKey.primary();
        Keyring binary = Keyring.load(key.writePublicKey(tmp.resolve("k.gpg")));
        Keyring armored = Keyring.load(key.writePublicKeyArmored(tmp.resolve("k.asc")));

        long id = Long.parseUnsignedLong(key.signingKeyId(), 16);
        assertThat(binary.find(id)).isPresent();
        assertThat(armored.find(id)).isPresent();
        assertThat(armored.find(id).orElseThrow().userId()).isEqualTo(key.userId());
    }

    @Test
    void severalArmoredBlocksInOneFile_areAllRead() throws IOException {
        Path both = tmp.resolve("both.asc");
        Files.writeString(both, FixtureKey.primary().publicKeyArmored() + "\n" + FixtureKey.other().publicKeyArmored());

        assertThat(Keyring.load(both).size()).isEqualTo(2);
    }

    @Test
    void subkeys_areFoundByTheirOwnId() {
        FixtureKey key = FixtureKey.withSigningSubkey();
        Keyring k = Keyring.parse(key.publicKey(), "k");

        Keyring.KeyMatch m = k.find(Long.parseUnsignedLong(key.signingKeyId(), 16)).orElseThrow();
        assertThat(m.key().isMasterKey()).isFalse();
        assertThat(Keyring.fingerprint(m.primary())).isEqualTo(key.fingerprint());
    }

    @Test
    void restrictedTo_keepsOnlyCertificatesWithTheFingerprint() {
        Keyring both = Keyring.parse(FixtureKey.primary().publicKey(), "a")
                .plus(Keyring.parse(FixtureKey.other().publicKey(), "b"));

        Keyring one = both.restrictedTo(java.util.List.of(FixtureKey.other().fingerprint()));

        assertThat(one.size()).isEqualTo(1);
        assertThat(one.find(Long.parseUnsignedLong(FixtureKey.other().signingKeyId(), 16))).isPresent();
    }

    @Test
    void missingFile_garbage_andKeybox_areRefusedByName() throws IOException {
        assertThatThrownBy(() -> Keyring.load(tmp.resolve("missing.gpg")))
                .isInstanceOf(EngineException.class).hasMessageContaining("missing.gpg");
        Path garbage = Files.writeString(tmp.resolve("garbage.gpg"), "hello");
        assertThatThrownBy(() -> Keyring.load(garbage)).hasMessageContaining("garbage.gpg");
        byte[] kbx = new byte[32];
        kbx[8] = 'K';
        kbx[9] = 'B';
        kbx[10] = 'X';
        kbx[11] = 'f';
        Path keybox = Files.write(tmp.resolve("pubring.kbx"), kbx);
        assertThatThrownBy(() -> Keyring.load(keybox)).hasMessageContaining("keybox");
    }

    @Test
    void theDebianArchiveKeyring_isReadable() {
        // installed on every Debian system: apt depends on debian-archive-keyring
        Path debian = Path.of("/usr/share/keyrings/debian-archive-keyring.gpg");

        assertThat(Keyring.load(debian).size()).isGreaterThan(3);
    }
}
