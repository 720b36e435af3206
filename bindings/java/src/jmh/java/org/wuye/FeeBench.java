package org.wuye;

import java.time.YearMonth;
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
 * Fee lines per second, billing a 100k-unit estate × 5 items for one month (the estate of the
 * Rust benchmark: {@link FeeEstateFixture}), end to end from Java:
 *
 * <ul>
 *   <li>{@code ffi}: the estate loaded once ({@code fee.load_estate}, in the setup); each run
 *       writes the month's inputs (100k water readings, the lift bill) as the request, calls
 *       {@code fee.bill_estate}, and decodes the 500k lines into the int/int/long columns a
 *       host stores — everything that crosses the boundary, both ways;
 *   <li>{@code bigDecimal}: {@link BigDecimalBilling}, the same rules in plain Java BigDecimal,
 *       on the same units and inputs, into int/int/BigDecimal columns;
 *   <li>{@code ffiRequest}, {@code ffiCall}, {@code ffiDecode}: the three parts of {@code ffi}
 *       alone (request bytes written; the native call on ready bytes, which includes the
 *       library parsing the inputs, billing and writing the response; the response decoded).
 * </ul>
 *
 * Scores are lines per second (one operation = one line). Run with
 * {@code scripts/bench-java FeeBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FeeBench {
    static final int UNITS = 100_000;
    static final int LINES = 5 * UNITS;

    Engine engine;
    List<FeeUnit> units;
    BillInputs inputs;
    BigDecimalBilling vendor;
    YearMonth month;
    ByteJson request;
    byte[] response;

    @Setup
    public void setup() {
        month = YearMonth.parse(FeeEstateFixture.PERIOD);
        units = FeeEstateFixture.units(UNITS);
        inputs = FeeEstateFixture.inputs(units);
        engine = Engine.standard();
        engine.feeLoadEstate(FeeEstateFixture.SCHEDULE, units);
        vendor = new BigDecimalBilling(FeeEstateFixture.SCHEDULE, units);
        request = Engine.billEstateRequest(FeeEstateFixture.PERIOD, inputs);
        response = engine.callBytes(request.array(), request.size());
        EstateLines lib = EstateLines.decode(response);
        BigDecimalBilling.Lines mine = vendor.bill(month, inputs);
        if (lib.size() != LINES || mine.size() != LINES || !lib.total().equals(Money.of(mine.total()))) {
            throw new IllegalStateException("the two runs disagree: " + lib.size() + " lines, " + lib.total() + " vs "
                    + mine.size() + " lines, " + mine.total());
        }
        System.out.printf("%nfee.bill_estate: request %.1f MB, response %.1f MB, %d lines, total %s%n",
                request.size() / 1e6, response.length / 1e6, lib.size(), lib.total());
    }

    @TearDown
    public void close() {
        engine.close();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public EstateLines ffi() {
        return engine.feeBillEstate(month, inputs);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public BigDecimalBilling.Lines bigDecimal() {
        return vendor.bill(month, inputs);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public ByteJson ffiRequest() {
        return Engine.billEstateRequest(FeeEstateFixture.PERIOD, inputs);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public byte[] ffiCall() {
        return engine.callBytes(request.array(), request.size());
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public EstateLines ffiDecode() {
        return EstateLines.decode(response);
    }
}
