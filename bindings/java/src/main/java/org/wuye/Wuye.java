package org.wuye;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Entry points of the wuye binding that need no engine: versions, status names, one-off
 * calls. Engines are made with {@link Engine#standard()}, {@link Engine#create(String)} and
 * {@link Engine#fromState(String)}.
 *
 * <p>libwuye is found through the system property {@code wuye.library.path}, else the
 * environment variable {@code WUYE_LIB} (a file or its directory), else a {@code libwuye.so}
 * in {@code jna.library.path}, else the copy inside the published jar
 * ({@code linux-x86-64/libwuye.so}), else the system's library path. Its ABI and contract
 * versions are checked when it loads; a mismatch refuses to load.
 */
public final class Wuye {
    /** The C ABI version this binding is written against. */
    public static final int ABI_VERSION = WuyeNative.ABI_VERSION;
    /** The contract version this binding speaks. */
    public static final int CONTRACT_VERSION = WuyeNative.CONTRACT_VERSION;

    private Wuye() {}

    /**
     * Loads libwuye if not loaded yet.
     *
     * @throws UnsatisfiedLinkError naming what was tried, or the version mismatch
     */
    public static void load() {
        WuyeNative.ensureLoaded();
    }

    /** The path of the loaded libwuye. */
    public static String libraryPath() {
        WuyeNative.ensureLoaded();
        return WuyeNative.LIBRARY;
    }

    /** {@code wuye_abi_version()} of the loaded library. */
    public static int abiVersion() {
        WuyeNative.ensureLoaded();
        return WuyeNative.wuye_abi_version();
    }

    /** {@code wuye_contract_version()} of the loaded library. */
    public static int contractVersion() {
        WuyeNative.ensureLoaded();
        return WuyeNative.wuye_contract_version();
    }

    /** {@code wuye_status_name(status)}: e.g. {@code refused}; {@code unknown} for other values. */
    public static String statusName(int status) {
        WuyeNative.ensureLoaded();
        // An ASCII, NUL-terminated static string.
        return WuyeNative.wuye_status_name(status).getString(0, "US-ASCII");
    }

    /**
     * Runs one request against a fresh engine made from {@code configJson} (for calendar
     * queries and other one-off calls) and returns the response JSON.
     *
     * @throws WuyeException the subclass of the failure's status
     */
    public static String callOnce(String configJson, String request) {
        return new String(callOnce(configJson.getBytes(StandardCharsets.UTF_8),
                request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** As {@link #callOnce(String, String)}, in UTF-8 bytes. */
    public static byte[] callOnce(byte[] config, byte[] request) {
        WuyeNative.ensureLoaded();
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(request, "request");
        WuyeBuffer out = new WuyeBuffer();
        int status = WuyeNative.wuye_call_once(config, config.length, request, request.length, out.getPointer());
        byte[] body = Engine.take(out);
        if (status != 0) {
            throw Engine.failure(status, body);
        }
        return body;
    }
}
