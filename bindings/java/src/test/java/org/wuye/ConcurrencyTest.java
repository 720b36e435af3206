package org.wuye;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * 16 threads share one engine, each making ≥ 100,000 calls: reads (SLA status, calendar, get,
 * batch status) and writes (register, execute, refused steps) on its own request ids. Every
 * response of every thread, and the final export, must be byte-identical to running the same
 * per-thread sequences one after another on one thread.
 */
class ConcurrencyTest {
    static final int THREADS = 16;
    static final int CALLS = 100_000;
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    /** What one thread saw: a digest of every response in order, and its counts. */
    record Trace(byte[] digest, long calls, long writes, long failures) {}

    @Test
    void sixteenThreadsShareOneEngine() throws Exception {
        long t0 = System.nanoTime();
        Trace[] concurrent = new Trace[THREADS];
        String concurrentExport;
        try (Engine shared = Engine.standard()) {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            Throwable[] errors = new Throwable[THREADS];
            Thread[] threads = new Thread[THREADS];
            for (int i = 0; i < THREADS; i++) {
                int id = i;
                threads[i] = new Thread(() -> {
                    try {
                        start.await();
                        concurrent[id] = run(id, shared);
                    } catch (Throwable x) {
                        errors[id] = x;
                    }
                }, "wuye-" + i);
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            for (Throwable x : errors) {
                if (x != null) {
                    throw new AssertionError(x);
                }
            }
            concurrentExport = shared.engineExport();
        }
        long t1 = System.nanoTime();

        Trace[] sequential = new Trace[THREADS];
        String sequentialExport;
        try (Engine alone = Engine.standard()) {
            for (int i = 0; i < THREADS; i++) {
                sequential[i] = run(i, alone);
            }
            sequentialExport = alone.engineExport();
        }
        long t2 = System.nanoTime();

        long calls = 0;
        long writes = 0;
        long failures = 0;
        for (int i = 0; i < THREADS; i++) {
            assertTrue(concurrent[i].calls() >= CALLS, "thread " + i + " made " + concurrent[i].calls());
            assertEquals(sequential[i].calls(), concurrent[i].calls());
            assertArrayEquals(sequential[i].digest(), concurrent[i].digest(), "responses of thread " + i);
            calls += concurrent[i].calls();
            writes += concurrent[i].writes();
            failures += concurrent[i].failures();
        }
        assertEquals(sequentialExport, concurrentExport, "final export");
        System.out.printf("concurrency: %d threads × %d calls (%d writes, %d failures): shared %.1f s, "
                        + "sequential %.1f s; export %d chars%n", THREADS, calls / THREADS, writes / THREADS,
                failures / THREADS, (t1 - t0) / 1e9, (t2 - t1) / 1e9, concurrentExport.length());
    }

    /** One thread's script: blocks of 200 calls on request "T{thread}-{k}" until ≥ CALLS. */
    static Trace run(int thread, Engine e) throws NoSuchAlgorithmException {
        Script s = new Script(thread, e);
        for (int k = 0; s.calls < CALLS; k++) {
            s.block(k);
        }
        return new Trace(s.md.digest(), s.calls, s.writes, s.failures);
    }

    static final class Script {
        final int thread;
        final Engine e;
        final MessageDigest md;
        final String worker;
        long calls;
        long writes;
        long failures;

        Script(int thread, Engine e) throws NoSuchAlgorithmException {
            this.thread = thread;
            this.e = e;
            this.md = MessageDigest.getInstance("SHA-256");
            this.worker = "w" + thread;
        }

        void call(String request, boolean write) {
            calls++;
            if (write) {
                writes++;
            }
            byte[] response;
            try {
                response = e.callBytes(request.getBytes(StandardCharsets.UTF_8));
            } catch (WuyeException x) {
                failures++;
                response = x.response().getBytes(StandardCharsets.UTF_8);
            }
            md.update(response);
            md.update((byte) '\n');
        }

        static String at(OffsetDateTime t) {
            return Rfc3339.format(t);
        }

        String execute(String id, String command, String role, String actor, OffsetDateTime now) {
            return "{\"v\":1,\"op\":\"request.execute\",\"args\":{\"id\":\"" + id + "\",\"command\":" + command
                    + ",\"actor\":{\"role\":\"" + role + "\",\"id\":\"" + actor + "\"},\"now\":\"" + at(now) + "\"}}";
        }

        String register(String id, int k, OffsetDateTime now) {
            String[] kinds = {"repair", "matter", "complaint", "suggestion"};
            String[] priorities = {"normal", "high", "low", "emergency"};
            return "{\"v\":1,\"op\":\"request.register\",\"args\":{\"request\":{\"id\":\"" + id + "\",\"kind\":\""
                    + kinds[k % 4] + "\",\"priority\":\"" + priorities[(k / 4) % 4] + "\",\"channel\":\"phone\","
                    + "\"location\":{\"unit\":\"" + thread + "-1-" + (k % 30) + "\"},\"reporter\":{\"kind\":\"owner\","
                    + "\"name\":\"王女士\",\"phone\":\"13800000000\"},\"description\":\"厨房水龙头漏水 #" + k + "\"},"
                    + "\"actor\":{\"role\":\"agent\",\"id\":\"kf01\"},\"now\":\"" + at(now) + "\"}}";
        }

        /** 200 calls: 9 steps to a callback, 9 refused writes, 182 reads. */
        void block(int k) {
            String id = "T" + thread + "-" + k;
            LocalDate day = LocalDate.of(2026, 1, 5).plusDays((k * 7L + thread * 3L) % 320);
            OffsetDateTime base = day.atTime(9, 0).atOffset(CST);
            int rating = k % 3 == 0 ? 2 : 5; // every third is unsatisfied and reopens
            String[][] steps = {
                {null, "0"},
                {"{\"step\":\"dispatch\",\"department\":\"engineering\",\"assignee\":\"" + worker + "\"}", "5", "dispatcher", "dd01"},
                {"{\"step\":\"accept\"}", "10", "worker", worker},
                {"{\"step\":\"arrive\"}", "30", "worker", worker},
                {"{\"step\":\"hold\",\"reason\":\"waiting_for_parts\"}", "40", "worker", worker},
                {"{\"step\":\"resume\"}", "60", "worker", worker},
                {"{\"step\":\"complete\",\"note\":\"换阀芯\"}", "90", "worker", worker},
                {"{\"step\":\"reply\"}", "120", "agent", "kf01"},
                {"{\"step\":\"callback\",\"outcome\":\"rated\",\"rating\":" + rating + "}", "150", "agent", "kf01"},
            };
            for (int i = 0; i < steps.length; i++) {
                OffsetDateTime now = base.plusMinutes(Integer.parseInt(steps[i][1]));
                call(i == 0 ? register(id, k, now) : execute(id, steps[i][0], steps[i][2], steps[i][3], now), true);
                refused(i, id, k, base, now);
                int reads = i == steps.length - 1 ? 22 : 20;
                for (int r = 0; r < reads; r++) {
                    read(r + i, id, day, base, now);
                }
            }
        }

        /** A write the domain (or the parser) refuses; it must change nothing. */
        void refused(int i, String id, int k, OffsetDateTime base, OffsetDateTime now) {
            OffsetDateTime later = now.plusMinutes(1);
            switch (i) {
                case 0 -> call(register(id, k, later), true); // conflict
                case 1 -> call(execute(id, "{\"step\":\"accept\"}", "agent", "kf01", later), true); // role
                case 2 -> call(execute(id, "{\"step\":\"arrive\"}", "worker", worker, base.plusMinutes(1)), true); // order
                case 3 -> call(execute(id, "{\"step\":\"complete\"}", "worker", "intruder", later), true); // assignee
                case 4 -> call(execute(id, "{\"step\":\"hold\",\"reason\":\"waiting_for_owner\"}", "worker", worker,
                        later), true); // stage
                case 5 -> call(execute(id + "-missing", "{\"step\":\"accept\"}", "worker", worker, later), true);
                case 6 -> call(execute(id, "{\"step\":\"callback\",\"outcome\":\"unreachable\"}", "agent", "kf01",
                        later), true); // stage
                case 7 -> call(execute(id, "{\"step\":\"close_unreachable\",\"reason\":\"打不通\"}", "agent", "kf01",
                        later), true); // attempts
                default -> call("{\"v\":1,\"op\":\"request.execute\",\"args\":{", true); // malformed
            }
        }

        void read(int r, String id, LocalDate day, OffsetDateTime base, OffsetDateTime now) {
            String req;
            switch (r % 9) {
                case 0 -> req = "{\"v\":1,\"op\":\"sla.status\",\"args\":{\"id\":\"" + id + "\",\"as_of\":\""
                        + at(now.plusMinutes(r)) + "\"}}";
                case 1 -> req = "{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{\"date\":\"" + day.plusDays(r)
                        + "\"}}";
                case 2 -> req = "{\"v\":1,\"op\":\"calendar.working_days\",\"args\":{\"from\":\"" + day + "\",\"to\":\""
                        + day.plusDays(r % 40) + "\"}}";
                case 3 -> req = "{\"v\":1,\"op\":\"calendar.add\",\"args\":{\"start\":\"" + at(base)
                        + "\",\"seconds\":" + (r + 1) * 600 + "}}";
                case 4 -> req = "{\"v\":1,\"op\":\"calendar.between\",\"args\":{\"from\":\"" + at(base) + "\",\"to\":\""
                        + at(base.plusHours(r)) + "\"}}";
                case 5 -> req = "{\"v\":1,\"op\":\"calendar.next_working_instant\",\"args\":{\"at\":\""
                        + at(base.plusMinutes(r * 37L)) + "\"}}";
                case 6 -> req = "{\"v\":1,\"op\":\"request.get\",\"args\":{\"id\":\"" + id + "\"}}";
                case 7 -> req = "{\"v\":1,\"op\":\"sla.status_batch\",\"args\":{\"ids\":[\"" + id + "\",\"" + id
                        + "-missing\"],\"as_of\":\"" + at(now) + "\"}}";
                default -> req = "{\"v\":1,\"op\":\"sla.status\",\"args\":{\"id\":\"" + id + "\",\"as_of\":\""
                        + at(base) + "\"}}"; // refused once the request has moved on
            }
            call(req, false);
        }
    }

    /** The script itself is deterministic: the same thread gives the same trace twice. */
    @Test
    void theScriptIsDeterministic() throws Exception {
        List<byte[]> digests = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            try (Engine e = Engine.standard()) {
                Script s = new Script(3, e);
                for (int k = 0; k < 20; k++) {
                    s.block(k);
                }
                assertEquals(4000, s.calls);
                digests.add(s.md.digest());
            }
        }
        assertArrayEquals(digests.get(0), digests.get(1));
    }
}
