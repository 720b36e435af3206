/* A tiny assertion helper for the C tests of libwuye: checks count failures (with file and
 * line) and go on; check_exit_code() turns them into the process exit status.
 *
 * Replies: call() sends one request through wuye_engine_call(), copies the response into a
 * NUL-terminated string and releases the library's buffer at once, so a test never holds a
 * WuyeBuffer (the buffer rules themselves are tested separately). */
#ifndef WUYE_TEST_CHECK_H
#define WUYE_TEST_CHECK_H

#include <stddef.h>

#include "wuye.h"

/* A response copied out of the library: status and NUL-terminated JSON (malloc'd). */
typedef struct {
    WuyeStatus status;
    char *body;
    size_t len;
} Reply;

/* Runs `json` (strlen bytes) against `engine`. */
Reply call(const WuyeEngine *engine, const char *json);
/* Runs `len` bytes at `bytes` (may be NULL) against `engine`. */
Reply call_bytes(const WuyeEngine *engine, const void *bytes, size_t len);
/* wuye_call_once() with a config and a request. */
Reply call_once(const char *config, const char *json);
void reply_free(Reply *r);

/* Creates an engine from `config`; a failure is a check failure (returns NULL). */
WuyeEngine *engine_from(const char *config, const char *file, int line);
#define ENGINE(config) engine_from((config), __FILE__, __LINE__)

/* engine.export of `engine` (malloc'd body), for before/after comparisons. */
char *export_of(const WuyeEngine *engine);

/* The `result` value of a successful response body (malloc'd copy), or NULL. */
char *result_of(const char *body);

/* JSON written with single quotes: J("{'v':1}") is {"v":1}. The string lives until
 * check_exit_code(). JF formats first. Test JSON never needs a literal apostrophe. */
const char *J(const char *json);
const char *JF(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* printf into a malloc'd string. */
char *format(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

int check_true(int ok, const char *what, const char *file, int line);
int check_str_eq(const char *got, const char *want, const char *file, int line);
int check_has(const char *got, const char *needle, const char *file, int line);
int check_reply(const Reply *r, WuyeStatus status, const char *body, const char *file,
                int line);
int check_error(const Reply *r, WuyeStatus status, const char *code, const char *file,
                int line);
/* Occurrences of `needle` in `hay`. */
size_t count_of(const char *hay, const char *needle);

#define CHECK(cond) check_true((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want) check_str_eq((got), (want), __FILE__, __LINE__)
#define CHECK_HAS(got, needle) check_has((got), (needle), __FILE__, __LINE__)
/* Status and exact body. */
#define CHECK_REPLY(r, status, body) check_reply(&(r), (status), (body), __FILE__, __LINE__)
/* Failure status, `code`, and the error envelope {"v":1,"ok":false,"error":{...}}. */
#define CHECK_ERROR(r, status, code) check_error(&(r), (status), (code), __FILE__, __LINE__)

/* Call, check and free in one statement. */
#define EXPECT(engine, json, status, body)                                                    \
    do {                                                                                      \
        Reply r_ = call((engine), (json));                                                    \
        check_reply(&r_, (status), (body), __FILE__, __LINE__);                               \
        reply_free(&r_);                                                                      \
    } while (0)
#define EXPECT_ERROR(engine, json, status, code)                                              \
    do {                                                                                      \
        Reply r_ = call((engine), (json));                                                    \
        check_error(&r_, (status), (code), __FILE__, __LINE__);                               \
        reply_free(&r_);                                                                      \
    } while (0)

/* Starts a named group of checks (printed). */
void section(const char *name);
/* 0 if every check passed, 1 otherwise; prints a summary and frees the J strings. */
int check_exit_code(void);

#endif
