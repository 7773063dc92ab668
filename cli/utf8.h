/* UTF-8 checking and safe printing of names and texts that come from outside
 * (file names, titles in documents): for JSON and for a terminal. */
#ifndef SOCINV_CLI_UTF8_H
#define SOCINV_CLI_UTF8_H

#include <stddef.h>
#include <stdio.h>

/* Length (1-4) of the well-formed UTF-8 character at s (n bytes available), or 0
 * when the bytes there are not one (a stray continuation byte, an overlong form,
 * a surrogate, a cut sequence, Latin-1 from an old file system). */
size_t utf8_char_len(const unsigned char *s, size_t n);

/* Bytes of the first max_chars characters of s (n bytes): a lead byte and the
 * continuation bytes after it count as one, so a cut never splits a sequence. */
size_t utf8_prefix(const char *s, size_t n, size_t max_chars);

/* Write s for a person: control characters (C0, DEL, C1: an escape sequence in a
 * file name could rewrite the terminal) and bytes that are not UTF-8 as \xHH, a
 * backslash as \\ (so the escaping is unambiguous); everything else as it is. */
void utf8_print_safe(FILE *f, const char *s, size_t n);

#endif
