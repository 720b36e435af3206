package org.wuye;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The C ABI, bound with JNA direct mapping ({@link Native#register}): each call goes
 * straight to the symbol without the proxy, reflection and argument conversion of an
 * interface mapping (see {@code MappingBench} for the measurement).
 *
 * <p>Strings never cross as {@code String} (JNA would encode them with the platform charset,
 * turning Chinese into {@code ?} under {@code LC_ALL=C}): requests are UTF-8 {@code byte[]}
 * with an explicit length; responses come back in a {@link WuyeBuffer} and are decoded as
 * UTF-8 in Java. {@code size_t} is mapped to {@code long}, so the binding needs a 64-bit JVM
 * (checked at load).
 */
final class WuyeNative {
    /** The ABI version this binding is written against. */
    static final int ABI_VERSION = 1;
    /** The contract version this binding speaks. */
    static final int CONTRACT_VERSION = 1;

    /** The library file that was loaded, or null. */
    static final String LIBRARY;
    /** Why loading failed, or null. */
    private static final String LOAD_ERROR;

    static {
        String library = null;
        String error = null;
        try {
            NativeLibrary lib = open();
            library = lib.getFile() == null ? lib.getName() : lib.getFile().getPath();
            if (Native.SIZE_T_SIZE != 8 || Native.POINTER_SIZE != 8) {
                throw new UnsatisfiedLinkError("wuye's Java binding needs a 64-bit JVM (size_t is "
                        + Native.SIZE_T_SIZE + " bytes here)");
            }
            if (new WuyeBuffer().offsetOfLen() != WuyeBuffer.LEN_OFFSET) {
                throw new UnsatisfiedLinkError("unexpected WuyeBuffer layout on this platform");
            }
            Native.register(WuyeNative.class, lib);
            int abi = wuye_abi_version();
            int contract = wuye_contract_version();
            if (abi != ABI_VERSION || contract != CONTRACT_VERSION) {
                Native.unregister(WuyeNative.class);
                throw new UnsatisfiedLinkError(library + " speaks ABI " + abi + " and contract " + contract
                        + "; this binding needs ABI " + ABI_VERSION + " and contract " + CONTRACT_VERSION
                        + ". Use the libwuye built from the same release as this jar.");
            }
        } catch (UnsatisfiedLinkError e) {
            error = e.getMessage();
        }
        LIBRARY = error == null ? library : null;
        LOAD_ERROR = error;
    }

    private WuyeNative() {}

    /** Throws the load failure, if any. Cheap after the first call. */
    static void ensureLoaded() {
        if (LOAD_ERROR != null) {
            throw new UnsatisfiedLinkError(LOAD_ERROR);
        }
    }

    /**
     * Finds libwuye: the system property {@code wuye.library.path}, else the environment
     * variable {@code WUYE_LIB} (each a file, or a directory holding {@code libwuye.so}),
     * else JNA's own search ({@code jna.library.path}, then the system's library path). The
     * first of the two settings that is present decides: a wrong path is an error, not a
     * reason to load some other copy.
     */
    private static NativeLibrary open() {
        String fileName = System.mapLibraryName("wuye");
        String[][] settings = {
            {"system property wuye.library.path", System.getProperty("wuye.library.path")},
            {"environment variable WUYE_LIB", System.getenv("WUYE_LIB")},
        };
        List<String> tried = new ArrayList<>();
        for (String[] s : settings) {
            if (s[1] == null || s[1].isBlank()) {
                tried.add(s[0] + " (not set)");
                continue;
            }
            File f = new File(s[1]).getAbsoluteFile().toPath().normalize().toFile();
            if (f.isDirectory()) {
                f = new File(f, fileName);
            }
            if (!f.isFile()) {
                throw new UnsatisfiedLinkError("cannot load libwuye: " + s[0] + " is \"" + s[1] + "\", but "
                        + f.getAbsolutePath() + " does not exist. Build it with `cargo build --release -p wuye-ffi` "
                        + "(target/release/" + fileName + ")");
            }
            try {
                return NativeLibrary.getInstance(f.getAbsolutePath());
            } catch (UnsatisfiedLinkError e) {
                throw new UnsatisfiedLinkError("cannot load libwuye from " + f.getAbsolutePath() + " (" + s[0]
                        + "): " + e.getMessage());
            }
        }
        try {
            return NativeLibrary.getInstance("wuye");
        } catch (UnsatisfiedLinkError e) {
            tried.add("jna.library.path = " + System.getProperty("jna.library.path", "(not set)"));
            tried.add("the system library path");
            throw new UnsatisfiedLinkError("cannot find libwuye (" + fileName + "). Tried: " + String.join("; ", tried)
                    + ". Set -Dwuye.library.path=DIR or WUYE_LIB=DIR to the directory of " + fileName
                    + ". JNA said: " + e.getMessage());
        }
    }

    static native int wuye_abi_version();

    static native int wuye_contract_version();

    static native Pointer wuye_status_name(int status);

    static native int wuye_engine_new(byte[] config, long configLen, Pointer outEngine, Pointer outError);

    static native void wuye_engine_free(Pointer engine);

    static native int wuye_engine_call(Pointer engine, byte[] request, long requestLen, Pointer outResponse);

    static native int wuye_call_once(byte[] config, long configLen, byte[] request, long requestLen,
            Pointer outResponse);

    static native void wuye_buffer_free(Pointer buffer);
}
