/* The add-in without UNO: every function of sv_functions[] called through its
 * glue with arguments decoded the way the UNO dispatcher delivers them.
 *
 * The input is a formula, as a user types it and as addin/examples.tsv lists
 * them (the seeds), so crashing inputs read as what a user would have typed:
 *
 *   PAYBACK({1511;-1130;-1551;-504};1)
 *   SIBPAYOUT({10;10|10;10};{5|};{1|0};{2};;{1;1.02};"order";TRUE;"matrix")
 *   CASECHECK(@"<tab-separated table>")
 *
 * - a name is the English or Danish name or the IDL method (any case); the
 *   first known name followed by '(' is called, so INDEX(DISCSCHEDULE(..);2;2)
 *   calls DISCSCHEDULE;
 * - arguments are separated by ';'; an empty one (;;) or a missing one is an
 *   omitted optional argument (a void any), or, for a required range, an
 *   empty range and, for a required number, 0;
 * - a number is anything strtod reads (1e400 is inf), or NAN, INF, -INF,
 *   TRUE, FALSE, TRUE(), FALSE(); "" is an empty cell; "text" is text with any
 *   bytes (invalid UTF-8 too), "" inside for a quote;
 * - {a;b|c;d} is a range of 2 rows (';' separates columns, '|' rows); missing
 *   elements are empty cells and ragged rows are padded with empty cells, as
 *   the dispatcher pads them;
 * - @"text" is a range from delimited text (socinv_grid_parse_text), cells
 *   that read as Danish numbers becoming numbers as in a Danish Calc.
 *
 * Checks, besides memory and UB errors: the status is a listed one and an
 * error exactly when it is not SOCINV_OK; a result is of a known kind, a
 * matrix has rows × cols readable numbers, a text is NUL-terminated within
 * SV_RESULT_TEXT_MAX and UTF-8 when every text argument is; and the call is
 * deterministic: run twice with the scratch memory filled with different
 * garbage, it gives the same result (reading scratch memory before writing it
 * would show here). A range of numbers only comes as the dispatcher hands it
 * over: as doubles, its cells left to be written when read (sv_call.nums). */
#include "fuzz.h"
#include "functions.h"

#define MAX_CELLS_PER_CALL 8192

typedef struct {
    const char *p, *end;
    sv_cell cells[MAX_CELLS_PER_CALL];
    size_t used;
    char pool[1 << 16]; /* unescaped text */
    size_t pool_used;
    int text_utf8; /* every text cell so far is UTF-8 */
    socinv_grid grids[SV_MAX_PARAMS];
    size_t ngrids;
} parser;

static int at_end(const parser *ps)
{
    return ps->p >= ps->end;
}

static void skip_spaces(parser *ps)
{
    while (!at_end(ps) && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
        ps->p++;
}

static int ieq(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z')
            x = (char)(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z')
            y = (char)(y - 'a' + 'A');
        if (x != y)
            return 0;
    }
    return 1;
}

static int accept_word(parser *ps, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(ps->end - ps->p) < n || !ieq(ps->p, n, w))
        return 0;
    ps->p += n;
    return 1;
}

/* The scalar at p: a number, a word or a string. 0 when there is none (an empty element). */
static int scalar(parser *ps, sv_cell *c)
{
    memset(c, 0, sizeof *c);
    c->kind = SV_EMPTY;
    skip_spaces(ps);
    if (at_end(ps))
        return 0;
    if (*ps->p == '"') {
        ps->p++;
        size_t start = ps->pool_used;
        while (!at_end(ps)) {
            if (*ps->p == '"') {
                if (ps->p + 1 < ps->end && ps->p[1] == '"') {
                    ps->p++;
                } else {
                    break;
                }
            }
            if (ps->pool_used < sizeof ps->pool)
                ps->pool[ps->pool_used++] = *ps->p;
            ps->p++;
        }
        if (!at_end(ps))
            ps->p++; /* closing quote */
        size_t len = ps->pool_used - start;
        if (len) { /* "" is what an empty cell of a range arrives as */
            c->kind = SV_TEXT;
            c->text = ps->pool + start;
            c->len = len;
            if (!fz_utf8_valid(c->text, c->len))
                ps->text_utf8 = 0;
        }
        return 1;
    }
    static const struct {
        const char *word;
        double v;
    } words[] = {{"TRUE()", 1.0}, {"FALSE()", 0.0}, {"TRUE", 1.0}, {"FALSE", 0.0},
                 {"-INF", -INFINITY}, {"INF", INFINITY}, {"NAN", NAN}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (accept_word(ps, words[i].word)) {
            c->kind = SV_NUMBER; /* TRUE/FALSE arrive as 1/0 */
            c->num = words[i].v;
            return 1;
        }
    }
    char buf[64];
    size_t n = 0;
    while (!at_end(ps) && n + 1 < sizeof buf && strchr("0123456789.eE+-", *ps->p) && *ps->p)
        buf[n++] = *ps->p++;
    if (!n)
        return 0;
    buf[n] = '\0';
    c->kind = SV_NUMBER;
    c->num = strtod(buf, NULL); /* "-" or "e" read as 0, as good as any number */
    return 1;
}

