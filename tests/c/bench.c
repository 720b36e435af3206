/* Per-call cost of the C ABI (wuye_engine_call + wuye_buffer_free), in ns:
 *   - calendar.is_working_day (a small read),
 *   - sla.status of one request,
 *   - sla.status_batch over 1000 requests (reported per item),
 *   - wuye_call_once with calendar.is_working_day (builds and drops an engine each time).
 * The same requests through the Rust API are in benches/benches/contract.rs.
 *
 *   bench            run (scripts/bench-c builds it -O2 against the release library)
 *   bench --check    one call of each, responses checked (scripts/test-c: it must not rot)
 */
#define _POSIX_C_SOURCE 199309L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wuye.h"

static const char cfg[] = "{\"v\":1}";

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* One call; exits on an unexpected status (the bench must measure successes). */
static void run(const WuyeEngine *e, const char *req, size_t len, WuyeBuffer *out) {
    WuyeStatus s = wuye_engine_call(e, (const uint8_t *)req, len, out);
    if (s != WUYE_STATUS_OK) {
        fprintf(stderr, "bench: %s -> %d %.*s\n", req, (int)s, (int)out->len,
                out->ptr ? (const char *)out->ptr : "");
        exit(1);
    }
    wuye_buffer_free(out);
}

/* Mean ns per call of `req` over `n` calls, after n/10 warm-up calls; the best of 5 runs. */
static double per_call(const WuyeEngine *e, const char *req, long n) {
    WuyeBuffer out = {NULL, 0};
    size_t len = strlen(req);
    double best = 0;
    long i;
    int round;
    for (i = 0; i < n / 10 + 1; i++) {
        run(e, req, len, &out);
    }
    for (round = 0; round < 5; round++) {
        double t0 = now_ns(), dt;
        for (i = 0; i < n; i++) {
            run(e, req, len, &out);
        }
        dt = (now_ns() - t0) / (double)n;
        if (round == 0 || dt < best) {
            best = dt;
        }
    }
    return best;
}

static void register_requests(WuyeEngine *e, int n) {
    char req[512];
    WuyeBuffer out = {NULL, 0};
    int i;
    for (i = 0; i < n; i++) {
        snprintf(req, sizeof req,
                 "{\"v\":1,\"op\":\"request.register\",\"args\":{\"request\":{\"id\":\"R%04d\","
                 "\"kind\":\"repair\",\"priority\":\"%s\",\"channel\":\"phone\",\"location\":"
                 "{\"unit\":\"%d-1-%03d\"},\"reporter\":{\"kind\":\"owner\"},\"description\":"
                 "\"厨房水龙头漏水\"},\"actor\":{\"role\":\"agent\",\"id\":\"kf01\"},"
                 "\"now\":\"2026-03-02T09:00:00+08:00\"}}",
                 i, i % 10 == 0 ? "emergency" : "normal", i % 20 + 1, i % 1000);
        run(e, req, strlen(req), &out);
        if (i % 2 == 0) {
            snprintf(req, sizeof req,
                     "{\"v\":1,\"op\":\"request.execute\",\"args\":{\"id\":\"R%04d\",\"command\":"
                     "{\"step\":\"dispatch\",\"department\":\"engineering\"},\"actor\":{\"role\":"
                     "\"dispatcher\",\"id\":\"dd01\"},\"now\":\"2026-03-02T09:20:00+08:00\"}}",
                     i);
            run(e, req, strlen(req), &out);
        }
    }
}

int main(int argc, char **argv) {
    int check = argc > 1 && strcmp(argv[1], "--check") == 0;
    long scale = check ? 0 : 1;
    WuyeEngine *one = NULL;
    WuyeEngine *many = NULL;
    const char *working_day =
        "{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{\"date\":\"2026-10-10\"}}";
    const char *status =
        "{\"v\":1,\"op\":\"sla.status\",\"args\":{\"id\":\"R0001\","
        "\"as_of\":\"2026-03-04T10:00:00+08:00\"}}";
    const char *batch =
        "{\"v\":1,\"op\":\"sla.status_batch\",\"args\":{\"as_of\":\"2026-03-04T10:00:00+08:00\"}}";
    double t;

    if (wuye_engine_new((const uint8_t *)cfg, strlen(cfg), &one, NULL) != WUYE_STATUS_OK ||
        wuye_engine_new((const uint8_t *)cfg, strlen(cfg), &many, NULL) != WUYE_STATUS_OK) {
        fprintf(stderr, "bench: no engine\n");
        return 1;
    }
    register_requests(one, 2);
    register_requests(many, 1000);

    t = per_call(one, working_day, 200000 * scale + 1);
    printf("calendar.is_working_day      %9.0f ns/call\n", t);
    t = per_call(one, status, 200000 * scale + 1);
    printf("sla.status (one request)     %9.0f ns/call\n", t);
    t = per_call(many, batch, 200 * scale + 1);
    printf("sla.status_batch (1000)      %9.0f ns/call  %7.0f ns/item\n", t, t / 1000.0);
    {
        WuyeBuffer out = {NULL, 0};
        long i, n = 20000 * scale + 1;
        double t0 = now_ns();
        for (i = 0; i < n; i++) {
            if (wuye_call_once((const uint8_t *)cfg, strlen(cfg), (const uint8_t *)working_day,
                               strlen(working_day), &out) != WUYE_STATUS_OK) {
                fprintf(stderr, "bench: wuye_call_once failed\n");
                return 1;
            }
            wuye_buffer_free(&out);
        }
        printf("wuye_call_once (calendar)    %9.0f ns/call\n", (now_ns() - t0) / (double)n);
    }
    wuye_engine_free(one);
    wuye_engine_free(many);
    if (check) {
        printf("bench --check: every benchmarked call succeeded (timings above are not "
               "meaningful)\n");
    }
    return 0;
}
