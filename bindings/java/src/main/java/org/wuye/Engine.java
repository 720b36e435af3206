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
import java.util.Collections;
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
public final class Engine implements AutoCloseable {
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

    /** Parses a success response and returns its {@code result}. */
    private static Map<String, Object> result(byte[] body) {
        Map<String, Object> m = Json.obj(Json.parse(body), "response");
        return Json.obj(m.get("result"), "result");
    }

    // ---------------------------------------------------------------- request building

    /** Builds {@code {"v":1,"op":"…","args":{…}}}. */
    private static final class Req {
        final StringBuilder sb;
        private char sep = '{';

        Req(String op) {
            this(op, 128);
        }

        Req(String op, int capacity) {
            sb = new StringBuilder(capacity);
            sb.append("{\"v\":1,\"op\":\"").append(op).append("\",\"args\":");
        }

        private StringBuilder key(String k) {
            sb.append(sep).append('"').append(k).append("\":");
            sep = ',';
            return sb;
        }

        Req str(String k, String v) {
            Json.quote(key(k), Objects.requireNonNull(v, k));
            return this;
        }

        Req num(String k, long v) {
            key(k).append(v);
            return this;
        }

        Req date(String k, LocalDate d) {
            key(k).append('"').append(Objects.requireNonNull(d, k).toString()).append('"');
            return this;
        }

        Req instant(String k, OffsetDateTime t) {
            Rfc3339.format(key(k).append('"'), Objects.requireNonNull(t, k));
            sb.append('"');
            return this;
        }

        Req value(String k, Json.JsonWritable v) {
            Objects.requireNonNull(v, k).writeJson(key(k));
            return this;
        }

        Req events(String k, List<Event> events) {
            Event.writeList(key(k), Objects.requireNonNull(events, k));
            return this;
        }

