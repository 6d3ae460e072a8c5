package org.remixstudio.engine.export.disk.fat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A FAT date and time (fatgen103 §6.2 "Date and Time Formats"): date bits 15-9 years since 1980,
 * 8-5 month, 4-0 day; time bits 15-11 hours, 10-5 minutes, 4-0 two-second count; plus the creation
 * time's tenths (0-199) for the odd second. FAT stores local time; reproducible images use UTC.
 */
public record FatTimestamp(int date, int time, int tenths) {

    private static final LocalDateTime MIN = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final LocalDateTime MAX = LocalDateTime.of(2107, 12, 31, 23, 59, 58);

    /** The timestamp of {@code instant} in UTC, clamped to the years FAT can hold (1980-2107). */
    public static FatTimestamp of(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (t.isBefore(MIN)) {
            t = MIN;
        } else if (t.isAfter(MAX)) {
            t = MAX;
        }
        int date = ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
        int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
        int tenths = (t.getSecond() % 2) * 100 + t.getNano() / 10_000_000;
        return new FatTimestamp(date, time, tenths);
    }
}
