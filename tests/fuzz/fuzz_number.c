/* Numbers as printed (socinv_parse_number, every style) and amounts as a
 * report prints them (socinv_format_amount).
 *
 * Checks, besides memory and UB errors:
 * - a parsed number is finite; the output is untouched on error;
 * - what socinv_format_amount prints reads back with socinv_parse_number
 *   ("da" as Danish and as AUTO, "en" as plain) to the amount, up to the six
 *   decimals printed;
 * - the formatted text always ends in NUL within the buffer, and a short
 *   buffer holds a prefix of the full text. */
#include "fuzz.h"

/* Pieces numbers are printed with, so assembled text reaches every branch. */
static const char *const pieces[] = {
    "0", "1", "2", "5", "9", "12", "200", "1.200", "4.100", ".", ",", " ", "\xc2\xa0", "\xe2\x80\xaf",
    "-", "\xe2\x88\x92", "\xe2\x80\x93", "\xe2\x80\x94", "(", ")", "*", "\xc2\xb9", "\xe2\x81\xb4", "+",
    " \xc3\xa5r", " years", " \xc3\x85R", "aar", "e5", "000", "1,5", "1.234,5", "1,234.5", "\t", "\n",
};

static void parse(const char *text, size_t len)
{
    for (int style = 0; style < 4; style++) {
        double v = fz_sentinel();
        socinv_status st = socinv_parse_number(text, len, (socinv_number_style)style, &v);
        FZ_STATUS(st);
        if (st == SOCINV_OK) {
            FZ_CHECK(style <= SOCINV_NUMBERS_PLAIN);
            FZ_CHECK(isfinite(v));
        } else {
            FZ_CHECK(fz_is_sentinel(v));
            FZ_CHECK(st == SOCINV_E_PARSE || st == SOCINV_E_LENGTH || st == SOCINV_E_OPTION);
        }
    }
}

static void format_roundtrip(double v, size_t cap)
{
    for (int lang = 0; lang < 3; lang++) {
        const char *l = lang == 0 ? "da" : lang == 1 ? "en" : NULL;
        char full[128], shortbuf[128];
        memset(full, 0x7F, sizeof full);
        socinv_format_amount(v, l, full, sizeof full);
        size_t n = fz_strnlen_checked(full, sizeof full);
        FZ_CHECK(n > 0);

        memset(shortbuf, 0x7F, sizeof shortbuf);
        socinv_format_amount(v, l, shortbuf, cap);
        if (cap == 0) {
            FZ_CHECK(shortbuf[0] == 0x7F);
        } else {
            size_t m = fz_strnlen_checked(shortbuf, cap);
            FZ_CHECK(m == (n < cap ? n : cap - 1) && !memcmp(shortbuf, full, m));
            FZ_CHECK(shortbuf[cap] == 0x7F || cap == sizeof shortbuf);
        }

        if (!isfinite(v) || fabs(v) >= 1e15)
            continue; /* printed as %g ("1e+15", "inf", "-" for NaN): not an amount to read back */
        double back = fz_sentinel();
        socinv_number_style style = lang == 0 ? SOCINV_NUMBERS_DANISH : SOCINV_NUMBERS_PLAIN;
        socinv_status st = socinv_parse_number(full, n, style, &back);
        if (st != SOCINV_OK || !fz_close(back, v, 1e-15, 5e-7)) {
            fprintf(stderr, "%.17g printed as \"%s\" reads back as %s %.17g\n", v, full, socinv_status_name(st), back);
            FZ_CHECK(!"a printed amount reads back");
        }
        if (lang == 0) { /* Danish print reads the same in AUTO */
            double auto_back = fz_sentinel();
            FZ_CHECK(socinv_parse_number(full, n, SOCINV_NUMBERS_AUTO, &auto_back) == SOCINV_OK);
            FZ_CHECK(auto_back == back);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t mode = fz_u8(&in);
    if (mode < 64) {
        /* the rest of the input, as it is */
        parse((const char *)in.p, in.n);
        if (in.n == 0)
            FZ_CHECK(socinv_parse_number(NULL, 0, SOCINV_NUMBERS_AUTO, &(double){0}) == SOCINV_E_LENGTH);
        return 0;
    }
    if (mode < 160) {
        char text[256];
        size_t len = 0;
        size_t count = fz_pick(&in, 12);
        for (size_t i = 0; i < count; i++) {
            uint8_t sel = fz_u8(&in);
            const char *p;
            size_t plen;
            if (sel < sizeof pieces / sizeof pieces[0]) {
                p = pieces[sel];
                plen = strlen(p);
            } else {
                p = fz_bytes(&in, 4, &plen);
            }
            if (len + plen > sizeof text)
                break;
            memcpy(text + len, p, plen);
            len += plen;
        }
        parse(text, len);
        return 0;
    }
    double v = fz_double(&in);
    if (mode & 1) { /* amounts with a few decimals, as budgets have them */
        uint32_t hi = fz_u16(&in), lo = fz_u16(&in);
        unsigned shift = fz_u8(&in) % 8;
        v = (double)(int32_t)(hi << 16 | lo) / (double)(1u << shift);
    }
    format_roundtrip(v, fz_pick(&in, 40));
    FZ_CHECK(socinv_parse_number("1", 1, SOCINV_NUMBERS_AUTO, NULL) == SOCINV_E_NULL);
    return 0;
}
