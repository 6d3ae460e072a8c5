package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class Crc32cTest {

    @Test
    void update_standardCheckValue_matchesRfc3720() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(~Crc32c.update(~0, check)).isEqualTo(0xE3069283);
    }

    @Test
    void update_32ZeroBytes_matchesRfc3720Vector() {
        assertThat(~Crc32c.update(~0, new byte[32])).isEqualTo(0x8A9136AA);
    }

    @Test
    void update_agreesWithTheJdk_onRandomData() {
        byte[] data = new byte[10_000];
        new Random(42).nextBytes(data);
        CRC32C jdk = new CRC32C();
        jdk.update(data);
        assertThat(~Crc32c.update(~0, data) & 0xFFFFFFFFL).isEqualTo(jdk.getValue());
    }

    @Test
    void update_chainsOverPieces() {
        byte[] data = "metadata checksum seed".getBytes(StandardCharsets.US_ASCII);
        int whole = Crc32c.update(~0, data);
        int chained = Crc32c.update(Crc32c.update(~0, data, 0, 8), data, 8, data.length - 8);
        assertThat(chained).isEqualTo(whole);
    }

    @Test
    void update_fromAnySeed_agreesWithTheTableDrivenRegister() {
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            int seed = random.nextInt();
            assertThat(Crc32c.update(seed, data)).as("seed " + seed).isEqualTo(Crc32c.updateByTable(seed, data, 0, data.length));
        }
    }

    @Test
    void prefixFor_takesTheRegisterFromAllOnesToTheTarget() {
        for (int target : new int[] {0, 1, -2, 0x12345678, 0xDEADBEEF}) {
            assertThat(Crc32c.updateByTable(~0, Crc32c.prefixFor(target), 0, 4)).isEqualTo(target);
        }
    }

    @Test
    void updateLe32_feedsLittleEndianBytes() {
        assertThat(Crc32c.updateLe32(7, 0x04030201)).isEqualTo(Crc32c.update(7, new byte[] {1, 2, 3, 4}));
    }
}
