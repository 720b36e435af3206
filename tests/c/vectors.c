/* The shared vectors of tests/vectors/ (format: tests/vectors/README.md) through the C ABI.
 *
 * C has no JSON library here, so this runner does not read the scenario files: it replays
 * the exact bytes the Rust runner (tests/tests/vectors.rs) sent, which that runner writes to
 * target/vectors/requests/<name>.txt — the engine configuration text on the first line, then
 * one line per step with the request bytes in lowercase hex. For each scenario it makes an
 * engine with wuye_engine_new() (if that fails, the output is the failure response), sends
 * each request in order with wuye_engine_call(), and writes each raw response followed by
 * '\n' to target/vectors/c/<name>.jsonl (the directory is emptied first). The responses are
 * compared with the expectations by scripts/compare-vectors, byte for byte against Rust's.
 *
 * Checked here: every returned status equals the response's "status" (0 when "ok":true), the
 * engine is made exactly when the status is 0, and no response is empty or holds a newline.
 *
 *   vectors [REQUESTS-DIR [OUT-DIR]]   (defaults: target/vectors/requests, target/vectors/c)
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "wuye.h"

static int failures = 0;

/* Reports a failure of scenario `name` (printf-style) and counts it. */
static void fail(const char *name, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void fail(const char *name, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "vectors: %s: ", name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    failures++;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        fprintf(stderr, "vectors: out of memory\n");
        exit(2);
    }
    return p;
}

static char *join(const char *dir, const char *name, const char *ext) {
    size_t n = strlen(dir) + 1 + strlen(name) + strlen(ext) + 1;
    char *s = xmalloc(n);
    snprintf(s, n, "%s/%s%s", dir, name, ext);
    return s;
}

/* The whole file at `path` (malloc'd, *len bytes, NUL-terminated), or NULL on error. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    size_t cap = 4096, n = 0;
    char *buf;
    if (f == NULL) {
        return NULL;
    }
    buf = xmalloc(cap);
    for (;;) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap) {
            break;
        }
        cap *= 2;
        {
            char *grown = realloc(buf, cap);
            if (grown == NULL) {
                fprintf(stderr, "vectors: out of memory\n");
                exit(2);
            }
            buf = grown;
        }
    }
    if (ferror(f)) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

/* Decodes lowercase hex in place: `len` hex digits at `s` become len / 2 bytes at `s`.
 * Returns 0, or -1 for an odd length or a character that is not a lowercase hex digit. */
static int unhex(char *s, size_t len, size_t *out_len) {
    size_t i;
    if (len % 2 != 0) {
        return -1;
    }
    for (i = 0; i < len; i += 2) {
        int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
        if (hi < 0 || lo < 0) {
            return -1;
        }
        s[i / 2] = (char)(hi * 16 + lo);
    }
    *out_len = len / 2;
    return 0;
}

/* The status a response body declares: 0 for {"v":1,"ok":true,...}, N for
 * {"v":1,"ok":false,"error":{"status":N,...}}, -1 for anything else. The envelope's key order
 * is fixed by the contract (serde writes struct fields in order). */
static long declared_status(const uint8_t *body, size_t len) {
    static const char ok[] = "{\"v\":1,\"ok\":true,";
    static const char err[] = "{\"v\":1,\"ok\":false,\"error\":{\"status\":";
    size_t i, digits = 0;
    long n = 0;
    if (len >= sizeof ok - 1 && memcmp(body, ok, sizeof ok - 1) == 0) {
        return 0;
    }
    if (len < sizeof err - 1 || memcmp(body, err, sizeof err - 1) != 0) {
        return -1;
    }
    for (i = sizeof err - 1; i < len && body[i] >= '0' && body[i] <= '9' && digits < 6; i++) {
        n = n * 10 + (body[i] - '0');
        digits++;
    }
    if (digits == 0 || i >= len || body[i] != ',') {
        return -1;
    }
    return n;
}

/* Checks a response against its status and appends it, with '\n', to `out`. */
static void emit(const char *name, const char *what, WuyeStatus status, const WuyeBuffer *b,
                 FILE *out) {
    long declared;
    if (b->ptr == NULL || b->len == 0) {
        fail(name, "%s: empty response", what);
        fputc('\n', out);
        return;
    }
    if (memchr(b->ptr, '\n', b->len) != NULL) {
        fail(name, "%s: the response holds a newline", what);
    }
    declared = declared_status(b->ptr, b->len);
    if (declared != (long)status) {
        fail(name, "%s: returned status %d (%s), the response says %ld", what, (int)status,
             wuye_status_name((uint32_t)status), declared);
    }
    fwrite(b->ptr, 1, b->len, out);
    fputc('\n', out);
}

/* Runs one scenario from its requests file; writes <out_dir>/<name>.jsonl. Returns the
 * number of steps sent. */