        byte[] bytes() {
            if (sep == '{') {
                sb.append('{');
            }
            sb.append("}}");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private Map<String, Object> run(Req r) {
        return result(callBytes(r.bytes()));
    }

    // ---------------------------------------------------------------- engine

    /** {@code engine.info}: versions, number of requests, the operations. */
    public EngineInfo engineInfo() {
        Map<String, Object> m = run(new Req("engine.info"));
        List<String> ops = new ArrayList<>();
        for (Object o : Json.arr(m.get("operations"), "operations")) {
            ops.add((String) o);
        }
        return new EngineInfo((int) Json.num(m, "contract_version"), Json.str(m, "library_version"),
                Json.num(m, "requests"), ops);
    }

    private static final String EXPORT_PREFIX = "{\"v\":1,\"ok\":true,\"result\":{\"state\":";

    /**
     * {@code engine.export}: the engine's whole state as JSON (configuration, policy,
     * calendar, every request with its clocks), for storage and {@link #fromState}.
     */
    public String engineExport() {
        String text = new String(callBytes(new Req("engine.export").bytes()), StandardCharsets.UTF_8);
        if (text.startsWith(EXPORT_PREFIX) && text.endsWith("}}")) {
            return text.substring(EXPORT_PREFIX.length(), text.length() - 2);
        }
        Map<String, Object> m = Json.obj(Json.parse(text), "response");
        return Json.write(Json.obj(m.get("result"), "result").get("state"));
    }

    // ---------------------------------------------------------------- calendar

    /** {@code calendar.is_working_day}: whether a date is a working day (调休 Saturdays are). */
    public boolean calendarIsWorkingDay(LocalDate date) {
        return Json.bool(run(new Req("calendar.is_working_day").date("date", date)), "working");
    }

    /** {@code calendar.working_days}: working days in {@code from..=to} (both included). */
    public int calendarWorkingDays(LocalDate from, LocalDate to) {
        return (int) Json.num(run(new Req("calendar.working_days").date("from", from).date("to", to)), "days");
    }

    /** {@code calendar.add}: the instant {@code seconds} of business time after {@code start}. */
    public OffsetDateTime calendarAdd(OffsetDateTime start, long seconds) {
        return Json.instant(run(new Req("calendar.add").instant("start", start).num("seconds", seconds)), "instant");
    }

    /** {@code calendar.between}: business seconds from {@code from} to {@code to}. */
    public long calendarBetween(OffsetDateTime from, OffsetDateTime to) {
        return Json.num(run(new Req("calendar.between").instant("from", from).instant("to", to)), "seconds");
    }

    /** {@code calendar.next_working_instant}: {@code at} itself if in working time, else the next start. */
    public OffsetDateTime calendarNextWorkingInstant(OffsetDateTime at) {
        return Json.instant(run(new Req("calendar.next_working_instant").instant("at", at)), "instant");
    }

    // ---------------------------------------------------------------- requests

    /** {@code request.register} 受理登记: registers a new request; returns its events. */
    public List<Event> requestRegister(NewRequest request, Actor actor, OffsetDateTime now) {
        return Event.list(run(new Req("request.register").value("request", request).value("actor", actor)
                .instant("now", now)).get("events"));
    }

    /**
     * {@code request.execute}: one step on a request; returns its events (an unsatisfied
     * callback gives two: {@code callback_rated} and {@code reopened}).
     *
     * @throws RefusedException if the role may not take the step, the stage does not allow
     *     it, {@code now} is before the request's last event, or a field is invalid
     * @throws NotFoundException if there is no such request
     */
    public List<Event> requestExecute(String id, Command command, Actor actor, OffsetDateTime now) {
        return Event.list(run(new Req("request.execute").str("id", id).value("command", command)
                .value("actor", actor).instant("now", now)).get("events"));
    }

    /**
     * {@code request.execute_batch}: several steps in one call, in order; each stands alone (a
     * refused step changes nothing and the next still runs).
     */
    public List<Outcome<List<Event>>> requestExecuteBatch(List<ExecuteStep> steps) {
        Req r = new Req("request.execute_batch");
        StringBuilder sb = r.key("steps").append('[');
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            steps.get(i).writeJson(sb);
        }
        sb.append(']');
        List<Object> items = Json.arr(run(r).get("results"), "results");
        List<Outcome<List<Event>>> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(outcome(item, x -> Event.list(Json.obj(x, "result").get("events"))));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code request.get}: a request as the engine holds it. */
    public ServiceRequest requestGet(String id) {
        return ServiceRequest.from(run(new Req("request.get").str("id", id)).get("request"));
    }

    // ---------------------------------------------------------------- SLA

    /** {@code sla.status}: every clock of a request as of an instant (not before its last event). */
    public SlaStatus slaStatus(String id, OffsetDateTime asOf) {
        return SlaStatus.from(run(new Req("sla.status").str("id", id).instant("as_of", asOf)));
    }

    /**
     * {@code sla.status_batch}: statuses of the given requests, or of every request when
     * {@code ids} is null; each item succeeds or fails alone.
     */
    public List<Outcome<SlaStatus>> slaStatusBatch(List<String> ids, OffsetDateTime asOf) {
        Req r = new Req("sla.status_batch");
        if (ids != null) {
            StringBuilder sb = r.key("ids").append('[');
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Json.quote(sb, ids.get(i));
            }
            sb.append(']');
        }
        r.instant("as_of", asOf);
        List<Object> items = Json.arr(run(r).get("statuses"), "statuses");
        List<Outcome<SlaStatus>> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(outcome(item, SlaStatus::from));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code sla.tick}: escalations 升级 due by {@code now}, each exactly once, as events. */
    public List<Event> slaTick(OffsetDateTime now) {
        return Event.list(run(new Req("sla.tick").instant("now", now)).get("events"));
    }

    /** {@code log.replay}: applies an event log, all or nothing. */
    public ReplayResult logReplay(List<Event> events) {
        Map<String, Object> m = run(new Req("log.replay").events("events", events));
        return new ReplayResult(Json.num(m, "applied"), Json.num(m, "requests"));
    }

