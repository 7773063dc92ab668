/* The table memo's matching and keeping (addin/uno_memo.c) on ranges built as Calc
 * hands them over ([][]any of doubles and strings), without LibreOffice: the memo
 * reads only an any's type class and value, a string's length and units, and a
 * sequence's length and elements. What the glue makes of a kept table is
 * test_glue_case.c's; the whole in real Calc is e2e.seeds (check_table_memo). */
#define _POSIX_C_SOURCE 200809L /* strtok_r */
#include <stdio.h>
#include <stdlib.h>

#include "test_util.h"
#include "uno_memo.h"

static typelib_TypeDescriptionReference t_double = {1, 1, typelib_TypeClass_DOUBLE, NULL, NULL, NULL, NULL};
static typelib_TypeDescriptionReference t_string = {1, 1, typelib_TypeClass_STRING, NULL, NULL, NULL, NULL};
static typelib_TypeDescriptionReference t_boolean = {1, 1, typelib_TypeClass_BOOLEAN, NULL, NULL, NULL, NULL};

/* A range of rows x cols cells, its values and strings owned here. */
typedef struct {
    uno_Sequence *outer;
    size_t rows, cols;
    double nums[64];
    rtl_uString *strings[64];
    sal_Bool flags[64];
} range;

static rtl_uString *ustring(const char *ascii)
{
    size_t n = strlen(ascii);
    rtl_uString *s = calloc(1, sizeof *s + n * sizeof(sal_Unicode));
    s->refCount = 1;
    s->length = (sal_Int32)n;
    for (size_t i = 0; i < n; i++)
        s->buffer[i] = (sal_Unicode)(unsigned char)ascii[i];
    return s;
}

static uno_Sequence *sequence(size_t n, size_t size)
{
    uno_Sequence *s = calloc(1, sizeof *s + n * size);
    s->nRefCount = 1;
    s->nElements = (sal_Int32)n;
    return s;
}

/* spec: one string per cell, rows separated by '|', cells by ';': a number where it
 * reads as one, "?" a boolean, else the text (e.g. "1.000 kr.;Omr;2024;2025|Linje;S;1;2"). */
static range *make(const char *spec)
{
    range *r = calloc(1, sizeof *r);
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", spec);
    char *rows[16], *save = NULL;
    for (char *row = strtok_r(buf, "|", &save); row; row = strtok_r(NULL, "|", &save))
        rows[r->rows++] = row;
    r->outer = sequence(r->rows, sizeof(uno_Sequence *));
    size_t k = 0;
    for (size_t i = 0; i < r->rows; i++) {
        char *cells[16], *s2 = NULL;
        size_t n = 0;
        for (char *c = strtok_r(rows[i], ";", &s2); c; c = strtok_r(NULL, ";", &s2))
            cells[n++] = c;
        r->cols = n;
        uno_Sequence *row = sequence(n, sizeof(uno_Any));
        ((uno_Sequence **)r->outer->elements)[i] = row;
        uno_Any *a = (uno_Any *)row->elements;
        for (size_t j = 0; j < n; j++, k++) {
            char *end;
            double v = strtod(cells[j], &end);
            if (!strcmp(cells[j], "?")) {
                r->flags[k] = 1;
                a[j] = (uno_Any){&t_boolean, &r->flags[k], NULL};
            } else if (*end == '\0') {
                r->nums[k] = v;
                a[j] = (uno_Any){&t_double, &r->nums[k], NULL};
            } else {
                r->strings[k] = ustring(strcmp(cells[j], "_") ? cells[j] : "");
                a[j] = (uno_Any){&t_string, &r->strings[k], NULL};
            }
        }
    }
    return r;
}

static void drop(range *r)
{
    for (size_t i = 0; i < r->rows; i++)
        free(((uno_Sequence **)r->outer->elements)[i]);
    free(r->outer);
    for (size_t k = 0; k < 64; k++)
        free(r->strings[k]);
    free(r);
}

static int freed;
static void count_free(void *p)
{
    freed++;
    free(p);
}

/* Keep a payload for the range as a call would after decoding it (its cells: any will do
 * for the memo, which copies them); the payload, or NULL when the memo refused. */
static void *keep(const range *r, const char *tag)
{
    static sv_cell cells[64 * 64];
    for (size_t k = 0; k < r->rows * r->cols; k++)
        cells[k] = (sv_cell){SV_TEXT, 0.0, tag, strlen(tag)};
    sv_arg arg = {0, r->rows, r->cols, cells};
    sv_call c;
    sv_call_init(&c, &arg, 1);
    c.memo.arg = 0;
    c.memo.keep = sv_memo_keep;
    c.memo.raw = r->outer;
    char *payload = malloc(16);
    snprintf(payload, 16, "%s", tag);
    if (!sv_table_keep(&c, 0, payload, count_free)) {
        free(payload);
        return NULL;
    }
    assert_ptr_equal(c.memo.payload, payload); /* handed out once kept */
    return payload;
}

/* The memo's payload for the range, or NULL; a hit gives the kept cells (tag: the text
 * keep() gave them). */
static const char *find(const range *r, const char *tag)
{
    void *payload = NULL;
    const sv_cell *cells = sv_memo_find(r->outer, r->rows, r->cols, &payload);
    if (!cells)
        return NULL;
    assert_int_equal(cells[0].len, strlen(tag));
    assert_memory_equal(cells[0].text, tag, cells[0].len);
    return payload;
}