static sv_cell *take(parser *ps, size_t n)
{
    if (n > MAX_CELLS_PER_CALL - ps->used)
        return NULL;
    sv_cell *c = ps->cells + ps->used;
    ps->used += n;
    return c;
}

/* {a;b|c;d}: read into a scratch list of rows, then lay out rows × the widest row. */
static int array(parser *ps, sv_arg *a)
{
    enum { MAXE = 1024 };
    static sv_cell elems[MAXE];
    static size_t row_of[MAXE];
    size_t n = 0, row = 0, width = 0, col = 0;
    ps->p++; /* '{' */
    for (;;) {
        sv_cell c;
        scalar(ps, &c);
        if (n < MAXE) {
            elems[n] = c;
            row_of[n] = row;
            n++;
        }
        col++;
        width = col > width ? col : width;
        skip_spaces(ps);
        if (at_end(ps))
            break;
        char ch = *ps->p++;
        if (ch == ';')
            continue;
        if (ch == '|') {
            row++;
            col = 0;
            continue;
        }
        break; /* '}' or junk: the array ends */
    }
    size_t rows = row + 1;
    sv_cell *cells = take(ps, rows * width);
    if (!cells)
        return 0;
    for (size_t i = 0; i < rows * width; i++)
        cells[i] = (sv_cell){SV_EMPTY, 0.0, NULL, 0};
    size_t r = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (row_of[i] != r) {
            r = row_of[i];
            k = 0;
        }
        cells[r * width + k++] = elems[i];
    }
    a->rows = rows;
    a->cols = width;
    a->cells = cells;
    return 1;
}

/* @"text": delimited text as a pasted table, Danish numbers as numbers. */
static int table(parser *ps, sv_arg *a)
{
    ps->p++; /* '@' */
    sv_cell s;
    scalar(ps, &s);
    if (s.kind != SV_TEXT || ps->ngrids == SV_MAX_PARAMS)
        return 0;
    socinv_grid *g = &ps->grids[ps->ngrids];
    if (socinv_grid_parse_text(s.text, s.len, 0, g) != SOCINV_OK)
        return 0;
    ps->ngrids++;
    sv_cell *cells = take(ps, g->rows * g->cols);
    if (!cells)
        return 0;
    for (size_t i = 0; i < g->rows * g->cols; i++) {
        cells[i] = g->cells[i];
        double v;
        if (cells[i].kind == SV_TEXT && !(cells[i].len == 1 && cells[i].text[0] == '-') &&
            socinv_parse_number(cells[i].text, cells[i].len, SOCINV_NUMBERS_DANISH, &v) == SOCINV_OK) {
            cells[i].kind = SV_NUMBER;
            cells[i].num = v;
            cells[i].text = NULL;
            cells[i].len = 0;
        }
        if (cells[i].kind == SV_TEXT && !fz_utf8_valid(cells[i].text, cells[i].len))
            ps->text_utf8 = 0;
    }
    a->rows = g->rows;
    a->cols = g->cols;
    a->cells = cells;
    return 1;
}

