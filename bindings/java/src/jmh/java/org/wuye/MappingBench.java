package org.wuye;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Why the binding uses JNA direct mapping: the native round trip of one small request
 * ({@code calendar.is_working_day}, response read and freed) through
 * <ul>
 *   <li>{@code direct}: {@code Native.register} + the buffer's fields read at their offsets
 *       (what {@link Engine} does);
 *   <li>{@code interfacePointer}: an interface mapping ({@code Native.load}), same buffer
 *       handling;
 *   <li>{@code interfaceStructure}: an interface mapping passing the {@link WuyeBuffer}
 *       structure, which JNA writes before and reads back after each call (textbook JNA).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MappingBench {
    /** The interface mapping of the same functions. */
    public interface Lib extends Library {
        int wuye_engine_call(Pointer engine, byte[] request, long len, Pointer out);

        int wuye_engine_call(Pointer engine, byte[] request, long len, WuyeBuffer out);

        void wuye_buffer_free(Pointer buffer);

        void wuye_buffer_free(WuyeBuffer buffer);
    }

    Lib lib;
    Pointer engine;
    WuyeBuffer buffer;
    byte[] request;

    @Setup
    public void setup() {
        Wuye.load();
        lib = Native.load(Wuye.libraryPath(), Lib.class);
        Memory out = new Memory(8);
        byte[] config = "{\"v\":1}".getBytes(StandardCharsets.UTF_8);
        if (WuyeNative.wuye_engine_new(config, config.length, out, null) != 0) {
            throw new IllegalStateException("engine");
        }
        engine = out.getPointer(0);
        buffer = new WuyeBuffer();
        request = "{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{\"date\":\"2026-10-10\"}}"
                .getBytes(StandardCharsets.UTF_8);
    }

    @TearDown
    public void tearDown() {
        WuyeNative.wuye_engine_free(engine);
    }

    @Benchmark
    public byte[] direct() {
        WuyeNative.wuye_engine_call(engine, request, request.length, buffer.getPointer());
        return Engine.take(buffer);
    }

    @Benchmark
    public byte[] interfacePointer() {
        lib.wuye_engine_call(engine, request, request.length, buffer.getPointer());
        try {
            return buffer.bytes();
        } finally {
            lib.wuye_buffer_free(buffer.getPointer());
        }
    }

    @Benchmark
    public byte[] interfaceStructure() {
        lib.wuye_engine_call(engine, request, request.length, buffer);
        try {
            return buffer.ptr.getByteArray(0, (int) buffer.len);
        } finally {
            lib.wuye_buffer_free(buffer);
        }
    }
}
