package org.wuye;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.File;
import java.io.IOException;
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
     * Finds libwuye, first match wins:
     * <ol>
     *   <li>the system property {@code wuye.library.path} (on the command line, or set in code
     *       before the first call), then the environment variable {@code WUYE_LIB} — each a
     *       file, or a directory holding {@code libwuye.so}; the first of the two that is
     *       present decides, and a wrong path is an error, not a reason to load some other
     *       copy;</li>
     *   <li>a {@code libwuye.so} in a directory of {@code jna.library.path};</li>
     *   <li>the library inside this jar, at JNA's resource path ({@code linux-x86-64/libwuye.so}
     *       in the published jar; JNA unpacks it to its temporary directory);</li>
     *   <li>the system's library path ({@code ld.so}: {@code LD_LIBRARY_PATH}, ld.so.cache).</li>
     * </ol>
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
            return load(f, s[0]);
        }
        String jnaPath = System.getProperty("jna.library.path");
        if (jnaPath != null && !jnaPath.isBlank()) {
            for (String dir : jnaPath.split(File.pathSeparator)) {
                File f = new File(dir, fileName);
                if (!dir.isBlank() && f.isFile()) {
                    return load(f.getAbsoluteFile(), "jna.library.path");
                }
            }
        }
        tried.add("jna.library.path = " + (jnaPath == null ? "(not set)" : jnaPath));
        String resource = Platform.RESOURCE_PREFIX + "/" + fileName;
        ClassLoader loader = WuyeNative.class.getClassLoader();
        if (loader != null && loader.getResource(resource) != null) {
            File unpacked;
            try {
                // A leading "/" makes JNA take the name as the resource path itself.
                unpacked = Native.extractFromResourcePath("/" + resource, loader);
            } catch (IOException e) {
                throw new UnsatisfiedLinkError("cannot unpack " + resource + " from the wuye jar: " + e.getMessage()
                        + " (JNA unpacks to jna.tmpdir, else ~/.cache/JNA/temp; set -Djna.tmpdir=DIR to a"
                        + " writable directory that allows executables)");
            }
            return load(unpacked, "the library inside the wuye jar (" + resource + ")");
        }
        tried.add("the jar's own " + resource + " (not in this jar)");
        try {
            return NativeLibrary.getInstance("wuye");
        } catch (UnsatisfiedLinkError e) {
            tried.add("the system library path");
            throw new UnsatisfiedLinkError("cannot find libwuye (" + fileName + "). Tried: " + String.join("; ", tried)
                    + ". Set -Dwuye.library.path=DIR or WUYE_LIB=DIR to the directory of " + fileName
                    + ", or use the published jar, which carries it. JNA said: " + e.getMessage());
        }
    }

    /** Loads the given file; {@code from} says which setting named it, for the error. */
    private static NativeLibrary load(File f, String from) {
        try {
            return NativeLibrary.getInstance(f.getAbsolutePath());
        } catch (UnsatisfiedLinkError e) {
            throw new UnsatisfiedLinkError("cannot load libwuye from " + f.getAbsolutePath() + " (" + from + "): "
                    + e.getMessage());
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
