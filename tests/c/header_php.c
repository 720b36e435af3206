/* wuye_php.h (the header for PHP's FFI::cdef, without includes or preprocessor lines) holds
 * valid C99 declarations once the standard integer types are in scope. Compiled only. */
#include <stddef.h>
#include <stdint.h>

#include "wuye_php.h"

typedef char php_header_status_values[(WUYE_STATUS_OK == 0 && WUYE_STATUS_PANIC == 14) ? 1 : -1];

WuyeStatus (*const php_engine_call)(const WuyeEngine *, const uint8_t *, size_t,
                                    WuyeBuffer *) = wuye_engine_call;
