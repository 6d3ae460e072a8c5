package org.remixstudio.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An OpenPGP key pair made by {@code gpg} in its own temporary {@code GNUPGHOME}, to sign fixture
 * archives. Keys are cached for the whole JVM run by name, because every test of the suite needs
 * one and key generation (plus the gpg-agent it starts) is the slow part; the homes are removed and
 * their agents stopped when the JVM exits.
 */
public final class FixtureKey {

    /** Keys made in this JVM, by name. Test-only shared state: see the class comment. */
    private static final Map<String, FixtureKey> CACHE = new ConcurrentHashMap<>();

    private final Path home;
    private final String fingerprint;
    private final String signingKeyId;
    private final String userId;
    private final byte[] publicKey;
    private final String publicKeyArmored;

    private FixtureKey(Path home, String fingerprint, String signingKeyId, String userId, byte[] publicKey,
                       String publicKeyArmored) {
        this.home = home;
        this.fingerprint = fingerprint;
        this.signingKeyId = signingKeyId;
        this.userId = userId;
        this.publicKey = publicKey;
        this.publicKeyArmored = publicKeyArmored;
    }

    /** The usual archive key: RSA 2048, signing with the primary key (like the Debian archive keys). */
    public static FixtureKey primary() {
        return named("primary", false, "rsa2048");
    }

    /** Another key, for "signed by a key that is not in the keyring" tests. */
    public static FixtureKey other() {
        return named("other", false, "ed25519");
    }

    /** A key whose certification-only primary key has an Ed25519 signing subkey that signs. */
    public static FixtureKey withSigningSubkey() {
        return named("subkey", true, "ed25519");
    }

    /**
     * A cached key by name.
     *
     * @param signingSubkey the primary key only certifies and a separate subkey signs
     * @param algorithm     a gpg {@code --quick-gen-key} algorithm such as {@code rsa2048} or {@code ed25519}
     */
    public static FixtureKey named(String name, boolean signingSubkey, String algorithm) {
        return named(name, signingSubkey, algorithm, "never");
    }

    /** A key that expires one day after its creation (gpg expiry {@code 1d}). */
    public static FixtureKey expiringAfterOneDay() {
        return named("expiring", false, "ed25519", "1d");
    }

    /**
     * A cached key by name.
     *
     * @param expire a gpg expiry such as {@code never} or {@code 1d}
     */
    public static FixtureKey named(String name, boolean signingSubkey, String algorithm, String expire) {
        return CACHE.computeIfAbsent(name + "/" + signingSubkey + "/" + algorithm + "/" + expire,
                k -> generate(name, signingSubkey, algorithm, expire));
    }

    private static FixtureKey generate(String name, boolean signingSubkey, String algorithm, String expire) {
        try {
            // short path: gpg-agent's socket path must stay under 108 bytes
            Path home = Files.createTempDirectory(Path.of("/tmp"), "fkey");
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> cleanUp(home)));
            String uid = "Fixture " + name + " <" + name + "@fixture.invalid>";
            gpg(home, "--quick-gen-key", uid, algorithm, signingSubkey ? "cert" : "sign", expire);
            String fpr = firstField(gpg(home, "--with-colons", "--list-keys", uid), "fpr", 9);
            String signing = fpr.substring(fpr.length() - 16);
            if (signingSubkey) {
                gpg(home, "--quick-add-key", fpr, algorithm, "sign", expire);
                String colons = gpg(home, "--with-colons", "--list-keys", uid);
                signing = firstField(colons, "sub", 4);
            }
            byte[] pub = gpgBytes(home, "--export", fpr);
            String asc = gpg(home, "--armor", "--export", fpr);
            return new FixtureKey(home, fpr, signing, uid, pub, asc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstField(String colons, String record, int field) {
        for (String line : colons.split("\n")) {
            String[] f = line.split(":", -1);
            if (f[0].equals(record)) {
                return f[field];
            }
        }
        throw new IllegalStateException("no " + record + " record in gpg output:\n" + colons);
    }

    /**
     * Revokes the key with the revocation certificate gpg made when generating it, and returns the
     * public key as exported afterwards (carrying the revocation). The key cannot sign any more, so
     * use a key of its own for this ({@code named("revoked", ...)}) and sign before revoking.
     */
    public byte[] revokeAndExport() throws IOException {
        Path cert = home.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
        // gpg prefixes the armor line with ':' so the certificate is not imported by accident
        String text = Files.readString(cert).replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        Path clean = Files.writeString(home.resolve("revocation.asc"), text);
        gpg(home, "--import", clean.toString());
        return gpgBytes(home, "--export", fingerprint);
    }

    /** Full fingerprint of the primary key, upper-case hex. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The 16-hex-digit id of the key that makes signatures (the subkey's when there is one). */
    public String signingKeyId() {
        return signingKeyId;
    }

    public String userId() {
        return userId;
    }

    /** The public key as a binary keyring ({@code gpg --export}). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key ASCII-armored ({@code gpg --armor --export}). */
    public String publicKeyArmored() {
        return publicKeyArmored;
    }

    /** Writes the binary public keyring to {@code file}. */
    public Path writePublicKey(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, publicKey);
    }

    /** Writes the armored public key to {@code file}. */
    public Path writePublicKeyArmored(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, publicKeyArmored);
    }

    /** {@code gpg --clearsign}: what dak does to make InRelease. */
    public void clearsign(Path in, Path out) {
        gpg(home, in.getParent(), "--digest-algo", "SHA256", "--clearsign", "--output", out.toString(), in.toString());
    }

    /** {@code gpg --armor --detach-sign}: Release.gpg. */
    public void detachSign(Path in, Path out) {
        gpg(home, in.getParent(), "--digest-algo", "SHA256", "--armor", "--detach-sign", "--output", out.toString(),
                in.toString());
    }

    private static String gpg(Path home, String... args) {
        return gpg(home, home, args);
    }

    private static String gpg(Path home, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("gpg", "--batch", "--yes", "--quiet", "--homedir", home.toString(),
                "--pinentry-mode", "loopback", "--passphrase", ""));
        cmd.addAll(List.of(args));
        return ToolRunner.run(dir, Map.of("GNUPGHOME", home.toString()), cmd);
    }

    private static byte[] gpgBytes(Path home, String... args) throws IOException {
        Path out = Files.createTempFile(home, "export", ".gpg");
        List<String> all = new ArrayList<>(List.of("--output", out.toString()));
        all.addAll(List.of(args));
        gpg(home, all.toArray(String[]::new));
        byte[] data = Files.readAllBytes(out);
        Files.delete(out);
        return data;
    }

    private static void cleanUp(Path home) {
        try {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // best effort at JVM exit
        }
        try (Stream<Path> walk = Files.walk(home)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }

    @Override
    public String toString() {
        return userId + " " + fingerprint;
    }
}
