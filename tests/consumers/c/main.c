/* A consumer of the wuye C SDK: built with `pkg-config --cflags --libs wuye` (or against
 * libwuye.a), it runs one short scenario and checks the figures of the shared vectors. */
#include <stdio.h>
#include <string.h>

#include <wuye.h>

static int failures = 0;

/* Sends one request; checks the status and that the response holds each expected text. */
static void call(const WuyeEngine *engine, const char *what, const char *request, const char *expect[]) {
    WuyeBuffer out = {0};
    WuyeStatus status = wuye_engine_call(engine, (const uint8_t *)request, strlen(request), &out);
    int ok = status == WUYE_STATUS_OK;
    for (int i = 0; ok && expect[i] != NULL; i++) {
        /* The response is not NUL-terminated: search within ptr[0..len]. */
        size_t n = strlen(expect[i]);
        int found = 0;
        for (size_t at = 0; !found && at + n <= out.len; at++) {
            found = memcmp(out.ptr + at, expect[i], n) == 0;
        }
        if (!found) {
            fprintf(stderr, "%s: expected %s\n", what, expect[i]);
            ok = 0;
        }
    }
    if (!ok) {
        fprintf(stderr, "FAIL %s: status %d (%s): %.*s\n", what, (int)status, wuye_status_name(status),
                (int)out.len, (const char *)out.ptr);
        failures++;
    } else {
        printf("ok   %s\n", what);
    }
    wuye_buffer_free(&out);
}

int main(void) {
    if (wuye_abi_version() != 1 || wuye_contract_version() != 1) {
        fprintf(stderr, "FAIL: ABI %u, contract %u\n", wuye_abi_version(), wuye_contract_version());
        return 1;
    }
    const char *config = "{\"v\":1}";
    WuyeEngine *engine = NULL;
    if (wuye_engine_new((const uint8_t *)config, strlen(config), &engine, NULL) != WUYE_STATUS_OK) {
        fprintf(stderr, "FAIL: wuye_engine_new\n");
        return 1;
    }

    /* tests/vectors/repair-lifecycle.json step 0 */
    const char *registered[] = {"\"change\":{\"type\":\"registered\"", "\"at\":\"2026-09-30T16:00:00+08:00\"", NULL};
    call(engine, "request.register",
         "{\"v\":1,\"op\":\"request.register\",\"args\":{\"request\":{\"id\":\"R-0930\",\"kind\":\"repair\","
         "\"priority\":\"normal\",\"channel\":\"phone\",\"location\":{\"unit\":\"5-2-1101\"},"
         "\"reporter\":{\"kind\":\"owner\",\"name\":\"李先生\",\"phone\":\"13912345678\"},"
         "\"description\":\"卫生间天花板漏水，楼上疑似水管渗漏\"},\"actor\":{\"role\":\"agent\",\"id\":\"kf01\"},"
         "\"now\":\"2026-09-30T16:00:00+08:00\"}}",
         registered);

    /* tests/vectors/repair-lifecycle.json step 2 */
    const char *dispatched[] = {"\"change\":{\"type\":\"dispatched\",\"department\":\"engineering\",\"assignee\":\"w01\"}", NULL};
    call(engine, "request.execute dispatch",
         "{\"v\":1,\"op\":\"request.execute\",\"args\":{\"id\":\"R-0930\",\"command\":{\"step\":\"dispatch\","
         "\"department\":\"engineering\",\"assignee\":\"w01\"},\"actor\":{\"role\":\"dispatcher\",\"id\":\"dd01\"},"
         "\"now\":\"2026-09-30T16:10:00+08:00\"}}",
         dispatched);

    /* The dispatch clock as in tests/vectors/repair-lifecycle.json step 7 (stopped by the
     * 16:10 dispatch: met, 600 s of 1800); the complete clock's deadline as in step 1. */
    const char *status[] = {
        "{\"clock\":\"dispatch\",\"timing\":\"business\",\"target_seconds\":1800,\"state\":\"met\","
        "\"started_at\":\"2026-09-30T16:00:00+08:00\",\"stopped_at\":\"2026-09-30T16:10:00+08:00\","
        "\"elapsed_seconds\":600,\"remaining_seconds\":1200,\"overdue_seconds\":null,"
        "\"deadline\":\"2026-09-30T16:30:00+08:00\"}",
        "\"deadline\":\"2026-10-09T17:00:00+08:00\"", NULL};
    call(engine, "sla.status",
         "{\"v\":1,\"op\":\"sla.status\",\"args\":{\"as_of\":\"2026-09-30T16:10:00+08:00\",\"id\":\"R-0930\"}}",
         status);

    /* tests/vectors/fee-billing.json step 0: 98.76 × 2.35 × 15/30 = 116.043 → 116.04 */
    const char *bill[] = {"\"amount\":\"116.04\",\"due\":\"2026-09-16\"", "\"total\":\"116.04\"}],\"total\":\"116.04\"}", NULL};
    call(engine, "fee.bill",
         "{\"v\":1,\"op\":\"fee.bill\",\"args\":{\"period\":\"2026-09\",\"schedule\":{\"billing\":{\"collection\":\"prepaid\","
         "\"due_days\":15},\"items\":[{\"code\":\"property_fee\",\"formula\":{\"kind\":\"area\"},\"name\":\"物业服务费\"}],"
         "\"rates\":[{\"from\":\"2020-01-01\",\"item\":\"property_fee\",\"price\":\"2.35\"}],"
         "\"unit_types\":[{\"code\":\"high_rise\",\"name\":\"高层\"}]},\"units\":[{\"building_area\":\"98.76\","
         "\"id\":\"3-1-502\",\"states\":[{\"from\":\"2026-09-16\",\"state\":\"occupied\"}],\"unit_type\":\"high_rise\"}]}}",
         bill);

    /* tests/vectors/survey-scores.json step 8: NPS 25.00, SE 18.54, interval −11.34 … 61.34 */
    const char *nps[] = {"\"nps\":\"25.00\",\"standard_error\":\"18.54\",\"margin\":\"36.34\","
                         "\"interval\":{\"low\":\"-11.34\",\"high\":\"61.34\"}", NULL};
    call(engine, "survey.nps",
         "{\"v\":1,\"op\":\"survey.nps\",\"args\":{\"answers\":[10,9,9,8,7,7,6,5,10,10,9,3,0,8,9,10,6,7,9,10]}}",
         nps);

    wuye_engine_free(engine);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("c consumer: all checks passed\n");
    return 0;
}
