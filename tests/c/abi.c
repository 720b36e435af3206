/* Smoke test of the C ABI: the library links and reports its ABI version.
 * The full C suite (every operation and error status, under valgrind) arrives with the
 * contract issue. */
#include <stdint.h>
#include <stdio.h>

uint32_t wuye_abi_version(void);

int main(void) {
    uint32_t v = wuye_abi_version();
    if (v != 1) {
        fprintf(stderr, "unexpected ABI version %u\n", (unsigned)v);
        return 1;
    }
    printf("wuye ABI version %u\n", (unsigned)v);
    return 0;
}