static size_t run(const char *req_dir, const char *out_dir, const char *name) {
    char *path = join(req_dir, name, ".txt");
    char *out_path = join(out_dir, name, ".jsonl");
    size_t len = 0, steps = 0;
    char *text = read_file(path, &len);
    char *line, *end, *nl;
    FILE *out = NULL;
    WuyeEngine *engine = NULL;
    WuyeBuffer error = {NULL, 0};
    WuyeStatus status;

    if (text == NULL) {
        fail(name, "cannot read %s: %s", path, strerror(errno));
        goto done;
    }
    if (len == 0 || text[len - 1] != '\n') {
        fail(name, "%s does not end with a newline", path);
        goto done;
    }
    out = fopen(out_path, "wb");
    if (out == NULL) {
        fail(name, "cannot write %s: %s", out_path, strerror(errno));
        goto done;
    }
    end = text + len;
    nl = memchr(text, '\n', len);
    status = wuye_engine_new((const uint8_t *)text, (size_t)(nl - text), &engine, &error);
    if (status != WUYE_STATUS_OK || engine == NULL) {
        if (engine != NULL || status == WUYE_STATUS_OK) {
            fail(name, "wuye_engine_new: status and engine disagree");
        }
        emit(name, "config", status, &error, out);
        wuye_buffer_free(&error);
        if (nl + 1 != end) {
            fail(name, "the engine was refused but the scenario has steps");
        }
        goto done;
    }
    if (error.ptr != NULL) {
        fail(name, "wuye_engine_new succeeded but wrote an error");
        wuye_buffer_free(&error);
    }
    for (line = nl + 1; line < end; line = nl + 1) {
        char what[32];
        size_t req_len = 0;
        WuyeBuffer response = {NULL, 0};
        nl = memchr(line, '\n', (size_t)(end - line));
        snprintf(what, sizeof what, "step %lu", (unsigned long)steps);
        if (unhex(line, (size_t)(nl - line), &req_len) != 0) {
            fail(name, "%s: not lowercase hex", what);
            fputc('\n', out);
        } else {
            status = wuye_engine_call(engine, (const uint8_t *)line, req_len, &response);
            emit(name, what, status, &response, out);
            wuye_buffer_free(&response);
        }
        steps++;
    }

done:
    wuye_engine_free(engine);
    if (out != NULL && fclose(out) != 0) {
        fail(name, "cannot write %s", out_path);
    }
    free(text);
    free(path);
    free(out_path);
    return steps;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Empties and removes `dir` (flat: files only) if it exists, then creates it. */
static int recreate(const char *dir) {
    DIR *d = opendir(dir);
    if (d != NULL) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            char *p;
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
                continue;
            }
            p = join(dir, e->d_name, "");
            if (unlink(p) != 0) {
                fprintf(stderr, "vectors: cannot remove %s: %s\n", p, strerror(errno));
                free(p);
                closedir(d);
                return -1;
            }
            free(p);
        }
        closedir(d);
        if (rmdir(dir) != 0) {
            fprintf(stderr, "vectors: cannot remove %s: %s\n", dir, strerror(errno));
            return -1;
        }
    } else if (errno != ENOENT) {
        fprintf(stderr, "vectors: cannot open %s: %s\n", dir, strerror(errno));
        return -1;
    }
    if (mkdir(dir, 0777) != 0) {
        fprintf(stderr, "vectors: cannot create %s: %s\n", dir, strerror(errno));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv) {
    const char *req_dir = argc > 1 ? argv[1] : "target/vectors/requests";
    const char *out_dir = argc > 2 ? argv[2] : "target/vectors/c";
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t count = 0, cap = 0, steps = 0, i;

    if (argc > 3) {
        fprintf(stderr, "usage: %s [REQUESTS-DIR [OUT-DIR]]\n", argv[0]);
        return 2;
    }
    d = opendir(req_dir);
    if (d == NULL) {
        fprintf(stderr, "vectors: cannot open %s: %s (cargo test -p wuye-tests --test vectors "
                "writes it)\n",
                req_dir, strerror(errno));
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n <= 4 || strcmp(e->d_name + n - 4, ".txt") != 0) {
            continue;
        }
        if (count == cap) {
            char **grown;
            cap = cap ? 2 * cap : 16;
            grown = realloc(names, cap * sizeof *grown);
            if (grown == NULL) {
                fprintf(stderr, "vectors: out of memory\n");
                exit(2);
            }
            names = grown;
        }
        names[count] = xmalloc(n - 4 + 1);
        memcpy(names[count], e->d_name, n - 4);
        names[count][n - 4] = '\0';
        count++;
    }
    closedir(d);
    if (count == 0) {
        fprintf(stderr, "vectors: no requests in %s\n", req_dir);
        free(names);
        return 1;
    }
    qsort(names, count, sizeof *names, by_name);

    if (recreate(out_dir) != 0) {
        failures++;
    } else {
        for (i = 0; i < count; i++) {
            steps += run(req_dir, out_dir, names[i]);
        }
    }
    for (i = 0; i < count; i++) {
        free(names[i]);
    }
    free(names);
    if (failures != 0) {
        fprintf(stderr, "vectors: %d failure(s)\n", failures);
        return 1;
    }
    printf("vectors: %lu scenarios, %lu steps through the C ABI, written to %s\n",
           (unsigned long)count, (unsigned long)steps, out_dir);
    return 0;
}
