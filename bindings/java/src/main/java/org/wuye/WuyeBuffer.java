package org.wuye;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code typedef struct WuyeBuffer { uint8_t *ptr; size_t len; } WuyeBuffer;} — a response
 * owned by the library, released with {@code wuye_buffer_free}.
 *
 * <p>The hot path does not let JNA synchronise this structure field by field (that costs
 * more than the call itself); it passes the structure's memory and reads the two fields at
 * their offsets: {@link #PTR_OFFSET} and {@link #LEN_OFFSET}, checked against JNA's layout
 * when the library loads.
 */
@Structure.FieldOrder({"ptr", "len"})
public final class WuyeBuffer extends Structure {
    /** Offset of {@code ptr}. */
    static final int PTR_OFFSET = 0;
    /** Offset of {@code len} (64-bit platforms only: {@code size_t} is 8 bytes). */
    static final int LEN_OFFSET = 8;

    /** Start of the bytes, or NULL when empty or freed. */
    public Pointer ptr;
    /** Number of bytes ({@code size_t}). */
    public long len;

    /** A zeroed buffer. */
    public WuyeBuffer() {
        super();
    }

    /**
     * The bytes of a filled buffer, read straight from native memory (no field sync). Does
     * not free them.
     */
    byte[] bytes() {
        Pointer mem = getPointer();
        Pointer p = mem.getPointer(PTR_OFFSET);
        long n = mem.getLong(LEN_OFFSET);
        if (p == null || n == 0) {
            return new byte[0];
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("response of " + n + " bytes does not fit a Java array");
        }
        return p.getByteArray(0, (int) n);
    }

    /** Field offsets as JNA lays them out (checked at load against the constants above). */
    int offsetOfLen() {
        return fieldOffset("len");
    }
}
