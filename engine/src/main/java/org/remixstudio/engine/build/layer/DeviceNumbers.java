package org.remixstudio.engine.build.layer;

/** Splits a Linux {@code dev_t} into major and minor numbers, as glibc's {@code gnu_dev_major}/{@code gnu_dev_minor} do. */
final class DeviceNumbers {

    private DeviceNumbers() {
    }

    static int major(long rdev) {
        return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    }

    static int minor(long rdev) {
        return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    }
}
