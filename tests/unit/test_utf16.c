/* Calc's UTF-16 text as UTF-8 (addin/utf16.c): the characters of the seeds' labels worked
 * out by hand, every boundary of the encoding, and a random comparison with a converter
 * written unit by unit, at every alignment the 8- and 4-unit runs can meet. */
#include "test_util.h"
#include "utf16.h"

#define U(...) ((const uint16_t[]){__VA_ARGS__}), (sizeof((const uint16_t[]){__VA_ARGS__}) / sizeof(uint16_t))

static void assert_utf8(const uint16_t *s, size_t n, const char *expected, size_t expected_len)
{
    char out[3 * 64 + 1];
    assert_true(n <= 64);
    char *end = sv_utf16_to_utf8(out, s, n);
    assert_int_equal((size_t)(end - out), expected_len);
    assert_memory_equal(out, expected, expected_len);
}
#define assert_utf8_of(units, lit) assert_utf8(units, lit, sizeof(lit) - 1)

/** The seeds' words: "Anlæg" (æ U+00E6: C3 A6), "Samlet økonomisk påvirkning" (ø U+00F8: C3 B8,
 * å U+00E5: C3 A5; 27 units, ASCII runs of 7 and 12 either side of ø, so both runs resume
 * after it), the plain ASCII label "Implementeringsomkostninger" (27 units: 8+8+8, then 3
 * one by one) and the empty text. */
static void test_seed_words(void **state)
{
    (void)state;
    assert_utf8_of(U('A', 'n', 'l', 0xE6, 'g'), "Anl\xc3\xa6g");
    assert_utf8_of(U('S', 'a', 'm', 'l', 'e', 't', ' ', 0xF8, 'k', 'o', 'n', 'o', 'm', 'i', 's', 'k', ' ', 'p', 0xE5,
                     'v', 'i', 'r', 'k', 'n', 'i', 'n', 'g'),
                   "Samlet \xc3\xb8konomisk p\xc3\xa5virkning");
    assert_utf8_of(U('I', 'm', 'p', 'l', 'e', 'm', 'e', 'n', 't', 'e', 'r', 'i', 'n', 'g', 's', 'o', 'm', 'k', 'o',
                     's', 't', 'n', 'i', 'n', 'g', 'e', 'r'),
                   "Implementeringsomkostninger");
    char none[1];
    assert_ptr_equal(sv_utf16_to_utf8(none, U(0) - 1), none); /* no units: nothing written */
}

/** Each length of encoding at its edges: U+007F (7F), U+0080 (C2 80), U+07FF (DF BF), U+0800
 * (E0 A0 80), U+FFFF (EF BF BF); the pair D83D DE00 is U+1F600 (F0 9F 98 80), DBFF DFFF U+10FFFF
 * (F4 8F BF BF). A lone high surrogate (last, or before a letter), a lone low one, and a low
 * one before a high one are each U+FFFD (EF BF BD); the letter after keeps its place. */
static void test_edges(void **state)
{
    (void)state;
    assert_utf8_of(U(0x7F, 0x80, 0x7FF, 0x800, 0xFFFF), "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf");
    assert_utf8_of(U(0xD83D, 0xDE00, 0xDBFF, 0xDFFF), "\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf");
    assert_utf8_of(U('a', 0xD83D), "a\xef\xbf\xbd");
    assert_utf8_of(U(0xD83D, 'b'), "\xef\xbf\xbd" "b");
    assert_utf8_of(U(0xDE00, 'c'), "\xef\xbf\xbd" "c");
    assert_utf8_of(U(0xDE00, 0xD83D, 'd'), "\xef\xbf\xbd\xef\xbf\xbd" "d");
    /* eight ASCII units but the eighth is not: the run stops there, the seven go 4 + 3 */
    assert_utf8_of(U('1', '2', '3', '4', '5', '6', '7', 0xE6, '9'), "1234567\xc3\xa6" "9");
}

/* The reference: one unit at a time, as the encoding is defined. */
static size_t reference(char *o, const uint16_t *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00u);
        else if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
        if (c < 0x80) {
            o[k++] = (char)c;
        } else if (c < 0x800) {
            o[k++] = (char)(0xC0 | c >> 6);
            o[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            o[k++] = (char)(0xE0 | c >> 12);
            o[k++] = (char)(0x80 | (c >> 6 & 0x3F));
            o[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            o[k++] = (char)(0xF0 | c >> 18);
            o[k++] = (char)(0x80 | (c >> 12 & 0x3F));
            o[k++] = (char)(0x80 | (c >> 6 & 0x3F));
            o[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return k;
}

/** 200 000 random texts of 0-40 units, mostly ASCII with runs of Danish letters, other BMP
 * characters and surrogates (paired or not), each at an offset of 0-7 units from an aligned
 * start: the same bytes as the reference, never more than 3 bytes a unit, nothing written past. */
static void test_random(void **state)
{
    (void)state;
    uint64_t x = 0x9E3779B97F4A7C15u;
    uint16_t units[8 + 40];
    char got[3 * 40 + 16], want[3 * 40];
    for (int round = 0; round < 200000; round++) {
        size_t off = (size_t)round % 8, n = 0;
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t len = (size_t)(x % 41);
        for (; n < len; n++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            unsigned pick = (unsigned)(x >> 32) % 16;
            uint16_t c = (uint16_t)(x >> 8);
            units[off + n] = pick < 10 ? (uint16_t)(0x20 + c % 0x5F)
                             : pick < 12 ? (uint16_t)(0xC0 + c % 0x40)
                             : pick < 14 ? (uint16_t)(0x80 + c)
                             : pick < 15 ? (uint16_t)(0xD800 + c % 0x800)
                                         : c;
        }
        memset(got, 0x5A, sizeof got);
        size_t k = (size_t)(sv_utf16_to_utf8(got, units + off, n) - got), w = reference(want, units + off, n);
        assert_int_equal(k, w);
        assert_memory_equal(got, want, w);
        assert_true(k <= 3 * n);
        for (size_t b = k; b < sizeof got; b++)
            assert_int_equal((unsigned char)got[b], 0x5A);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_words),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests_name("utf16", tests, NULL, NULL);
}
