// wuye.h from C++: its extern "C" block keeps the symbols unmangled, so this links against
// libwuye and runs. Built by scripts/test-c with g++ -std=c++11 -pedantic-errors.
#include "wuye.h"

#include <cstdio>
#include <cstring>

int main() {
    const char req[] = "{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{\"date\":\"2026-10-10\"}}";
    const char cfg[] = "{\"v\":1}";
    WuyeBuffer out = {nullptr, 0};
    WuyeStatus s = wuye_call_once(reinterpret_cast<const uint8_t *>(cfg), std::strlen(cfg),
                                  reinterpret_cast<const uint8_t *>(req), std::strlen(req), &out);
    const char want[] = "{\"v\":1,\"ok\":true,\"result\":{\"working\":true}}";
    bool ok = s == WUYE_STATUS_OK && out.len == std::strlen(want) &&
              std::memcmp(out.ptr, want, out.len) == 0;
    wuye_buffer_free(&out);
    std::printf("wuye.h from C++: %s\n", ok ? "OK" : "FAILED");
    return ok ? 0 : 1;
}
