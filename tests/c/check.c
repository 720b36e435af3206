/* See check.h. Not thread-safe: the multithreaded test counts its own failures. */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks = 0;
static int failures = 0;

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

char *format(const char *fmt, ...) {
    va_list ap;
    int n;
    char *s;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        fprintf(stderr, "format failed\n");
        exit(2);
    }
    s = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

static char **arena = NULL;
static size_t arena_len = 0;
static size_t arena_cap = 0;

static const char *keep(char *s) {
    char *q;
    if (arena_len == arena_cap) {
        size_t cap = arena_cap ? 2 * arena_cap : 64;
        char **grown = realloc(arena, cap * sizeof *grown);
        if (grown == NULL) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
        arena = grown;
        arena_cap = cap;
    }
    arena[arena_len++] = s;
    for (q = s; *q; q++) {
        if (*q == '\'') {
            *q = '"';
        }
    }
    return s;
}

const char *J(const char *json) {
    char *s = xmalloc(strlen(json) + 1);
    strcpy(s, json);
    return keep(s);
}

const char *JF(const char *fmt, ...) {
    va_list ap;
    int n;
    char *s;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        fprintf(stderr, "format failed\n");
        exit(2);
    }
    s = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return keep(s);
}

static Reply take(WuyeStatus status, WuyeBuffer *buf) {
    Reply r;
    r.status = status;
    r.len = buf->len;
    r.body = xmalloc(buf->len + 1);
    if (buf->len > 0) {
        memcpy(r.body, buf->ptr, buf->len);
    }
    r.body[buf->len] = '\0';
    wuye_buffer_free(buf);
    return r;
}

Reply call_bytes(const WuyeEngine *engine, const void *bytes, size_t len) {
    WuyeBuffer buf = {NULL, 0};
    WuyeStatus s = wuye_engine_call(engine, (const uint8_t *)bytes, len, &buf);
    return take(s, &buf);
}

Reply call(const WuyeEngine *engine, const char *json) {
    return call_bytes(engine, json, strlen(json));
}

Reply call_once(const char *config, const char *json) {
    WuyeBuffer buf = {NULL, 0};
    WuyeStatus s = wuye_call_once((const uint8_t *)config, strlen(config), (const uint8_t *)json,
                                  strlen(json), &buf);
    return take(s, &buf);
}

void reply_free(Reply *r) {
    free(r->body);
    r->body = NULL;
    r->len = 0;
}

WuyeEngine *engine_from(const char *config, const char *file, int line) {
    WuyeEngine *e = NULL;
    WuyeBuffer err = {NULL, 0};
    WuyeStatus s = wuye_engine_new((const uint8_t *)config, strlen(config), &e, &err);
    if (s != WUYE_STATUS_OK || e == NULL) {
        char *msg = format("wuye_engine_new -> %d %.*s", (int)s, (int)err.len,
                           err.ptr ? (const char *)err.ptr : "");
        check_true(0, msg, file, line);
        free(msg);
    }
    wuye_buffer_free(&err);
    return e;
}

char *export_of(const WuyeEngine *engine) {
    Reply r = call(engine, "{\"v\":1,\"op\":\"engine.export\"}");
    if (r.status != WUYE_STATUS_OK) {
        check_true(0, "engine.export succeeds", __FILE__, __LINE__);
    }
    return r.body;
}

char *result_of(const char *body) {
    static const char prefix[] = "{\"v\":1,\"ok\":true,\"result\":";
    size_t plen = sizeof prefix - 1;
    size_t n = strlen(body);
    char *out;
    if (n < plen + 1 || strncmp(body, prefix, plen) != 0 || body[n - 1] != '}') {
        return NULL;
    }
    out = xmalloc(n - plen);
    memcpy(out, body + plen, n - plen - 1);
    out[n - plen - 1] = '\0';
    return out;
}

size_t count_of(const char *hay, const char *needle) {
    size_t n = 0;
    size_t k = strlen(needle);
    const char *p = hay;
    if (k == 0) {
        return 0;
    }
    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += k;
    }
    return n;
}

int check_true(int ok, const char *what, const char *file, int line) {
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s:%d: %s\n", file, line, what);
    }
    return ok;
}

int check_str_eq(const char *got, const char *want, const char *file, int line) {
    int ok = got != NULL && want != NULL && strcmp(got, want) == 0;
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s:%d:\n  got:  %s\n  want: %s\n", file, line,
                got ? got : "(null)", want ? want : "(null)");
    }
    return ok;
}

int check_has(const char *got, const char *needle, const char *file, int line) {
    int ok = got != NULL && strstr(got, needle) != NULL;
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s:%d: missing %s\n  in: %s\n", file, line, needle,
                got ? got : "(null)");
    }
    return ok;
}

int check_reply(const Reply *r, WuyeStatus status, const char *body, const char *file,
                int line) {
    int ok = r->status == status && strlen(r->body) == r->len;
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s:%d: status %d (%s), want %d (%s)\n  body: %s\n", file, line,
                (int)r->status, wuye_status_name((uint32_t)r->status), (int)status,
                wuye_status_name((uint32_t)status), r->body);
        return 0;
    }
    if (body != NULL) {
        return check_str_eq(r->body, body, file, line);
    }
    return 1;
}

int check_error(const Reply *r, WuyeStatus status, const char *code, const char *file,
                int line) {
    char *head;
    size_t hlen;
    int ok;
    if (!check_reply(r, status, NULL, file, line)) {
        return 0;
    }
    head = format("{\"v\":1,\"ok\":false,\"error\":{\"status\":%d,\"code\":\"%s\",\"message\":\"",
                  (int)status, code);
    hlen = strlen(head);
    ok = strncmp(r->body, head, hlen) == 0 && r->len > hlen + 3 &&
         strcmp(r->body + r->len - 3, "\"}}") == 0;
    checks++;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL %s:%d: want an error envelope starting %s...\"}}\n  got: %s\n",
                file, line, head, r->body);
    }
    free(head);
    return ok;
}

void section(const char *name) {
    printf("-- %s\n", name);
    fflush(stdout);
}

int check_exit_code(void) {
    size_t i;
    for (i = 0; i < arena_len; i++) {
        free(arena[i]);
    }
    free(arena);
    arena = NULL;
    arena_len = arena_cap = 0;
    if (failures > 0) {
        printf("%d of %d checks FAILED\n", failures, checks);
        return 1;
    }
    printf("all %d checks passed\n", checks);
    return 0;
}
