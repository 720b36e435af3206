/* wuye.h compiles as strict C99 (-std=c99 -pedantic-errors -Wall -Wextra -Werror), twice
 * included (include guard), with the status values and function types the ABI promises. A
 * mismatch is a compile error. Linked and run by scripts/test-c. */
#include "wuye.h"
#include "wuye.h"

#include <stdio.h>

/* Compile-time checks (C99 has no _Static_assert): a negative array size fails to compile. */
#define ASSERT_CT(name, cond) typedef char name[(cond) ? 1 : -1]
ASSERT_CT(ok_is_0, WUYE_STATUS_OK == 0);
ASSERT_CT(null_argument_is_1, WUYE_STATUS_NULL_ARGUMENT == 1);
ASSERT_CT(invalid_utf8_is_2, WUYE_STATUS_INVALID_UTF8 == 2);
ASSERT_CT(malformed_json_is_3, WUYE_STATUS_MALFORMED_JSON == 3);
ASSERT_CT(unsupported_version_is_4, WUYE_STATUS_UNSUPPORTED_VERSION == 4);
ASSERT_CT(unknown_operation_is_5, WUYE_STATUS_UNKNOWN_OPERATION == 5);
ASSERT_CT(invalid_request_is_6, WUYE_STATUS_INVALID_REQUEST == 6);
ASSERT_CT(refused_is_7, WUYE_STATUS_REFUSED == 7);
ASSERT_CT(not_found_is_8, WUYE_STATUS_NOT_FOUND == 8);
ASSERT_CT(conflict_is_9, WUYE_STATUS_CONFLICT == 9);
ASSERT_CT(calendar_is_10, WUYE_STATUS_CALENDAR == 10);
ASSERT_CT(invalid_config_is_11, WUYE_STATUS_INVALID_CONFIG == 11);
ASSERT_CT(invalid_event_is_12, WUYE_STATUS_INVALID_EVENT == 12);
ASSERT_CT(invalid_handle_is_13, WUYE_STATUS_INVALID_HANDLE == 13);
ASSERT_CT(panic_is_14, WUYE_STATUS_PANIC == 14);
ASSERT_CT(abi_version_is_1, WUYE_ABI_VERSION == 1);
ASSERT_CT(status_is_int_sized, sizeof(WuyeStatus) == 4);
ASSERT_CT(buffer_is_two_words, sizeof(WuyeBuffer) == sizeof(void *) + sizeof(size_t));

/* Each function has exactly the declared type. */
uint32_t (*const abi_version)(void) = wuye_abi_version;
uint32_t (*const contract_version)(void) = wuye_contract_version;
const char *(*const status_name)(uint32_t) = wuye_status_name;
WuyeStatus (*const engine_new)(const uint8_t *, size_t, WuyeEngine **,
                               WuyeBuffer *) = wuye_engine_new;
void (*const engine_free)(WuyeEngine *) = wuye_engine_free;
WuyeStatus (*const engine_call)(const WuyeEngine *, const uint8_t *, size_t,
                                WuyeBuffer *) = wuye_engine_call;
WuyeStatus (*const call_once)(const uint8_t *, size_t, const uint8_t *, size_t,
                              WuyeBuffer *) = wuye_call_once;
void (*const buffer_free)(WuyeBuffer *) = wuye_buffer_free;

int main(void) {
    if (abi_version() != WUYE_ABI_VERSION || contract_version() != 1) {
        return 1;
    }
    printf("wuye.h: C99 header OK (ABI %u, contract %u)\n", (unsigned)abi_version(),
           (unsigned)contract_version());
    return 0;
}
