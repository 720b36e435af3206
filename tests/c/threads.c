/* One engine shared by several threads (default 8), each making 10 calls per request on its
 * own request ids (default 1000 requests = 10 000 calls per thread): writes (register and
 * six steps) take the engine's write lock, reads (request.get, sla.status,
 * calendar.is_working_day) its read lock. Every response is checked, then the final state:
 * every request closed, every clock met.
 *
 *   threads [THREADS] [REQUESTS_PER_THREAD]
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye.h"

#define CALLS_PER_REQUEST 10

typedef struct {
    WuyeEngine *engine;
    int thread;
    long requests;
    long calls;
    long failures;
} Worker;

/* Sends `req`, checks the status and that the body contains `want` (exactly equals it when
 * `exact`). */
static void expect(Worker *w, const char *req, const char *want, int exact) {
    WuyeBuffer out = {NULL, 0};
    WuyeStatus s = wuye_engine_call(w->engine, (const uint8_t *)req, strlen(req), &out);
    int ok = s == WUYE_STATUS_OK && out.ptr != NULL;
    w->calls++;
    if (ok) {
        size_t n = strlen(want);
        if (exact) {
            ok = out.len == n && memcmp(out.ptr, want, n) == 0;
        } else {
            /* The body is not NUL-terminated: search within len. */
            size_t i;
            ok = 0;
            for (i = 0; !ok && i + n <= out.len; i++) {
                ok = memcmp(out.ptr + i, want, n) == 0;
            }
        }
    }
    if (!ok) {
        if (w->failures < 5) {
            fprintf(stderr, "FAIL thread %d: %s\n  -> %d %.*s\n  want %s\n", w->thread, req, (int)s,
                    (int)out.len, out.ptr ? (const char *)out.ptr : "", want);
        }
        w->failures++;
    }
    wuye_buffer_free(&out);
}

static void *work(void *arg) {
    Worker *w = arg;
    char id[32];
    char req[1024];
    char want[1024];
    long k;
    for (k = 0; k < w->requests; k++) {
        snprintf(id, sizeof id, "T%d-%ld", w->thread, k);
#define STEP(cmd, role, actor, hhmm)                                                           \
    snprintf(req, sizeof req,                                                                  \
             "{\"v\":1,\"op\":\"request.execute\",\"args\":{\"id\":\"%s\",\"command\":" cmd   \
             ",\"actor\":{\"role\":\"" role "\",\"id\":\"%s\"},\"now\":\"2026-03-02T" hhmm     \
             ":00+08:00\"}}",                                                                  \
             id, actor)
        /* 1. register (write) */
        snprintf(req, sizeof req,
                 "{\"v\":1,\"op\":\"request.register\",\"args\":{\"request\":{\"id\":\"%s\","
                 "\"kind\":\"repair\",\"priority\":\"normal\",\"channel\":\"app\",\"location\":"
                 "{\"unit\":\"%d-1-%03ld\"},\"reporter\":{\"kind\":\"owner\"},\"description\":"
                 "\"卫生间漏水\"},\"actor\":{\"role\":\"agent\",\"id\":\"kf\"},"
                 "\"now\":\"2026-03-02T09:00:00+08:00\"}}",
                 id, w->thread, k % 1000);
        snprintf(want, sizeof want, "\"change\":{\"type\":\"registered\",\"request\":{\"id\":\"%s\"",
                 id);
        expect(w, req, want, 0);
        /* 2. dispatch (write) to this thread's worker */
        {
            char worker[16];
            snprintf(worker, sizeof worker, "w%d", w->thread);
            snprintf(req, sizeof req,
                     "{\"v\":1,\"op\":\"request.execute\",\"args\":{\"id\":\"%s\",\"command\":"
                     "{\"step\":\"dispatch\",\"department\":\"engineering\",\"assignee\":\"%s\"},"
                     "\"actor\":{\"role\":\"dispatcher\",\"id\":\"dd\"},"
                     "\"now\":\"2026-03-02T09:05:00+08:00\"}}",
                     id, worker);
            snprintf(want, sizeof want,
                     "\"change\":{\"type\":\"dispatched\",\"department\":\"engineering\","
                     "\"assignee\":\"%s\"}",
                     worker);
            expect(w, req, want, 0);
            /* 3. request.get (read) */
            snprintf(req, sizeof req,
                     "{\"v\":1,\"op\":\"request.get\",\"args\":{\"id\":\"%s\"}}", id);
            snprintf(want, sizeof want,
                     "\"stage\":{\"stage\":\"dispatched\",\"department\":\"engineering\","
                     "\"assignee\":\"%s\"}",
                     worker);
            expect(w, req, want, 0);
            /* 4. accept (write) */
            STEP("{\"step\":\"accept\"}", "worker", worker, "09:10");
            expect(w, req, "\"change\":{\"type\":\"accepted\"", 0);
            /* 5. sla.status (read): dispatched after 5 of its 30 minutes. */
            snprintf(req, sizeof req,
                     "{\"v\":1,\"op\":\"sla.status\",\"args\":{\"id\":\"%s\","
                     "\"as_of\":\"2026-03-02T09:10:00+08:00\"}}",
                     id);
            expect(w, req,
                   "{\"clock\":\"dispatch\",\"timing\":\"business\",\"target_seconds\":1800,"
                   "\"state\":\"met\",\"started_at\":\"2026-03-02T09:00:00+08:00\","
                   "\"stopped_at\":\"2026-03-02T09:05:00+08:00\",\"elapsed_seconds\":300,",
                   0);
            /* 6. arrive, 7. complete (writes) */
            STEP("{\"step\":\"arrive\"}", "worker", worker, "09:30");
            expect(w, req, "\"change\":{\"type\":\"arrived\"}", 0);
            STEP("{\"step\":\"complete\"}", "worker", worker, "10:30");
            expect(w, req, "\"change\":{\"type\":\"completed\"}", 0);
        }
        /* 8. calendar (read): Sat 10 Oct 2026 is a make-up working day. */
        expect(w,
               "{\"v\":1,\"op\":\"calendar.is_working_day\",\"args\":{\"date\":\"2026-10-10\"}}",
               "{\"v\":1,\"ok\":true,\"result\":{\"working\":true}}", 1);
        /* 9. reply, 10. callback (writes): closes the request. */
        STEP("{\"step\":\"reply\"}", "agent", "kf", "11:00");
        expect(w, req, "\"change\":{\"type\":\"replied\"}", 0);
        STEP("{\"step\":\"callback\",\"outcome\":\"rated\",\"rating\":5}", "agent", "kf",
             "11:30");
        expect(w, req, "\"rating\":5,\"aspects\":{},\"satisfied\":true}", 0);
#undef STEP
    }
    return NULL;
}

