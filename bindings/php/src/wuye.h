/*
 * wuye.h (PHP copy): the C declarations of libwuye that the PHP binding hands to FFI::cdef.
 *
 * MUST MATCH ffi/include/wuye_php.h (the header generated from ffi/src/lib.rs). The test
 * tests/HeaderTest.php compares the two (comments and whitespace ignored) whenever the
 * WUYE_HEADER environment variable names the generated header; scripts/test-php sets it
 * when the file exists. No preprocessor lines: FFI::cdef does not evaluate them.
 */

typedef struct WuyeEngine WuyeEngine;

typedef struct WuyeBuffer {
    uint8_t *ptr;
    size_t len;
} WuyeBuffer;

typedef enum WuyeStatus {
    WUYE_STATUS_OK = 0,
    WUYE_STATUS_NULL_ARGUMENT = 1,
    WUYE_STATUS_INVALID_UTF8 = 2,
    WUYE_STATUS_MALFORMED_JSON = 3,
    WUYE_STATUS_UNSUPPORTED_VERSION = 4,
    WUYE_STATUS_UNKNOWN_OPERATION = 5,
    WUYE_STATUS_INVALID_REQUEST = 6,
    WUYE_STATUS_REFUSED = 7,
    WUYE_STATUS_NOT_FOUND = 8,
    WUYE_STATUS_CONFLICT = 9,
    WUYE_STATUS_CALENDAR = 10,
    WUYE_STATUS_INVALID_CONFIG = 11,
    WUYE_STATUS_INVALID_EVENT = 12,
    WUYE_STATUS_INVALID_HANDLE = 13,
    WUYE_STATUS_PANIC = 14
} WuyeStatus;

uint32_t wuye_abi_version(void);
uint32_t wuye_contract_version(void);
const char *wuye_status_name(uint32_t status);
WuyeStatus wuye_engine_new(const uint8_t *config, size_t config_len, WuyeEngine **out_engine, WuyeBuffer *out_error);
void wuye_engine_free(WuyeEngine *engine);
WuyeStatus wuye_engine_call(const WuyeEngine *engine, const uint8_t *request, size_t request_len, WuyeBuffer *out_response);
WuyeStatus wuye_call_once(const uint8_t *config, size_t config_len, const uint8_t *request, size_t request_len, WuyeBuffer *out_response);
void wuye_buffer_free(WuyeBuffer *buffer);
