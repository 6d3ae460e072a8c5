package org.remixstudio.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsiStripperTest {

    @Test
    void feed_removesColoursCursorMovesAndCarriageReturns() {
        AnsiStripper s = new AnsiStripper();

        assertThat(s.feed("\u001B[0;32m  OK  \u001B[0m] Started \u001B[1mJournal\u001B[0m.\r\n"))
                .isEqualTo("  OK  ] Started Journal.\n");
        assertThat(s.feed("\u001B[2J\u001B[01;01H\u001B[=3h\u001B[?25lBdsDxe: loading\r\n"))
                .isEqualTo("BdsDxe: loading\n");
    }

    @Test
    void feed_removesTitlesAndCharsetSwitches_keepsTabsAndUnicode() {
        AnsiStripper s = new AnsiStripper();

        assertThat(s.feed("\u001B]0;root@vm: ~\u0007\u001B(Broot@vm:~#\tls → ok\u001B[K"))
                .isEqualTo("root@vm:~#\tls → ok");
    }

    @Test
    void feed_aSequenceCutBetweenTwoPieces_isRemovedWhenItsEndArrives() {
        AnsiStripper s = new AnsiStripper();

        assertThat(s.feed("Debian GNU/Linux 12 \u001B[")).isEqualTo("Debian GNU/Linux 12 ");
        assertThat(s.feed("1;3")).isEmpty();
        assertThat(s.feed("2mvm\u001B")).isEqualTo("vm");
        assertThat(s.feed("[0m ttyS0\r\n\r\nvm login: ")).isEqualTo(" ttyS0\n\nvm login: ");
    }

    @Test
    void feed_otherControlCharacters_areDropped() {
        assertThat(new AnsiStripper().feed("a\u0007b\u0008c\u0000d\u007Fe")).isEqualTo("abcde");
    }
}