/* One argument; *given 0 when it is empty (;;) or missing. 0 on a malformed input. */
static int argument(parser *ps, sv_arg *a, int *given)
{
    memset(a, 0, sizeof *a);
    *given = 0;
    skip_spaces(ps);
    if (at_end(ps) || *ps->p == ';' || *ps->p == ')')
        return 1;
    *given = 1;
    if (*ps->p == '{')
        return array(ps, a);
    if (*ps->p == '@')
        return table(ps, a);
    sv_cell *c = take(ps, 1);
    if (!c)
        return 0;
    if (!scalar(ps, c))
        return 0;
    a->rows = a->cols = 1;
    a->cells = c;
    return 1;
}

/* The first known function name followed by '('. */
static const sv_function *function_at(parser *ps)
{
    for (; !at_end(ps); ps->p++) {
        const char *s = ps->p;
        size_t n = 0;
        while (s + n < ps->end && s[n] != '(' && s[n] != ';' && s[n] != ')' && s[n] != '=' && s[n] != ' ')
            n++;
        if (s + n >= ps->end || s[n] != '(' || n == 0)
            continue;
        for (size_t i = 0; i < sv_function_count; i++) {
            const sv_function *f = &sv_functions[i];
            if (ieq(s, n, f->method) || ieq(s, n, f->name.en) || ieq(s, n, f->name.da)) {
                ps->p = s + n + 1;
                return f;
            }
        }
    }
    return NULL;
}

typedef struct {
    socinv_status st;
    sv_result_kind kind;
    double num;
    size_t rows, cols;
    double *matrix; /* a copy */
    char text[SV_RESULT_TEXT_MAX];
} outcome;

