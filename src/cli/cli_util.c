/*
 * cli_util.c -- what the subcommands share: usage errors, reading a file or stdin whole, and
 * finding the bundled example data.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

int pq_cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("promql-eval: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return PQ_EXIT_USAGE;
}

char *pq_cli_read_file(const char *path, size_t max_bytes, size_t *len, char *errbuf, size_t errlen)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(errbuf, errlen, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(errbuf, errlen, "cannot read %s: it is a directory", path);
        fclose(f);
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (n == cap) {
            if (cap >= max_bytes) {
                snprintf(errbuf, errlen, "cannot read %s: larger than %zu bytes", path, max_bytes);
                free(buf);
                buf = NULL;
                break;
            }
            cap *= 2;
            char *g = realloc(buf, cap + 1);
            if (!g) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = g;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                snprintf(errbuf, errlen, "cannot read %s: %s", path, strerror(errno));
                free(buf);
                buf = NULL;
            }
            break;
        }
    }
    if (!buf && errbuf[0] == '\0')
        snprintf(errbuf, errlen, "cannot read %s: out of memory", path);
    if (!is_stdin)
        fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    *len = n;
    return buf;
}

static bool readable(const char *p)
{
    return access(p, R_OK) == 0;
}

const char *pq_cli_default_data_path(const char *argv0)
{
    static char path[PATH_MAX + 64];
    const char *env = getenv("PROMQL_EXAMPLE");
    if (env && *env && readable(env))
        return env;
#ifdef PROMQL_SOURCE_DIR
    snprintf(path, sizeof path, "%s/examples/payment-gateway.om", PROMQL_SOURCE_DIR);
    if (readable(path))
        return path;
#endif
    /* Next to the binary: <dir>/examples/, <dir>/../examples/, <dir>/../share/promql/. */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 && argv0) {
        snprintf(exe, sizeof exe, "%s", argv0);
        n = (ssize_t)strlen(exe);
    }
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        else
            snprintf(exe, sizeof exe, ".");
        static const char *const rel[] = {"examples/payment-gateway.om", "../examples/payment-gateway.om",
                                          "../share/promql/payment-gateway.om"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(path, sizeof path, "%s/%s", exe, rel[i]);
            if (readable(path))
                return path;
        }
    }
    return NULL;
}
