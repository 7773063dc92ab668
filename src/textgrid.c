/* Delimited text (TSV, CSV) into a grid of cells. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Windows-1252 0x80-0x9F as Unicode (0 = undefined, kept as U+FFFD). */
static const unsigned short cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

size_t socinv_utf8_char_len(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte (RFC 3629 table) */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

/* Is s[0..n) UTF-8? ASCII, most of it, eight bytes at a time. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0, k; i < n; i += k) {
        uint64_t x;
        if (n - i >= 8 && (memcpy(&x, s + i, sizeof x), !(x & UINT64_C(0x8080808080808080))))
            k = 8;
        else if (!(k = s[i] < 0x80 ? 1 : socinv_utf8_char_len((const char *)s + i, n - i)))
            return 0;
    }
    return 1;
}

/* UTF-8 for Windows-1252 text; returns the new length (out has 3 bytes per input byte). */
static size_t from_cp1252(const unsigned char *s, size_t n, unsigned char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c >= 0x80 && c < 0xA0)
            c = cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xFFFD;
        if (c < 0x80) {
            out[o++] = (unsigned char)c;
        } else if (c < 0x800) {
            out[o++] = (unsigned char)(0xC0 | (c >> 6));
            out[o++] = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            out[o++] = (unsigned char)(0xE0 | (c >> 12));
            out[o++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (unsigned char)(0x80 | (c & 0x3F));
        }
    }
    return o;
}

/* Eight bytes, any of them b (b repeated in each byte of rep)? The exact test for a
 * zero byte in x ^ rep. */
static inline uint64_t any_byte(uint64_t x, uint64_t rep)
{
    uint64_t v = x ^ rep;
    return (v - UINT64_C(0x0101010101010101)) & ~v & UINT64_C(0x8080808080808080);
}

/* Where the unquoted field at buf[i] ends: the first delimiter or line end from i on, or
 * n. Eight bytes at a time while none of them is one: most of a document is prose. */
static size_t field_end(const char *buf, size_t i, size_t n, char delim)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    const uint64_t d = ones * (unsigned char)delim, lf = ones * '\n', cr = ones * '\r';
    for (uint64_t x; n - i >= 8; i += 8) {
        memcpy(&x, buf + i, sizeof x);
        if (any_byte(x, d) | any_byte(x, lf) | any_byte(x, cr))
            break;
    }
    while (i < n && buf[i] != delim && buf[i] != '\n' && buf[i] != '\r')
        i++;
    return i;
}

/* One pass of the splitter: counts rows/columns when cells is NULL, fills otherwise.
 * Quoted fields are unescaped in place in buf (which only ever shrinks). */
static void split(char *buf, size_t n, char delim, socinv_cell *cells, size_t cols, size_t *rows_out,
                  size_t *cols_out)
{
    size_t row = 0, col = 0, maxcols = 0;
    size_t i = 0;
    int line_has_content = 0;
    while (i < n) {
        /* one field */
        size_t start = i, w = i;
        int quoted = 0;
        if (buf[i] == '"' && delim != '\t') {
            quoted = 1;
            i++;
            start = w = i;
            while (i < n) {
                if (buf[i] == '"') {
                    if (i + 1 < n && buf[i + 1] == '"') {
                        if (cells)
                            buf[w] = '"';
                        w++;
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (cells)
                    buf[w] = buf[i];
                w++;
                i++;
            }
            while (i < n && buf[i] != delim && buf[i] != '\n' && buf[i] != '\r')
                i++; /* junk after the closing quote is dropped */
        } else {
            w = i = field_end(buf, i, n, delim);
        }
        if (cells) {
            socinv_cell *c = &cells[row * cols + col];
            if (w > start || quoted) {
                c->kind = w > start ? SOCINV_CELL_TEXT : SOCINV_CELL_EMPTY;
                c->text = buf + start;
                c->len = w - start;
            }
        }
        line_has_content = 1;
        col++;
        if (col > maxcols)
            maxcols = col;
        if (i < n && buf[i] == delim) {
            i++;
            if (i == n) { /* a trailing delimiter makes one more, empty, cell */
                col++;
                if (col > maxcols)
                    maxcols = col;
            }
            continue;
        }
        /* end of line */
        if (i < n && buf[i] == '\r')
            i++;
        if (i < n && buf[i] == '\n')
            i++;
        row++;
        col = 0;
        line_has_content = 0;
    }
    if (line_has_content)
        row++;
    *rows_out = row;
    *cols_out = maxcols;
}

socinv_status socinv_grid_parse_text(const char *text, size_t len, char delimiter, socinv_grid *grid)
{
    if (!grid || (!text && len))
        return SOCINV_E_NULL;
    memset(grid, 0, sizeof *grid);
    /* an ASCII delimiter other than quote and line ends: a byte above 0x7F would split UTF-8 */
    if ((unsigned char)delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r')
        return SOCINV_E_OPTION;
    if (len > SOCINV_MAX_CELLS * (size_t)8)
        return SOCINV_E_LENGTH;
    if (memchr(text, '\0', len))
        return SOCINV_E_PARSE;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
        text += 3;
        len -= 3;
    }
    int utf8 = valid_utf8((const unsigned char *)text, len);
    size_t cap = utf8 ? len : 3 * len;
    char *copy = malloc(cap + 1);
    if (!copy)
        return SOCINV_E_NOMEM;
    size_t n = utf8 ? (memcpy(copy, text, len), len) : from_cp1252((const unsigned char *)text, len, (unsigned char *)copy);
    if (delimiter == 0)
        delimiter = memchr(copy, '\t', n) ? '\t' : memchr(copy, ';', n) ? ';' : ',';

    size_t rows, cols;
    split(copy, n, delimiter, NULL, 0, &rows, &cols);
    if (rows == 0 || cols == 0) {
        free(copy);
        return SOCINV_E_LENGTH;
    }
    /* A grid is rows x widest row: one long line over many short ones would make it
     * huge from little text (16 KB -> 2 GB), so the cells are bounded by the text too. */
    if (rows > SOCINV_MAX_CELLS || cols > SOCINV_MAX_CELLS / rows || rows * cols > 64 * n + 65536) {
        free(copy);
        return SOCINV_E_LENGTH;
    }
    /* one block: the cells, then the text they point into */
    size_t cells_bytes = rows * cols * sizeof(socinv_cell);
    char *block = malloc(cells_bytes + n + 1);
    if (!block) {
        free(copy);
        return SOCINV_E_NOMEM;
    }
    socinv_cell *cells = (socinv_cell *)(void *)block;
    char *buf = block + cells_bytes;
    memcpy(buf, copy, n);
    buf[n] = '\0';
    free(copy);
    memset(cells, 0, cells_bytes);
    size_t r2, c2;
    split(buf, n, delimiter, cells, cols, &r2, &c2);
    grid->cells = cells;
    grid->rows = rows;
    grid->cols = cols;
    return SOCINV_OK;
}

void socinv_grid_free(socinv_grid *grid)
{
    if (!grid)
        return;
    free((void *)grid->cells);
    grid->cells = NULL;
    grid->rows = grid->cols = 0;
}
