package org.wuye;

import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The runs of {@link FeeBench}, timed by CPU as well as by the clock: on a shared machine the
 * wall-clock score of JMH moves with whatever else runs, while the CPU time a run costs the
 * process (every thread: the caller, the library, the garbage collector, the JIT) does not.
 * Each variant runs alone for a warm-up, then {@code runs} times; printed are the fastest and
 * the median wall time of one run, and the process CPU time per run.
 *
 * <pre>
 * scripts/bench-java --cpu [runs]
 * </pre>
 */
public final class FeeCpuTime {
    private FeeCpuTime() {}

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static volatile Object sink;

    static void time(String name, int runs, Supplier<Object> run) {
        long warmUntil = System.nanoTime() + 4_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < warmUntil || warm < 5) {
            sink = run.get();
            warm++;
        }
        System.gc();
        long[] wall = new long[runs];
        long c0 = cpu();
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            sink = run.get();
            wall[r] = System.nanoTime() - t;
        }
        long cpu = cpu() - c0;
        Arrays.sort(wall);
        System.out.printf("%-12s wall min %6.1f ms, median %6.1f ms; CPU %6.1f ms a run (%d runs)%n", name,
                wall[0] / 1e6, wall[runs / 2] / 1e6, cpu / 1e6 / runs, runs);
    }

    /** Runs every variant, or those named. */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        FeeBench b = new FeeBench();
        b.setup();
        YearMonth month = b.month;
        try {
            if (only.isEmpty() || only.contains("ffi")) {
                time("ffi", runs, () -> b.engine.feeBillEstate(month, b.inputs));
            }
            if (only.isEmpty() || only.contains("bigDecimal")) {
                time("bigDecimal", runs, () -> b.vendor.bill(month, b.inputs));
            }
            if (only.isEmpty() || only.contains("ffiRequest")) {
                time("ffiRequest", runs, b::ffiRequest);
            }
            if (only.isEmpty() || only.contains("ffiCall")) {
                time("ffiCall", runs, b::ffiCall);
            }
            if (only.isEmpty() || only.contains("ffiDecode")) {
                time("ffiDecode", runs, b::ffiDecode);
            }
        } finally {
            b.close();
        }
    }
}
