package org.wuye;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-call cost of the public API: small calls ({@code isWorkingDay}, {@code slaStatus} of
 * one request) and the per-item cost of {@code slaStatusBatch} over 1000 requests. Run with
 * scripts/bench-java.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WuyeBench {
    static final int BATCH = 1000;

    Engine engine;
    List<String> ids;
    OffsetDateTime asOf;
    LocalDate date;
    byte[] isWorkingDayRequest;
    byte[] batchRequest;
    byte[] slaStatusRequest;
    byte[] slaStatusResponse;

    @Setup
    public void setup() {
        engine = Engine.standard();
        ids = new ArrayList<>();
        OffsetDateTime t0 = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
        Actor agent = Actor.agent("kf01");
        for (int i = 0; i < BATCH; i++) {
            String id = "R" + i;
            ids.add(id);
            OffsetDateTime t = t0.plusMinutes(i % 300);
            engine.requestRegister(new NewRequest(id, RequestKind.REPAIR, Priority.values()[i % 4], Channel.PHONE,
                    Location.unit("3-1-" + i), Reporter.owner("王女士", "13800000000"), "厨房水龙头漏水"), agent, t);
            // A spread of stages: registered, dispatched, accepted, in progress, on hold.
            int stage = i % 5;
            if (stage >= 1) {
                engine.requestExecute(id, Command.dispatch("engineering", "w1"), Actor.dispatcher("dd01"), t.plusMinutes(5));
            }
            if (stage >= 2) {
                engine.requestExecute(id, Command.accept(), Actor.worker("w1"), t.plusMinutes(10));
            }
            if (stage >= 3) {
                engine.requestExecute(id, Command.arrive(), Actor.worker("w1"), t.plusMinutes(30));
            }
            if (stage >= 4) {
                engine.requestExecute(id, Command.hold(HoldReason.WAITING_FOR_PARTS), Actor.worker("w1"), t.plusMinutes(40));
            }
        }
        asOf = OffsetDateTime.parse("2026-03-04T10:00:00+08:00");
        date = LocalDate.of(2026, 10, 10);
        isWorkingDayRequest = "{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{\"date\":\"2026-10-10\"}}"
                .getBytes(StandardCharsets.UTF_8);
        slaStatusRequest = "{\"v\":1,\"op\":\"sla.status\",\"args\":{\"id\":\"R3\",\"as_of\":\"2026-03-04T10:00:00+08:00\"}}"
                .getBytes(StandardCharsets.UTF_8);
        slaStatusResponse = engine.callBytes(slaStatusRequest);
        StringBuilder sb = new StringBuilder("{\"v\":1,\"op\":\"sla.status_batch\",\"args\":{\"ids\":");
        Json.write(sb, ids);
        batchRequest = sb.append(",\"as_of\":\"2026-03-04T10:00:00+08:00\"}}").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    /** A small call, typed: request built, sent, response parsed. */
    @Benchmark
    public boolean isWorkingDay() {
        return engine.calendarIsWorkingDay(date);
    }

    /** The same call through the raw byte API (no Java JSON work). */
    @Benchmark
    public byte[] isWorkingDayRaw() {
        return engine.callBytes(isWorkingDayRequest);
    }

    /** The SLA status of one request (six clocks), typed. */
    @Benchmark
    public SlaStatus slaStatus() {
        return engine.slaStatus("R3", asOf);
    }

    /** The SLA status of one request through the raw byte API (no Java JSON work). */
    @Benchmark
    public byte[] slaStatusRaw() {
        return engine.callBytes(slaStatusRequest);
    }

    /** The Java side alone: decoding, parsing and typing one SLA status response. */
    @Benchmark
    public SlaStatus slaStatusParseOnly() {
        String text = new String(slaStatusResponse, StandardCharsets.UTF_8);
        return SlaStatus.from(((java.util.Map<?, ?>) Json.parse(text)).get("result"));
    }

    /** Per item: statuses of 1000 requests in one call, typed. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Outcome<SlaStatus>> slaStatusBatch() {
        return engine.slaStatusBatch(ids, asOf);
    }

    /** Per item: the same batch through the raw byte API. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public byte[] slaStatusBatchRaw() {
        return engine.callBytes(batchRequest);
    }
}