#define TABLE "1.000 kr.;Styringsomr;2024;2025;2026|Projektledelse BIF;Service;350;700;700|" \
              "Samlet;_;350;700;700|Note;_;_;_;_"

/** A table matches a range only with every cell the same: a copy in other memory (new
 * strings, new anys) does; one number a bit off, one text the same length but one unit
 * other, a text of another length, a number where text was, another shape, do not. */
static void test_every_cell_matches(void **state)
{
    (void)state;
    assert_true(sv_memo_lock());
    range *kept = make(TABLE);
    assert_non_null(keep(kept, "kept"));
    range *copy = make(TABLE);
    assert_string_equal(find(copy, "kept"), "kept");
    static const char *const others[] = {
        "1.000 kr.;Styringsomr;2024;2025;2026|Projektledelse BIF;Service;350;700;701|Samlet;_;350;700;700|Note;_;_;_;_",
        "1.000 kr.;Styringsomr;2024;2025;2026|Projektledelse BIF;Servicx;350;700;700|Samlet;_;350;700;700|Note;_;_;_;_",
        "1.000 kr.;Styringsomr;2024;2025;2026|Projektledelse BIF;Service ;350;700;700|Samlet;_;350;700;700|Note;_;_;_;_",
        "1.000 kr.;Styringsomr;2024;2025;2026|Projektledelse BIF;Service;350;700;700|Samlet;0;350;700;700|Note;_;_;_;_",
        "1.000 kr.;Styringsomr;2024;2025;2026|Projektledelse BIF;Service;350;700;700|Samlet;_;350;700;700",
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        range *o = make(others[i]);
        assert_null(find(o, "kept"));
        drop(o);
    }
    /* 700 and the next double up: the bits differ */
    double *v = &copy->nums[9];
    assert_true(*v == 700);
    *v = 700.00000000000011;
    assert_true(*v != 700);
    assert_null(find(copy, "kept"));
    *v = 700;
    /* a ragged row: the same cells but one more in the second row */
    uno_Sequence **rows = (uno_Sequence **)copy->outer->elements;
    rows[1]->nElements++;
    assert_null(find(copy, "kept"));
    rows[1]->nElements--;
    assert_string_equal(find(copy, "kept"), "kept");
    drop(copy);
    drop(kept);
    sv_memo_unlock();
}

/** What the memo does not hold: a range with a boolean cell, one with a string any
 * holding no string, one of more than 4 096 cells (the glue then keeps its payload). */
static void test_not_kept(void **state)
{
    (void)state;
    assert_true(sv_memo_lock());
    range *b = make("1.000 kr.;Omr;2024;2025|Linje;?;1;2|Linje;S;1;2|Linje;S;1;2");
    assert_null(keep(b, "b"));
    drop(b);
    range *n = make(TABLE);
    rtl_uString *held = n->strings[6];
    n->strings[6] = NULL; /* the any points at it: now at NULL */
    assert_null(keep(n, "n"));
    n->strings[6] = held;
    drop(n);
    /* over 4 096 cells: a range of 4 097 rows x 1 column claimed by the arg (the memo
     * measures before it reads a row) */
    range *big = make(TABLE);
    sv_cell cell = {SV_EMPTY, 0.0, NULL, 0};
    sv_arg arg = {0, 4097, 1, &cell};
    sv_call c;
    sv_call_init(&c, &arg, 1);
    c.memo.arg = 0;
    c.memo.keep = sv_memo_keep;
    c.memo.raw = big->outer;
    assert_false(sv_table_keep(&c, 0, (void *)1, count_free));
    drop(big);
    sv_memo_unlock();
}

/** Four tables are held; a fifth replaces the one kept first, whose payload is freed
 * then (and only then); the other three are still found. */
static void test_four_tables(void **state)
{
    (void)state;
    assert_true(sv_memo_lock());
    char spec[5][200], tag[5][8];
    range *r[5];
    for (int i = 0; i < 5; i++) {
        snprintf(spec[i], sizeof spec[i], "1.000 kr.;Omr;2024;2025|Linje %d;S;1;2|Linje;S;1;2|Linje;S;1;2", i);
        snprintf(tag[i], sizeof tag[i], "t%d", i);
        r[i] = make(spec[i]);
    }
    for (int i = 0; i < 4; i++)
        assert_non_null(keep(r[i], tag[i]));
    for (int i = 0; i < 4; i++)
        assert_string_equal(find(r[i], tag[i]), tag[i]);
    int before = freed;
    assert_non_null(keep(r[4], tag[4]));
    assert_int_equal(freed, before + 1);
    assert_null(find(r[0], tag[0]));
    for (int i = 1; i < 5; i++)
        assert_string_equal(find(r[i], tag[i]), tag[i]);
    for (int i = 0; i < 5; i++)
        drop(r[i]);
    sv_memo_unlock();
}

/** One call at a time: a second taker is refused until the first lets go. */
static void test_lock(void **state)
{
    (void)state;
    assert_true(sv_memo_lock());
    assert_false(sv_memo_lock());
    sv_memo_unlock();
    assert_true(sv_memo_lock());
    sv_memo_unlock();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_cell_matches),
        cmocka_unit_test(test_not_kept),
        cmocka_unit_test(test_four_tables),
        cmocka_unit_test(test_lock),
    };
    return cmocka_run_group_tests_name("memo", tests, NULL, NULL);
}