static size_t count(const uint8_t *hay, size_t len, const char *needle) {
    size_t n = strlen(needle), c = 0, i;
    for (i = 0; i + n <= len; i++) {
        if (memcmp(hay + i, needle, n) == 0) {
            c++;
            i += n - 1;
        }
    }
    return c;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 8;
    long requests = argc > 2 ? atol(argv[2]) : 1000;
    Worker *workers;
    pthread_t *ids;
    WuyeEngine *engine = NULL;
    long failures = 0, calls = 0, total;
    int t;
    char req[256];
    char want[256];
    WuyeBuffer out = {NULL, 0};

    if (threads < 1 || requests < 1 ||
        wuye_engine_new((const uint8_t *)"{\"v\":1}", 7, &engine, NULL) != WUYE_STATUS_OK) {
        fprintf(stderr, "usage: threads [THREADS>0] [REQUESTS>0]; or no engine\n");
        return 2;
    }
    total = threads * requests;
    workers = calloc((size_t)threads, sizeof *workers);
    ids = calloc((size_t)threads, sizeof *ids);
    if (workers == NULL || ids == NULL) {
        return 2;
    }
    for (t = 0; t < threads; t++) {
        workers[t].engine = engine;
        workers[t].thread = t;
        workers[t].requests = requests;
        if (pthread_create(&ids[t], NULL, work, &workers[t]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 2;
        }
    }
    for (t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        failures += workers[t].failures;
        calls += workers[t].calls;
    }
    if (calls != total * CALLS_PER_REQUEST) {
        fprintf(stderr, "FAIL: %ld calls, want %ld\n", calls, total * CALLS_PER_REQUEST);
        failures++;
    }

    /* Every request is there... */
    snprintf(req, sizeof req, "{\"v\":1,\"op\":\"engine.info\"}");
    wuye_engine_call(engine, (const uint8_t *)req, strlen(req), &out);
    snprintf(want, sizeof want, "\"requests\":%ld,", total);
    if (count(out.ptr, out.len, want) != 1) {
        fprintf(stderr, "FAIL: engine.info: %.*s\n  want %s\n", (int)out.len,
                (const char *)out.ptr, want);
        failures++;
    }
    wuye_buffer_free(&out);
    /* ...closed as satisfied, with all six clocks of each met (no step came late). */
    snprintf(req, sizeof req,
             "{\"v\":1,\"op\":\"sla.status_batch\",\"args\":{\"as_of\":\"2026-03-02T12:00:00+08:00\"}}");
    if (wuye_engine_call(engine, (const uint8_t *)req, strlen(req), &out) != WUYE_STATUS_OK ||
        count(out.ptr, out.len, "{\"ok\":true,\"result\":{\"request\":\"T") != (size_t)total ||
        count(out.ptr, out.len, "\"state\":\"met\"") != (size_t)total * 6 ||
        count(out.ptr, out.len, "\"state\":\"breached\"") != 0) {
        fprintf(stderr, "FAIL: sla.status_batch over %ld requests\n", total);
        failures++;
    }
    wuye_buffer_free(&out);
    snprintf(req, sizeof req, "{\"v\":1,\"op\":\"engine.export\"}");
    wuye_engine_call(engine, (const uint8_t *)req, strlen(req), &out);
    if (count(out.ptr, out.len, "\"stage\":{\"stage\":\"closed\",\"closure\":{\"by\":\"satisfied\","
                                "\"rating\":5}}") != (size_t)total) {
        fprintf(stderr, "FAIL: not every request is closed as satisfied\n");
        failures++;
    }
    wuye_buffer_free(&out);

    wuye_engine_free(engine);
    free(workers);
    free(ids);
    if (failures > 0) {
        printf("threads: %ld FAILURES in %ld calls\n", failures, calls);
        return 1;
    }
    printf("threads: %d threads x %ld calls on one engine, all %ld responses checked; %ld "
           "requests closed, %ld clocks met\n",
           threads, requests * CALLS_PER_REQUEST, calls, total, total * 6);
    return 0;
}
