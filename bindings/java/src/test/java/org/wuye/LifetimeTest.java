package org.wuye;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Native handles: Cleaner fallback, idempotent close, close while calls are in flight. */
class LifetimeTest {
    @Test
    void anUnclosedEngineIsFreedByTheCleaner() throws InterruptedException {
        long before = Engine.freedCount();
        for (int i = 0; i < 200; i++) {
            Engine.standard().engineInfo(); // never closed
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Engine.freedCount() - before < 200 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(Engine.freedCount() - before >= 200, "freed " + (Engine.freedCount() - before) + " of 200");
    }

    @Test
    void closeIsIdempotentAndFreesOnce() {
        long before = Engine.freedCount();
        Engine e = Engine.standard();
        e.close();
        e.close();
        e.close();
        assertEquals(before + 1, Engine.freedCount());
    }

    @Test
    void closingWhileOtherThreadsCallIsSafe() throws Exception {
        for (int round = 0; round < 20; round++) {
            Engine e = Engine.standard();
            int threads = 4;
            CountDownLatch started = new CountDownLatch(threads);
            AtomicLong ok = new AtomicLong();
            AtomicLong closed = new AtomicLong();
            Thread[] ts = new Thread[threads];
            for (int i = 0; i < threads; i++) {
                ts[i] = new Thread(() -> {
                    started.countDown();
                    while (true) {
                        try {
                            e.calendarIsWorkingDay(java.time.LocalDate.of(2026, 10, 10));
                            ok.incrementAndGet();
                        } catch (InvalidHandleException x) {
                            closed.incrementAndGet();
                            return;
                        }
                    }
                });
                ts[i].start();
            }
            started.await();
            Thread.sleep(2);
            e.close();
            for (Thread t : ts) {
                t.join(10_000);
                assertTrue(!t.isAlive());
            }
            assertEquals(threads, closed.get());
        }
    }
}
