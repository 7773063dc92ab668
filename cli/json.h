/* A small JSON writer for --json output: values go straight to a FILE. */
#ifndef SOCINV_CLI_JSON_H
#define SOCINV_CLI_JSON_H

#include <stdio.h>

typedef struct json {
    FILE *f;
    int depth;
    int first[32]; /* is the next item the first in its container? */
    int pretty;
    int after_key; /* a key was just written: the value follows it directly */
} json;

void json_begin(json *j, FILE *f);
void json_object(json *j);
void json_array(json *j);
void json_end_object(json *j);
void json_end_array(json *j);
void json_key(json *j, const char *key);
void json_string(json *j, const char *s);
void json_string_n(json *j, const char *s, size_t n);
/* NaN and infinities are written as null */
void json_number(json *j, double v);
void json_int(json *j, long long v);
void json_bool(json *j, int v);
void json_null(json *j);

#endif
