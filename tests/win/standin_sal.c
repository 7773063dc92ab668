/* STAND-IN sal3.dll for test win.loader: see standin.h. rtl_uString as sal/rtl does it:
 * a refcount, a length and the UTF-16 units, NUL-terminated. */
#include <stdlib.h>
#include <string.h>

#include "standin.h"

static rtl_uString *ustr_alloc(sal_Int32 len)
{
    rtl_uString *s = malloc(sizeof *s + (size_t)len * sizeof(sal_Unicode));
    if (!s)
        abort(); /* a stand-in: out of memory ends the test */
    s->refCount = 1;
    s->length = len;
    s->buffer[len] = 0;
    return s;
}

static void ustr_set(rtl_uString **out, rtl_uString *s)
{
    if (*out)
        rtl_uString_release(*out);
    *out = s;
}

/* Memory as sal gives it: malloc's, which cppu (the stand-in too) frees with free. */
void *SAL_CALL rtl_allocateMemory(sal_Size bytes)
{
    return malloc(bytes);
}

void SAL_CALL rtl_freeMemory(void *p)
{
    free(p);
}

void SAL_CALL rtl_uString_release(rtl_uString *s)
{
    if (s && --s->refCount == 0)
        free(s);
}

void SAL_CALL rtl_uString_new(rtl_uString **out)
{
    ustr_set(out, ustr_alloc(0));
}

void SAL_CALL rtl_uString_newFromAscii(rtl_uString **out, const char *ascii)
{
    sal_Int32 n = (sal_Int32)strlen(ascii);
    rtl_uString *s = ustr_alloc(n);
    for (sal_Int32 i = 0; i < n; i++)
        s->buffer[i] = (sal_Unicode)(unsigned char)ascii[i];
    ustr_set(out, s);
}

/* UTF-8 only (the one encoding the component passes); a bad byte becomes U+FFFD. */
void SAL_CALL rtl_string2UString(rtl_uString **out, const char *str, sal_Int32 len, rtl_TextEncoding enc,
                                 sal_uInt32 flags)
{
    (void)flags;
    if (enc != RTL_TEXTENCODING_UTF8)
        abort();
    rtl_uString *s = ustr_alloc(2 * len); /* at most 2 units a byte; length set below */
    const unsigned char *p = (const unsigned char *)str, *end = p + len;
    sal_Int32 o = 0;
    while (p < end) {
        unsigned c = *p++, more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (c >= 0x80 && c < 0xC0)
            c = 0xFFFD;
        else if (more)
            c &= 0x3F >> more;
        for (; more && p < end; more--)
            c = (c << 6) | (*p++ & 0x3F);
        if (c >= 0x10000) {
            s->buffer[o++] = (sal_Unicode)(0xD800 + ((c - 0x10000) >> 10));
            c = 0xDC00 + ((c - 0x10000) & 0x3FF);
        }
        s->buffer[o++] = (sal_Unicode)c;
    }
    s->length = o;
    s->buffer[o] = 0;
    ustr_set(out, s);
}

sal_Int32 SAL_CALL rtl_ustr_ascii_compare_WithLength(const sal_Unicode *s, sal_Int32 len, const char *ascii)
{
    for (sal_Int32 i = 0;; i++) {
        int a = i < len ? s[i] : 0, b = (unsigned char)ascii[i];
        if (a != b || b == 0)
            return a - b;
    }
}