static int same_double(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

/* A range of more than one cell, every one a number, as the dispatcher hands it
 * over: its doubles in *nums, its cells in writable memory not yet written (here
 * `garbage`), for sv_arg_read() to write when a reader of cells asks (sv_call.nums).
 * A reader that took them unwritten would read garbage text pointers or give a
 * result that depends on the garbage. */
static void as_dispatched(sv_arg *a, const double **nums, sv_cell *unwritten, double *decoded,
                          unsigned char garbage)
{
    size_t n = a->omitted ? 0 : a->rows * a->cols;
    *nums = NULL;
    for (size_t k = 0; k < n; k++)
        if (a->cells[k].kind != SV_NUMBER)
            return;
    if (n < 2)
        return;
    for (size_t k = 0; k < n; k++)
        decoded[k] = a->cells[k].num;
    memset(unwritten, garbage, n * sizeof *unwritten);
    a->cells = unwritten;
    *nums = decoded;
}

static void same_outcome(const outcome *a, const outcome *b)
{
    FZ_CHECK(a->st == b->st);
    if (a->st == SOCINV_OK) {
        FZ_CHECK(a->kind == b->kind && same_double(a->num, b->num) && a->rows == b->rows && a->cols == b->cols);
        for (size_t k = 0; k < a->rows * a->cols; k++)
            FZ_CHECK(same_double(a->matrix[k], b->matrix[k]));
        FZ_CHECK(!strcmp(a->text, b->text));
    }
}

/* One call with the scratch memory filled with `garbage`, ranges of numbers
 * as the dispatcher hands them over or (dispatched 0) as cells only; checks
 * the result. */
static void call(const sv_function *f, const sv_arg *given, int text_utf8, unsigned char garbage, int dispatched,
                 outcome *o)
{
    static sv_call c;
    static sv_cell unwritten[MAX_CELLS_PER_CALL];
    static double decoded[MAX_CELLS_PER_CALL];
    sv_arg args[SV_MAX_PARAMS];
    const double *nums[SV_MAX_PARAMS];
    size_t used = 0;
    for (size_t i = 0; i < f->nparams; i++) {
        args[i] = given[i];
        nums[i] = NULL;
        if (dispatched)
            as_dispatched(&args[i], &nums[i], unwritten + used, decoded + used, garbage);
        if (nums[i])
            used += args[i].rows * args[i].cols; /* all cells of a call fit in MAX_CELLS_PER_CALL */
    }
    memset(&c, garbage, sizeof c);
    sv_call_init(&c, args, f->nparams);
    c.nums = nums;
    o->st = f->glue(&c);
    FZ_STATUS(o->st);
    FZ_CHECK((o->st == SOCINV_OK) == (sv_error_class_of(o->st) == SV_ERR_NONE));
    FZ_CHECK(sv_error_class_name(sv_error_class_of(o->st)) != NULL);
    o->matrix = NULL;
    o->kind = c.res.kind;
    o->num = c.res.num;
    o->rows = o->cols = 0;
    o->text[0] = '\0';
    if (o->st == SOCINV_OK) {
        switch (c.res.kind) {
        case SV_RES_NUMBER:
            break;
        case SV_RES_BOOL:
            FZ_CHECK(c.res.num == 0.0 || c.res.num == 1.0);
            break;
        case SV_RES_MATRIX:
            FZ_CHECK(c.res.matrix && c.res.rows >= 1 && c.res.cols >= 1);
            FZ_CHECK(c.res.rows <= SOCINV_MAX_CELLS / c.res.cols);
            o->rows = c.res.rows;
            o->cols = c.res.cols;
            o->matrix = malloc(o->rows * o->cols * sizeof *o->matrix);
            FZ_CHECK(o->matrix != NULL);
            memcpy(o->matrix, c.res.matrix, o->rows * o->cols * sizeof *o->matrix); /* ASan: all readable */
            break;
        case SV_RES_TEXT: {
            size_t n = fz_strnlen_checked(c.res.text, SV_RESULT_TEXT_MAX);
            if (text_utf8 && !fz_utf8_valid(c.res.text, n)) {
                fprintf(stderr, "%s gives text that is not UTF-8: %s\n", f->method, c.res.text);
                FZ_CHECK(!"a text result is UTF-8");
            }
            memcpy(o->text, c.res.text, n + 1);
            break;
        }
        default:
            FZ_CHECK(!"a known result kind");
        }
    }
    sv_call_done(&c);
    sv_call_done(&c); /* the dispatcher's error paths may end a call twice */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static parser ps;
    ps.p = (const char *)data;
    ps.end = ps.p + size;
    ps.used = ps.pool_used = ps.ngrids = 0;
    ps.text_utf8 = 1;
    const sv_function *f = function_at(&ps);
    if (!f)
        return 0;

    sv_arg args[SV_MAX_PARAMS];
    int ok = 1;
    for (size_t i = 0; i < SV_MAX_PARAMS; i++) {
        int given = 0;
        if (i < f->nparams) {
            if (i > 0) {
                skip_spaces(&ps);
                if (!at_end(&ps) && *ps.p == ';')
                    ps.p++;
                else
                    ps.p = ps.end; /* ')' or the end: the rest are missing */
            }
            ok = ok && argument(&ps, &args[i], &given);
        } else {
            memset(&args[i], 0, sizeof args[i]);
        }
        /* as the dispatcher lays out what Calc passes */
        switch (i < f->nparams ? f->params[i].type : SV_P_OPTIONAL) {
        case SV_P_OPTIONAL:
            args[i].omitted = !given;
            if (!given)
                args[i].cells = NULL;
            break;
        case SV_P_RANGE: /* nothing given: an empty range */
            args[i].omitted = 0;
            break;
        case SV_P_NUMBER: /* an IDL double: one number; empty is 0; text or a range cannot be passed */
            if (!given || (args[i].rows == 1 && args[i].cols == 1 && args[i].cells[0].kind == SV_EMPTY)) {
                sv_cell *c = take(&ps, 1);
                if (!c)
                    ok = 0;
                else
                    *c = (sv_cell){SV_NUMBER, 0.0, NULL, 0};
                args[i] = (sv_arg){0, 1, 1, c};
            } else if (args[i].rows != 1 || args[i].cols != 1 || args[i].cells[0].kind != SV_NUMBER) {
                ok = 0;
            }
            break;
        }
    }
    if (ok) {
        outcome a, b, cells_only;
        call(f, args, ps.text_utf8, 0xA5, 1, &a);
        call(f, args, ps.text_utf8, 0x5A, 1, &b);
        call(f, args, ps.text_utf8, 0xA5, 0, &cells_only);
        same_outcome(&a, &b);
        same_outcome(&a, &cells_only); /* as doubles or as cells: the same answer */
        free(a.matrix);
        free(b.matrix);
        free(cells_only.matrix);
    }
    for (size_t g = 0; g < ps.ngrids; g++)
        socinv_grid_free(&ps.grids[g]);
    return 0;
}
