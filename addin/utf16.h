/* Calc's text (UTF-16) as the library's (UTF-8): the UNO dispatcher converts
 * every text cell of a call with it. Plain C, no UNO, so the unit tests reach it. */
#ifndef SOCINV_UTF16_H
#define SOCINV_UTF16_H

#include <stddef.h>
#include <stdint.h>

/* The UTF-8 of the n UTF-16 units at s, written at out, which must have room
 * for 3 * n bytes (no unit takes more; a surrogate pair's 4 bytes are two
 * units'). A surrogate that is not half of a pair becomes U+FFFD. Returns the
 * end of what was written. */
char *sv_utf16_to_utf8(char *out, const uint16_t *s, size_t n);

#endif