    /**
     * {@code sla.status_from_events}: the SLA status of one request computed from its events
     * alone (with this engine's policy and calendar), without registering it.
     */
    public SlaStatus slaStatusFromEvents(List<Event> events, OffsetDateTime asOf) {
        return SlaStatus.from(run(new Req("sla.status_from_events").events("events", events)
                .instant("as_of", asOf)));
    }

    // ---------------------------------------------------------------- fees 收费

    private static void writeAll(StringBuilder sb, List<? extends Json.JsonWritable> l) {
        sb.append('[');
        for (int i = 0, n = l.size(); i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            l.get(i).writeJson(sb);
        }
        sb.append(']');
    }

    private static int sizeHint(List<FeeUnit> units, BillInputs inputs) {
        long n = 256 + (units == null ? 0 : 160L * units.size()) + 128L * inputs.readings().size()
                + 128L * (inputs.usage().size() + inputs.parking().size());
        return (int) Math.min(n, Integer.MAX_VALUE - 16);
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
        Req r = new Req("fee.bill", sizeHint(units, inputs)).str("period", period).value("schedule", schedule);
        writeAll(r.key("units"), units);
        inputs.writeFields(r.sb);
        return bills(run(r));
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
        Req r = new Req("fee.bill", sizeHint(null, inputs)).str("period", period);
        inputs.writeFields(r.sb);
        if (only != null) {
            Json.write(r.key("only"), only);
        }
        return bills(run(r));
    }

    private static Bills bills(Map<String, Object> m) {
        return new Bills(Bill.list(m.get("bills")), Money.from(m.get("total"), "total"));
    }

