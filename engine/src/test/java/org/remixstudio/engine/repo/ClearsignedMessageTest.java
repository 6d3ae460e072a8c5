package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.testing.FixtureKey;

/** RFC 4880 §7 on documents clearsigned by the real gpg. */
class ClearsignedMessageTest {

    @TempDir
    Path tmp;

    private final SignatureVerifier verifier = new SignatureVerifier(Clock.systemUTC());

    private byte[] clearsign(String text) throws IOException {
        Path in = tmp.resolve("Release");
        Files.writeString(in, text, StandardCharsets.UTF_8);
        Path out = tmp.resolve("InRelease");
        FixtureKey.primary().clearsign(in, out);
        return Files.readAllBytes(out);
    }

    private Keyring keyring() {
        return Keyring.parse(FixtureKey.primary().publicKey(), "fixture key");
    }

    @Test
    void dashEscapedLines_andTrailingWhitespace_verifyAndAreUnescaped() throws IOException {
        byte[] signed = clearsign("Origin: x\n-dash line\nSuite: y   \t\nDescription: café\n");
        assertThat(new String(signed, StandardCharsets.UTF_8)).contains("\n- -dash line\n");

        ClearsignedMessage m = ClearsignedMessage.parse(signed, "InRelease");

        assertThat(m.text()).isEqualTo("Origin: x\n-dash line\nSuite: y\nDescription: café\n");
        assertThat(verifier.verify(m, keyring()).outcome()).isEqualTo(SignatureCheck.Outcome.GOOD);
    }

    @Test
    void crLfLineEndings_stillVerify() throws IOException {
        String signed = new String(clearsign("Origin: x\nSuite: y\n"), StandardCharsets.UTF_8);
        byte[] crlf = signed.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        ClearsignedMessage m = ClearsignedMessage.parse(crlf, "InRelease");

        assertThat(m.text()).isEqualTo("Origin: x\nSuite: y\n");
        assertThat(verifier.verify(m, keyring()).isGood()).isTrue();
    }

    @Test
    void addedTrailingSpaces_doNotBreakTheSignature_butChangedTextDoes() throws IOException {
        String signed = new String(clearsign("Origin: x\nSuite: y\n"), StandardCharsets.UTF_8);

        assertThat(verifier.verify(ClearsignedMessage.parse(
                signed.replace("Suite: y\n", "Suite: y  \n").getBytes(StandardCharsets.UTF_8), "a"), keyring()).isGood())
                .isTrue();
        assertThat(verifier.verify(ClearsignedMessage.parse(
                signed.replace("Suite: y\n", "Suite: z\n").getBytes(StandardCharsets.UTF_8), "b"), keyring()).outcome())
                .isEqualTo(SignatureCheck.Outcome.BAD);
    }

    @Test
    void textOutsideTheSignedPart_isRefused() throws IOException {
        String signed = new String(clearsign("Origin: x\n"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ClearsignedMessage.parse((signed + "Suite: injected\n").getBytes(StandardCharsets.UTF_8),
                "http://m.example/InRelease"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("http://m.example/InRelease")
                .hasMessageContaining("unsigned text after the signature");
        assertThatThrownBy(() -> ClearsignedMessage.parse(("Suite: injected\n" + signed).getBytes(StandardCharsets.UTF_8),
                "InRelease"))
                .hasMessageContaining("does not start with");
    }

    @Test
    void aPlainReleaseFile_isNotClearsigned() {
        assertThat(ClearsignedMessage.looksClearsigned("Origin: x\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThatThrownBy(() -> ClearsignedMessage.parse("Origin: x\n".getBytes(StandardCharsets.UTF_8), "InRelease"))
                .hasMessageContaining("not a valid clearsigned file");
    }

    @Test
    void aMissingSignatureBlock_isRefused() {
        String text = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nOrigin: x\n";

        assertThatThrownBy(() -> ClearsignedMessage.parse(text.getBytes(StandardCharsets.UTF_8), "InRelease"))
                .hasMessageContaining("signature block is missing");
    }
}
