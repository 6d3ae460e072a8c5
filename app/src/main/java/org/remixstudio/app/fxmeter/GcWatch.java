package org.remixstudio.app.fxmeter;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the garbage collectors say about their pauses: their accumulated collection time, read before
 * and after a slice to take the pauses inside it out of the slice's time, and every collection's own
 * duration (from the collectors' notifications, {@code com.sun.management.GarbageCollectionNotificationInfo})
 * for the longest pause of a stretch. With the serial collector every collection stops the world, so
 * collection time is pause time.
 */
final class GcWatch implements AutoCloseable {

    /** One collection: which collector, why, when it ended (ms since the JVM started) and how long it took. */
    record Pause(String collector, String action, long endUptimeMillis, long millis) {

        /** Whether it was a full (old generation) collection. */
        boolean major() {
            return action.contains("major");
        }
    }

    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<Pause> pauses = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    GcWatch() {
        for (GarbageCollectorMXBean c : collectors) {
            if (c instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        synchronized (pauses) {
            pauses.add(new Pause(info.getGcName(), info.getGcAction(), info.getGcInfo().getEndTime(),
                    info.getGcInfo().getDuration()));
        }
    }

    /** All collectors' accumulated collection time, ms. */
    long collectedMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean c : collectors) {
            sum += Math.max(0, c.getCollectionTime());
        }
        return sum;
    }

    /** The collections that ended at or after {@code uptimeMillis}. */
    List<Pause> pausesSince(long uptimeMillis) {
        synchronized (pauses) {
            return pauses.stream().filter(p -> p.endUptimeMillis() >= uptimeMillis).toList();
        }
    }

    /** Forgets the collections that ended before {@code uptimeMillis}. */
    void forgetBefore(long uptimeMillis) {
        synchronized (pauses) {
            pauses.removeIf(p -> p.endUptimeMillis() < uptimeMillis);
        }
    }

    static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean c : collectors) {
            if (c instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException alreadyGone) {
                    // nothing to remove
                }
            }
        }
    }
}