    /**
     * {@code fee.load_estate}: loads an estate's schedule and units into this engine once
     * (checked and indexed), for {@link #feeBillEstate} and {@link #feeBill(String, BillInputs,
     * List)}. Replaces any estate loaded before; it is not part of {@link #engineExport()}.
     *
     * @throws RefusedException as {@link #feeBill(String, FeeSchedule, List, BillInputs)} for a
     *     bad schedule or unit (nothing is loaded then, and the estate loaded before stays)
     */
    public LoadedEstate feeLoadEstate(FeeSchedule schedule, List<FeeUnit> units) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(units, "units");
        Req r = new Req("fee.load_estate", sizeHint(units, BillInputs.NONE)).value("schedule", schedule);
        writeAll(r.key("units"), units);
        Map<String, Object> m = run(r);
        List<String> items = new ArrayList<>();
        for (Object o : Json.arr(m.get("items"), "items")) {
            items.add((String) o);
        }
        return new LoadedEstate(Math.toIntExact(Json.num(m, "units")), items);
    }

    /**
     * {@code fee.bill_estate}: every line of the loaded estate for a period, as three columns
     * (unit index, item index, amount), in unit order then item order. All or nothing: any
     * error and no line is returned. Traces on demand with {@link #feeBill(String, BillInputs,
     * List)}.
     *
     * @throws RefusedException {@code no_estate}, {@code reading_backwards},
     *     {@code rate_not_covered}, {@code unknown_code}…, naming the unit, item and field
     */
    public EstateLines feeBillEstate(String period, BillInputs inputs) {
        ByteJson request = billEstateRequest(period, inputs);
        return EstateLines.decode(callBytes(request.array(), request.size()));
    }

    /**
     * The request of {@link #feeBillEstate}, written straight into bytes with the readings as
     * columns (separate for the benchmark's breakdown).
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
     * {@code fee.parking}: the charge for one temporary-parking stay 临时停车 (a started minute
     * counts; a day is cut per 24 hours from entry).
     */
    public ParkingCharge feeParking(ParkingTariff tariff, OffsetDateTime entry, OffsetDateTime exit) {
        return ParkingCharge.from(run(new Req("fee.parking").value("tariff", tariff).instant("entry", entry)
                .instant("exit", exit)));
    }

    /**
     * {@code fee.apportion}: splits an amount by weights (areas, shares) by largest remainder
     * 最大余数法; the parts sum exactly to the amount.
     *
     * @throws RefusedException {@code bad_weights} for a negative weight or weights summing to zero
     */
    public List<Money> feeApportion(Money amount, List<BigDecimal> weights) {
        Req r = new Req("fee.apportion").value("amount", amount);
        StringBuilder sb = r.key("weights").append('[');
        for (int i = 0; i < weights.size(); i++) {
            sb.append(i > 0 ? ",\"" : "\"").append(weights.get(i).toPlainString()).append('"');
        }
        sb.append(']');
        List<Object> parts = Json.arr(run(r).get("parts"), "parts");
        List<Money> out = new ArrayList<>(parts.size());
        for (Object o : parts) {
            out.add(Money.from(o, "part"));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@code fee.account.execute}: one command on an account; returns the new account and the
     * events to store. A refused command throws and the host keeps the account it has.
     *
     * @throws RefusedException {@code invalid_field}, {@code out_of_order},
     *     {@code exceeds_available}, {@code nothing_to_do}
     * @throws NotFoundException {@code unknown_reference} (charge or receipt)
     * @throws ConflictException {@code duplicate_number} (charge, receipt, refund or credit note)
     */
    public AccountResult feeAccountExecute(Account account, AccountCommand command) {
        Map<String, Object> m = run(new Req("fee.account.execute").value("account", account).value("command", command));
        return new AccountResult(Account.from(m.get("account")), AccountEvent.list(m.get("events")));
    }

    /**
     * {@code fee.account.late_fees}: late fees 滞纳金 as of a date, per charge, on the
     * principal still unpaid day by day.
     */
    public LateFees feeAccountLateFees(Account account, LocalDate asOf) {
        return LateFees.from(run(new Req("fee.account.late_fees").value("account", account).date("as_of", asOf)));
    }

    /** {@code fee.account.arrears}: ageing 账龄 as of a date in the default buckets (30, 90, 180, 365 days). */
    public Ageing feeAccountArrears(Account account, LocalDate asOf) {
        return Ageing.from(run(new Req("fee.account.arrears").value("account", account).date("as_of", asOf)));
    }

    /**
     * {@code fee.account.arrears} with bucket upper bounds in days overdue (strictly
     * ascending, at least one): {@code 30, 90} gives 0–30, 31–90 and over 90.
     */
    public Ageing feeAccountArrears(Account account, LocalDate asOf, int... bucketBounds) {
        Req r = new Req("fee.account.arrears").value("account", account).date("as_of", asOf);
        StringBuilder sb = r.key("buckets").append('[');
        for (int i = 0; i < bucketBounds.length; i++) {
            sb.append(i > 0 ? "," : "").append(bucketBounds[i]);
        }
        sb.append(']');
        return Ageing.from(run(r));
    }

    // ---------------------------------------------------------------- surveys 满意度

    // The survey operations are pure functions of their arguments: they read nothing from the
    // engine and change nothing. Every figure is an exact decimal (BigDecimal, parsed from the
    // library's fixed-place strings: "87.50", "-0.7667"), never a double; a figure over no
    // answers is null ("no data"). A refusal throws RefusedException with code invalid_survey
    // (or overflow), its message naming the response, item and answer at fault.

    private static void answers(Req r, String key, List<Integer> answers) {
        Objects.requireNonNull(answers, key);
        StringBuilder sb = r.key(key).append('[');
        for (int i = 0, n = answers.size(); i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Objects.requireNonNull(answers.get(i), key).intValue());
        }
        sb.append(']');
    }

    private static Req survey(String op, Survey survey) {
        Objects.requireNonNull(survey, "survey");
        Req r = new Req(op, 256 + 96 * survey.responses().size());
        if (survey.scale() != null) {
            r.value("scale", survey.scale());
        }
        if (survey.items() != null) {
            writeAll(r.key("items"), survey.items());
        }
        if (survey.weights() != null) {
            r.value("weights", survey.weights());
        }
        writeAll(r.key("responses"), survey.responses());
        return r;
    }

    /**
     * {@code survey.servqual}: SERVQUAL 服务质量差距 — mean expectation, mean perception and the
     * gap P − E per item (over those who answered both), per dimension (the mean of its items),
     * overall (the mean of the five) and weighted (fixed weights, or the average of the
     * respondents' own).
     *
     * @throws RefusedException {@code invalid_survey}: an answer off the scale, an answer list
     *     of the wrong length, a response without expectations, weights not summing to 100 or
     *     negative, fixed weights together with respondents' weights, an empty or duplicate
     *     item id, a dimension without items
     */
    public Servqual surveyServqual(Survey survey) {
        return Servqual.from(run(survey("survey.servqual", survey)));
    }

    /**
     * {@code survey.servperf}: SERVPERF 服务绩效 — the same survey, perceptions only
     * (expectations, when given, are checked, not used).
     *
     * @throws RefusedException {@code invalid_survey}, as {@link #surveyServqual}
     */
    public Servperf surveyServperf(Survey survey) {
        return Servperf.from(run(survey("survey.servperf", survey)));
    }

    /**
     * {@code survey.csat}: CSAT 顾客满意度 on 1–5, the top two boxes (4 and 5) counting as
     * satisfied.
     *
     * @throws RefusedException {@code invalid_survey} for an answer outside 1–5
     */
    public Csat surveyCsat(List<Integer> answers) {
        Req r = new Req("survey.csat");
        answers(r, "answers", answers);
        return Csat.from(run(r));
    }

    /**
     * {@code survey.csat} on another scale, counting the {@code topBoxes} highest points as
     * satisfied (at least 1, fewer than the scale's points).
     *
     * @throws RefusedException {@code invalid_survey} for an answer off the scale or a bad
     *     {@code topBoxes}
     */
    public Csat surveyCsat(Scale scale, int topBoxes, List<Integer> answers) {
        Req r = new Req("survey.csat").value("scale", scale).num("top_boxes", topBoxes);
        answers(r, "answers", answers);
        return Csat.from(run(r));
    }

    /**
     * {@code survey.nps}: Net Promoter Score 净推荐值 of answers 0–10.
     *
     * @throws RefusedException {@code invalid_survey} for an answer outside 0–10
     */
    public Nps surveyNps(List<Integer> answers) {
        Req r = new Req("survey.nps");
        answers(r, "answers", answers);
        return Nps.from(run(r));
    }

    /**
     * {@code survey.proportion}: {@code count} of {@code total} in percent with its 95% Wilson
     * interval; percent and interval are null when {@code total} is 0.
     *
     * @throws RefusedException {@code invalid_survey} when {@code count} exceeds {@code total}
     */
    public Proportion surveyProportion(long count, long total) {
        return Proportion.from(run(new Req("survey.proportion").num("count", count).num("total", total)));
    }

    /**
     * {@code survey.index}: a 0–100 satisfaction index 满意度指数 (ACSI-style) on 1–10.
     *
     * @param items the questions with weights summing to 100
     * @param responses one list of answers per respondent, in item order (null: skipped)
     * @throws RefusedException {@code invalid_survey}: weights not summing to 100, an answer
     *     off the scale, a response of the wrong length
     */
    public SatisfactionIndex surveyIndex(List<IndexItem> items, List<List<Integer>> responses) {
        return surveyIndex(null, items, responses);
    }

    /** {@link #surveyIndex(List, List)} on another scale (null: 1–10). */
    public SatisfactionIndex surveyIndex(Scale scale, List<IndexItem> items, List<List<Integer>> responses) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(responses, "responses");
        Req r = new Req("survey.index", 128 + 32 * responses.size());
        if (scale != null) {
            r.value("scale", scale);
        }
        writeAll(r.key("items"), items);
        Json.write(r.key("responses"), responses);
        return SatisfactionIndex.from(run(r));
    }

    /**
     * {@code survey.value}: customer value 顾客价值 = (utility + process quality) − (price +
     * access cost) and potential profit 公司潜在利润 = (utility + process quality) − provision
     * cost, per service line, with totals (null without lines).
     *
     * @throws RefusedException {@code invalid_survey} for a negative input
     */
    public CustomerValue surveyValue(List<ServiceLine> lines) {
        Req r = new Req("survey.value");
        writeAll(r.key("lines"), Objects.requireNonNull(lines, "lines"));
        return CustomerValue.from(run(r));
    }

    // ---------------------------------------------------------------- satisfaction and KPIs from the log

    /**
     * {@code survey.callbacks}: 满意率 and callback coverage of this engine's requests for the
     * period {@code [from, to)}, overall only, at the engine's satisfied threshold.
     *
     * @throws RefusedException {@code invalid_survey} for a period that ends before it starts
     */
    public CallbackReport surveyCallbacks(OffsetDateTime from, OffsetDateTime to) {
        return surveyCallbacks(null, from, to, GroupBy.ALL, null);
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
        return surveyCallbacks(null, from, to, by, threshold);
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
        Req r = new Req("survey.callbacks", events == null ? 192 : 192 + 256 * events.size());
        if (events != null) {
            r.events("events", events);
        }
        r.instant("from", from).instant("to", to).str("by", Objects.requireNonNull(by, "by").wireName());
        if (threshold != null) {
            r.num("threshold", threshold);
        }
        return CallbackReport.from(run(r));
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
        return kpiReport(null, from, to, households);
    }

    /**
     * {@code kpi.report} of an event log the host passes instead of this engine's requests
     * (null: this engine's requests); the engine is not changed.
     *
     * @throws InvalidEventException for an event that does not apply (its index is named)
     */
    public KpiReport kpiReport(List<Event> events, OffsetDateTime from, OffsetDateTime to, Long households) {
        Req r = new Req("kpi.report", events == null ? 160 : 160 + 256 * events.size());
        if (events != null) {
            r.events("events", events);
        }
        r.instant("from", from).instant("to", to);
        if (households != null) {
            r.num("households", households);
        }
        return KpiReport.from(run(r));
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
        Req r = new Req("survey.sample").str("seed", seed);
        Json.decimal(r.key("rate"), Objects.requireNonNull(percent, "percent"));
        Json.write(r.key("ids"), Objects.requireNonNull(ids, "ids"));
        return CallbackSample.from(run(r));
    }

    /** {@code survey.sample} by size: the {@code size} ids with the smallest keys. */
    public CallbackSample surveySample(String seed, long size, List<String> ids) {
        Req r = new Req("survey.sample").str("seed", seed).num("size", size);
        Json.write(r.key("ids"), Objects.requireNonNull(ids, "ids"));
        return CallbackSample.from(run(r));
    }

    /**
     * {@code survey.sample} by rate of this engine's requests closed in {@code [from, to)}
     * (not those closed without work 主动结单).
     */
    public CallbackSample surveySample(String seed, BigDecimal percent, OffsetDateTime from, OffsetDateTime to) {
        Req r = new Req("survey.sample").str("seed", seed);
        Json.decimal(r.key("rate"), Objects.requireNonNull(percent, "percent"));
        return CallbackSample.from(run(r.instant("from", from).instant("to", to)));
    }

    /** {@code survey.sample} by size of this engine's requests closed in {@code [from, to)}. */
    public CallbackSample surveySample(String seed, long size, OffsetDateTime from, OffsetDateTime to) {
        return CallbackSample.from(run(new Req("survey.sample").str("seed", seed).num("size", size)
                .instant("from", from).instant("to", to)));
    }

    private static <T> Outcome<T> outcome(Object item, java.util.function.Function<Object, T> read) {
        Map<String, Object> m = Json.obj(item, "item");
        if (Json.bool(m, "ok")) {
            return new Outcome<>(read.apply(m.get("result")), null);
        }
        Map<String, Object> e = Json.obj(m.get("error"), "error");
        int status = (int) Json.num(e, "status");
        Status st;
        try {
            st = Status.fromValue(status);
        } catch (IllegalArgumentException x) {
            st = Status.PANIC;
        }
        return new Outcome<>(null, WuyeException.of(st == Status.OK ? Status.PANIC : st, Json.str(e, "code"),
                Json.str(e, "message"), Json.write(item)));
    }
}
