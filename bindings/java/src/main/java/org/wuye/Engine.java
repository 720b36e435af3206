package org.wuye;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A wuye engine: a customer-service desk 客户服务中心 with its requests, SLA clocks, policy and
 * calendar, held by libwuye behind a native handle.
 *
 * <pre>{@code
 * try (Engine engine = Engine.standard()) {
 *     engine.requestRegister(request, Actor.agent("kf01"), now);
 *     engine.requestExecute("R1", Command.dispatch("engineering", "w1"), Actor.dispatcher("dd01"), now);
 *     SlaStatus s = engine.slaStatus("R1", now);
 * }
 * }</pre>
 *
 * <p>Every operation of the contract is a method generated in {@link Operations}, named by the
 * one rule of every binding ({@link Operation#method()}); this class adds the native handle,
 * its lifetime, the raw {@link #callJson} and a few overloads that read better in Java.
 *
 * <p><b>Thread safety:</b> an engine may be shared by any number of threads. Changes (the
 * operations whose {@link Operation#mutates()} is true: {@link #requestRegister},
 * {@link #requestExecute}, {@link #requestExecuteBatch}, {@link #slaTick}, {@link #logReplay},
 * {@link #feeLoadEstate}) take the engine exclusively, inside the library; every other call
 * only reads (status, calendar, get, export, fee runs on the loaded estate, surveys, reports)
 * and runs concurrently. {@link #close()} is safe while
 * other threads still call: the handle is freed when the last call in flight returns, and
 * calls that start after it throw {@link InvalidHandleException}.
 *
 * <p><b>Lifetime:</b> close the engine (try-with-resources). If it becomes unreachable
 * unclosed, a {@link Cleaner} frees the native handle. {@code close()} is idempotent.
 *
 * <p><b>Errors:</b> every failure throws the {@link WuyeException} subclass of its status
 * ({@link RefusedException}, {@link NotFoundException}, …) with the library's code and
 * message. Instants are {@code OffsetDateTime} with whole seconds, sent as RFC 3339 with
 * their offset ({@code 2026-09-30T16:00:00+08:00}).
 */
public final class Engine extends Operations implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "wuye-engine-cleaner");
        t.setDaemon(true);
        return t;
    });

    /** Per-thread response buffer: the library writes it, we read it and free its bytes. */
    private static final ThreadLocal<WuyeBuffer> OUT = ThreadLocal.withInitial(WuyeBuffer::new);

    private static final byte[] STANDARD_CONFIG = "{\"v\":1}".getBytes(StandardCharsets.UTF_8);

    /** Native engines freed so far (by close or the Cleaner); for tests and monitoring. */
    private static final AtomicLong FREED = new AtomicLong();

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;

    private Engine(Pointer ptr) {
        this.handle = new Handle(ptr);
        this.cleanable = CLEANER.register(this, handle);
    }

    // ---------------------------------------------------------------- creation and lifetime

    /** The standard desk: default departments, standard SLA policy, China calendar 2024–2026. */
    public static Engine standard() {
        return create(STANDARD_CONFIG);
    }

    /**
     * An engine from its configuration JSON: {@code {"v":1}} for the standard desk, or with
     * any of {@code config} (departments, thresholds), {@code policy}, {@code calendar}, or a
     * saved {@code state} (see {@link #fromState}).
     *
     * @throws WuyeException as the library reports: {@link InvalidConfigException},
     *     {@link MalformedJsonException}, {@link InvalidRequestException}, …
     */
    public static Engine create(String configJson) {
        return create(configJson.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #create(String)}, from UTF-8 bytes. */
    public static Engine create(byte[] configUtf8) {
        WuyeNative.ensureLoaded();
        Objects.requireNonNull(configUtf8, "config");
        Memory outEngine = new Memory(POINTER_SIZE);
        outEngine.setPointer(0, null);
        WuyeBuffer err = new WuyeBuffer();
        int status = WuyeNative.wuye_engine_new(configUtf8, configUtf8.length, outEngine, err.getPointer());
        if (status != 0) {
            throw failure(status, take(err));
        }
        Pointer p = outEngine.getPointer(0);
        if (p == null) {
            throw new PanicException("null_engine", "wuye_engine_new returned OK without an engine", null);
        }
        return new Engine(p);
    }

    private static final int POINTER_SIZE = 8;

    /**
     * An engine restored from {@link #engineExport()}'s state JSON: the same requests, clocks, fired
     * escalations, configuration, policy and calendar.
     */
    public static Engine fromState(String stateJson) {
        Objects.requireNonNull(stateJson, "stateJson");
        return create("{\"v\":1,\"state\":" + stateJson + "}");
    }

    /** Frees the native engine (idempotent; see the class comment for calls in flight). */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** How many native engines this process has freed (by close or by the Cleaner). */
    static long freedCount() {
        return FREED.get();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /**
     * The native handle and its in-flight count. It is also the Cleaner's action, so it must
     * not refer to the Engine.
     */
    private static final class Handle implements Runnable {
        private static final long CLOSED = 1L << 62;
        final Pointer ptr;
        /** Bit 62: closed; low bits: calls in flight. */
        private final AtomicLong state = new AtomicLong();
        private final AtomicBoolean freed = new AtomicBoolean();

        Handle(Pointer ptr) {
            this.ptr = ptr;
        }

        void acquire() {
            while (true) {
                long s = state.get();
                if ((s & CLOSED) != 0) {
                    throw new InvalidHandleException("engine_closed", "the engine is closed", null);
                }
                if (state.compareAndSet(s, s + 1)) {
                    return;
                }
            }
        }

        void release() {
            if (state.decrementAndGet() == CLOSED) {
                free();
            }
        }

        boolean isClosed() {
            return (state.get() & CLOSED) != 0;
        }

        /** close() or the Cleaner (at most once, by Cleanable's contract). */
        @Override
        public void run() {
            long before = state.getAndUpdate(s -> s | CLOSED);
            if ((before & ~CLOSED) == 0) {
                free();
            }
        }

        private void free() {
            if (freed.compareAndSet(false, true)) {
                WuyeNative.wuye_engine_free(ptr);
                FREED.incrementAndGet();
            }
        }
    }

    // ---------------------------------------------------------------- raw calls

    /**
     * Runs one contract request ({@code {"v":1,"op":"…","args":{…}}}) and returns the
     * response JSON ({@code {"v":1,"ok":true,"result":…}}) byte for byte.
     *
     * @throws WuyeException the subclass of the failure's status; its {@link
     *     WuyeException#response()} is the failure response JSON
     */
    public String callJson(String request) {
        return new String(callBytes(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * As {@link #callJson}, in UTF-8 bytes (the library checks they are UTF-8: invalid bytes
     * throw {@link InvalidUtf8Exception}).
     */
    @Override
    public byte[] callBytes(byte[] request) {
        Objects.requireNonNull(request, "request");
        return callBytes(request, request.length);
    }

    /** {@link #callBytes(byte[])} on the first {@code length} bytes of {@code request}. */
    byte[] callBytes(byte[] request, int length) {
        if (length < 0 || length > request.length) {
            throw new IndexOutOfBoundsException("length " + length + " of " + request.length + " bytes");
        }
        Handle h = handle;
        h.acquire();
        try {
            WuyeBuffer out = OUT.get();
            int status = WuyeNative.wuye_engine_call(h.ptr, request, length, out.getPointer());
            byte[] body = take(out);
            if (status != 0) {
                throw failure(status, body);
            }
            return body;
        } finally {
            h.release();
            Reference.reachabilityFence(this);
        }
    }

    /** The bytes of a filled buffer, freed in any case. */
    static byte[] take(WuyeBuffer out) {
        try {
            return out.bytes();
        } finally {
            WuyeNative.wuye_buffer_free(out.getPointer());
        }
    }

    /** The exception for a failure response. */
    static WuyeException failure(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Status st;
        try {
            st = Status.fromValue(status);
        } catch (IllegalArgumentException e) {
            return new PanicException("unknown_status", "libwuye returned status " + status + ": " + text, text);
        }
        if (st == Status.OK) {
            return new PanicException("unexpected_ok", "failure() called for OK", text);
        }
        try {
            Map<String, Object> m = Json.obj(Json.parse(text), "response");
            Map<String, Object> e = Json.obj(m.get("error"), "error");
            return WuyeException.of(st, Json.str(e, "code"), Json.str(e, "message"), text);
        } catch (RuntimeException parse) {
            return WuyeException.of(st, st.wireName(), text, text);
        }
    }

    // ---------------------------------------------------------------- conveniences
    //
    // Every operation is a generated method of Operations, its arguments in the contract's order.
    // These are overloads that read better in Java; each delegates to a generated method, but
    // feeBillEstate(…, BillInputs), which writes the readings as columns for speed.

    /**
     * {@link #slaStatusBatch(OffsetDateTime, List)}: statuses of the given requests, or of every
     * request when {@code ids} is null; each item succeeds or fails alone.
     */
    public List<Outcome<SlaStatus>> slaStatusBatch(List<String> ids, OffsetDateTime asOf) {
        return slaStatusBatch(asOf, ids);
    }

    /**
     * {@code fee.bill}: bills with traces 计算过程 for a period, for the given schedule and units
     * (nothing is kept in the engine).
     *
     * @param period {@code 2026-09}, {@code 2026-Q3}, {@code 2026} or {@code 2026-09-16..2026-09-30}
     * @throws RefusedException with the code of the fault: {@code overlapping_rates},
     *     {@code rate_not_covered}, {@code reading_backwards}, {@code invalid_fee_input},
     *     {@code unknown_code}, {@code duplicate_code}, {@code wrong_item_kind}, {@code overflow}
     */
    public Bills feeBill(String period, FeeSchedule schedule, List<FeeUnit> units, BillInputs inputs) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(units, "units");
        return feeBill(period, null, inputs.parking(), inputs.readings(), schedule, inputs.shared(), units,
                inputs.usage());
    }

    /**
     * {@code fee.bill} on the estate loaded with {@link #feeLoadEstate}: bills with traces for
     * the units in {@code only} (in that order), or for every unit when {@code only} is null.
     * Shared costs are apportioned across all their units either way.
     *
     * @throws RefusedException {@code no_estate} if none is loaded; otherwise as
     *     {@link #feeBill(String, FeeSchedule, List, BillInputs)}
     */
    public Bills feeBill(String period, BillInputs inputs, List<String> only) {
        return feeBill(period, only, inputs.parking(), inputs.readings(), null, inputs.shared(), null,
                inputs.usage());
    }

    /**
     * {@code fee.bill_estate}: every line of the loaded estate for a period, as three columns
     * (unit index, item index, amount), in unit order then item order. All or nothing: any
     * error and no line is returned. Traces on demand with {@link #feeBill(String, BillInputs,
     * List)}. The readings are sent as columns and the response read straight from its bytes.
     *
     * @throws RefusedException {@code no_estate}, {@code reading_backwards},
     *     {@code rate_not_covered}, {@code unknown_code}…, naming the unit, item and field
     */
    public EstateLines feeBillEstate(String period, BillInputs inputs) {
        ByteJson request = billEstateRequest(period, inputs);
        return EstateLines.decode(callBytes(request.array(), request.size()));
    }

    /**
     * The request of {@link #feeBillEstate(String, BillInputs)}, written straight into bytes with
     * the readings as columns (separate for the benchmark's breakdown).
     */
    static ByteJson billEstateRequest(String period, BillInputs inputs) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(inputs, "inputs");
        ByteJson out = new ByteJson(256 + 32 * inputs.readings().size());
        out.ascii("{\"v\":1,\"op\":\"fee.bill_estate\",\"args\":{\"period\":").str(period);
        inputs.writeEstateFields(out);
        return out.ascii("}}");
    }

    /** {@link #feeBillEstate(String, BillInputs)} for a month. */
    public EstateLines feeBillEstate(YearMonth month, BillInputs inputs) {
        return feeBillEstate(month.toString(), inputs);
    }

    /**
     * {@code fee.account.arrears} with bucket upper bounds in days overdue (strictly
     * ascending, at least one): {@code 30, 90} gives 0–30, 31–90 and over 90.
     */
    public Ageing feeAccountArrears(Account account, LocalDate asOf, int... bucketBounds) {
        List<Integer> buckets = new ArrayList<>(bucketBounds.length);
        for (int b : bucketBounds) {
            buckets.add(b);
        }
        return feeAccountArrears(account, asOf, buckets);
    }

    /**
     * {@code survey.csat} on another scale, counting the {@code topBoxes} highest points as
     * satisfied (at least 1, fewer than the scale's points).
     *
     * @throws RefusedException {@code invalid_survey} for an answer off the scale or a bad
     *     {@code topBoxes}
     */
    public Csat surveyCsat(Scale scale, int topBoxes, List<Long> answers) {
        return surveyCsat(answers, scale, topBoxes);
    }

    /** {@code survey.index} on another scale (null: 1–10). */
    public SatisfactionIndex surveyIndex(Scale scale, List<IndexItem> items, List<List<Long>> responses) {
        return surveyIndex(items, responses, scale);
    }

    /**
     * {@code survey.callbacks} of this engine's requests, broken down {@code by} department,
     * assignee, kind or month.
     *
     * @param threshold the rating counted as satisfied (1–5), or null for the engine's
     *     {@code satisfied_threshold}; it changes the report only, never the requests
     * @throws RefusedException {@code invalid_survey} for a threshold outside 1–5 or a period
     *     that ends before it starts
     */
    public CallbackReport surveyCallbacks(OffsetDateTime from, OffsetDateTime to, GroupBy by, Integer threshold) {
        return surveyCallbacks(from, to, by, null, threshold);
    }

    /**
     * {@code survey.callbacks} of an event log the host passes (each request's events from its
     * registration, as for {@link #logReplay}) instead of this engine's requests, with this
     * engine's configuration, policy and calendar; the engine is not changed. {@code events}
     * null: this engine's requests.
     *
     * @throws InvalidEventException for an event that does not apply (its index is named)
     */
    public CallbackReport surveyCallbacks(List<Event> events, OffsetDateTime from, OffsetDateTime to, GroupBy by,
            Integer threshold) {
        return surveyCallbacks(from, to, by, events, threshold);
    }

    /**
     * {@code kpi.report}: service KPIs of this engine's requests for the period
     * {@code [from, to)}.
     *
     * @param households households for complaints per 100 households 百户投诉率 (at least 1), or null
     * @throws RefusedException {@code invalid_survey} for zero households or a period that
     *     ends before it starts
     */
    public KpiReport kpiReport(OffsetDateTime from, OffsetDateTime to, Long households) {
        return kpiReport(from, to, null, households);
    }

    /**
     * {@code kpi.report} of an event log the host passes instead of this engine's requests
     * (null: this engine's requests); the engine is not changed.
     *
     * @throws InvalidEventException for an event that does not apply (its index is named)
     */
    public KpiReport kpiReport(List<Event> events, OffsetDateTime from, OffsetDateTime to, Long households) {
        return kpiReport(from, to, events, households);
    }

    /**
     * {@code survey.sample} by rate: each of {@code ids} is selected when its key (from the
     * seed and the id alone) falls below the rate — whatever the other ids, so a lower rate
     * selects a subset.
     *
     * @param seed a non-empty seed, e.g. {@code 2026-03回访}
     * @param percent the rate in percent with at most two decimals ({@code 30}, {@code 12.5})
     * @throws RefusedException {@code invalid_survey}: an empty seed, a rate over 100 or with
     *     more decimals, an id given twice
     */
    public CallbackSample surveySample(String seed, BigDecimal percent, List<String> ids) {
        return surveySample(seed, null, Objects.requireNonNull(ids, "ids"), Objects.requireNonNull(percent, "percent"),
                null, null);
    }

    /** {@code survey.sample} by size: the {@code size} ids with the smallest keys. */
    public CallbackSample surveySample(String seed, long size, List<String> ids) {
        return surveySample(seed, null, Objects.requireNonNull(ids, "ids"), null, size, null);
    }

    /**
     * {@code survey.sample} by rate of this engine's requests closed in {@code [from, to)}
     * (not those closed without work 主动结单).
     */
    public CallbackSample surveySample(String seed, BigDecimal percent, OffsetDateTime from, OffsetDateTime to) {
        return surveySample(seed, Objects.requireNonNull(from, "from"), null,
                Objects.requireNonNull(percent, "percent"), null, Objects.requireNonNull(to, "to"));
    }

    /** {@code survey.sample} by size of this engine's requests closed in {@code [from, to)}. */
    public CallbackSample surveySample(String seed, long size, OffsetDateTime from, OffsetDateTime to) {
        return surveySample(seed, Objects.requireNonNull(from, "from"), null, null, size,
                Objects.requireNonNull(to, "to"));
    }
}
