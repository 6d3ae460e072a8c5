package org.remixstudio.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameTableTest {

    @Test
    void add_numbersNamesInTheOrderTheyAreFirstAdded() {
        NameTable t = new NameTable(4);

        assertThat(t.add("libc6")).isZero();
        assertThat(t.add("bash")).isEqualTo(1);
        assertThat(t.add("libc6")).isZero();
        assertThat(t.add("python3:any")).isEqualTo(2);

        assertThat(t.size()).isEqualTo(3);
        assertThat(t.name(0)).isEqualTo("libc6");
        assertThat(t.name(2)).isEqualTo("python3:any");
    }

    @Test
    void id_findsEqualStringsThatAreNotTheSameObject_andMissesUnknownNames() {
        NameTable t = new NameTable(4);
        t.add("libc6");

        assertThat(t.id(new String("libc6".toCharArray()))).isZero();
        assertThat(t.id("libc")).isEqualTo(-1);
    }

    @Test
    void manyNames_growTheTable_andKeepEveryId() {
        NameTable t = new NameTable(2);
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String name = "pkg" + (i * 7919 % 50_000);
            expected.putIfAbsent(name, expected.size());
            assertThat(t.add(name)).isEqualTo(expected.get(name));
        }

        assertThat(t.size()).isEqualTo(expected.size());
        expected.forEach((name, id) -> {
            assertThat(t.id(name)).isEqualTo(id);
            assertThat(t.name(id)).isEqualTo(name);
        });
    }

    @Test
    void collidingHashes_areToldApart() {
        // "Aa" and "BB" have the same String.hashCode
        NameTable t = new NameTable(4);
        t.add("Aa");
        t.add("BB");

        assertThat(t.id("Aa")).isZero();
        assertThat(t.id("BB")).isEqualTo(1);
    }

    @Test
    void name_ofAnIdNeverGiven_fails() {
        NameTable t = new NameTable(4);
        t.add("a");

        assertThatThrownBy(() -> t.name(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
