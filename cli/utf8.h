/* UTF-8 checking and safe printing of names and texts that come from outside
 * (file names, titles in documents): for JSON and for a terminal. */
#ifndef SOCINV_CLI_UTF8_H
#define SOCINV_CLI_UTF8_H

#include <stddef.h>
#include <stdio.h>

#include "socinv.h"

/* A character's length is socinv_utf8_char_len (the library's one UTF-8 reading). */

/* Bytes of the first max_chars characters of s (n bytes): a lead byte and the
 * continuation bytes after it count as one, so a cut never splits a sequence. */
size_t utf8_prefix(const char *s, size_t n, size_t max_chars);

/* Write s for a person: control characters (C0, DEL, C1: an escape sequence in a
 * file name could rewrite the terminal) and bytes that are not UTF-8 as \xHH, a
 * backslash as \\ (so the escaping is unambiguous); everything else as it is. */
void utf8_print_safe(FILE *f, const char *s, size_t n);

#endif
