/* JSON output with correct escaping (UTF-8 passes through as it is; other bytes become U+FFFD). */
#include <math.h>
#include <string.h>

#include "json.h"
#include "socinv.h"
#include "utf8.h"

static void indent(json *j)
{
    if (!j->pretty)
        return;
    fputc('\n', j->f);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->f);
}

/* Separator before a value in an array, or before a key in an object. */
static void item(json *j)
{
    if (j->depth > 0 && !j->first[j->depth])
        fputc(',', j->f);
    if (j->depth > 0)
        j->first[j->depth] = 0;
    indent(j);
}

void json_begin(json *j, FILE *f)
{
    memset(j, 0, sizeof *j);
    j->f = f;
    j->pretty = 1;
}

static void open_container(json *j, char c, int after_key)
{
    if (!after_key)
        item(j);
    fputc(c, j->f);
    if (j->depth < 31)
        j->depth++;
    j->first[j->depth] = 1;
}

void json_object(json *j)
{
    open_container(j, '{', j->after_key);
    j->after_key = 0;
}

void json_array(json *j)
{
    open_container(j, '[', j->after_key);
    j->after_key = 0;
}

static void close_container(json *j, char c)
{
    int empty = j->first[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (!empty)
        indent(j);
    fputc(c, j->f);
    if (j->depth == 0)
        fputc('\n', j->f);
}

void json_end_object(json *j) { close_container(j, '}'); }
void json_end_array(json *j) { close_container(j, ']'); }

/* Bytes that are not UTF-8 (a Latin-1 file name, a cut character) become U+FFFD,
 * the replacement character, so the output is always valid JSON in UTF-8. */
static void raw_string(json *j, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    fputc('"', j->f);
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        size_t k = socinv_utf8_char_len((const char *)u + i, n - i);
        if (k == 0) {
            fputs("\\ufffd", j->f);
            i++;
            continue;
        }
        i += k;
        switch (c) {
        case '"': fputs("\\\"", j->f); break;
        case '\\': fputs("\\\\", j->f); break;
        case '\n': fputs("\\n", j->f); break;
        case '\r': fputs("\\r", j->f); break;
        case '\t': fputs("\\t", j->f); break;
        default:
            if (c < 0x20)
                fprintf(j->f, "\\u%04x", c);
            else
                fwrite(u + i - k, 1, k, j->f);
        }
    }
    fputc('"', j->f);
}

void json_key(json *j, const char *key)
{
    item(j);
    raw_string(j, key, strlen(key));
    fputs(j->pretty ? ": " : ":", j->f);
    j->after_key = 1;
}

/* A scalar: after a key it follows directly, otherwise it is an array item. */
static void scalar_prefix(json *j)
{
    if (j->after_key)
        j->after_key = 0;
    else
        item(j);
}

void json_string_n(json *j, const char *s, size_t n)
{
    scalar_prefix(j);
    raw_string(j, s ? s : "", s ? n : 0);
}

void json_string(json *j, const char *s)
{
    json_string_n(j, s, s ? strlen(s) : 0);
}

void json_number(json *j, double v)
{
    scalar_prefix(j);
    if (!isfinite(v))
        fputs("null", j->f);
    else if (v == floor(v) && fabs(v) < 1e15)
        fprintf(j->f, "%.0f", v);
    else {
        char text[32];
        socinv_c_format(v, 'g', 17, text, sizeof text); /* '.' whatever the locale */
        fputs(text, j->f);
    }
}

void json_int(json *j, long long v)
{
    scalar_prefix(j);
    fprintf(j->f, "%lld", v);
}

void json_bool(json *j, int v)
{
    scalar_prefix(j);
    fputs(v ? "true" : "false", j->f);
}

void json_null(json *j)
{
    scalar_prefix(j);
    fputs("null", j->f);
}
