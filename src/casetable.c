/* Recognition of the Copenhagen business-case table ('Forslagets samlede
 * økonomiske konsekvenser') in a grid of cells, however the document mangled it. */
#include <string.h>

#include "casegrid.h"

/* Consecutive blank rows after which a table is over, and footnotes a table may hold. */
#define MAX_GAP 3
#define MAX_FOOTNOTES 8
/* A lone text cell longer than this is prose, not a footnote inside the table. */
#define FOOTNOTE_MAX 100

/* The grid's shape; its cells are checked row by row as the search reaches them
 * (check_row), so that finding the k-th table does not re-check the whole grid:
 * recognition stays linear in the grid however many tables it holds. */
socinv_status si_grid_check(const socinv_grid *g)
{
    if (!g || (!g->cells && g->rows && g->cols))
        return SOCINV_E_NULL;
    if (g->rows == 0 || g->cols == 0)
        return SOCINV_E_NOTABLE;
    if (g->rows > SOCINV_MAX_CELLS || g->cols > SOCINV_MAX_CELLS / g->rows)
        return SOCINV_E_LENGTH;
    return SOCINV_OK;
}

/* A cell's kind is one of the three, and a text has its bytes. */
static inline socinv_status cell_status(const socinv_cell *x)
{
    /* EMPTY, NUMBER, TEXT are 0, 1, 2: one unsigned comparison (a caller's kind may be any int) */
    if ((unsigned)x->kind > SOCINV_CELL_TEXT)
        return SOCINV_E_TYPE;
    if (x->kind == SOCINV_CELL_TEXT && !x->text && x->len)
        return SOCINV_E_NULL;
    return SOCINV_OK;
}

static socinv_status check_row(const socinv_grid *g, size_t r)
{
    for (size_t c = 0; c < g->cols; c++) {
        socinv_status st = cell_status(si_cell_at(g, r, c));
        if (st != SOCINV_OK)
            return st;
    }
    return SOCINV_OK;
}

/* Rows [from, to) checked. */
socinv_status si_grid_check_rows(const socinv_grid *g, size_t from, size_t to)
{
    for (size_t r = from; r < to; r++) {
        socinv_status st = check_row(g, r);
        if (st != SOCINV_OK)
            return st;
    }
    return SOCINV_OK;
}

/* A year heading: a whole number 1950-2150, as a number or as four digits of text. */
static int year_of(const socinv_cell *c, int *year)
{
    double v;
    if (c->kind == SOCINV_CELL_NUMBER) {
        v = c->num;
    } else if (c->kind == SOCINV_CELL_TEXT) {
        const char *t = c->text;
        size_t n = c->len;
        while (n && si_is_space((unsigned char)*t))
            t++, n--;
        while (n && si_is_space((unsigned char)t[n - 1]))
            n--;
        if (n != 4)
            return 0;
        for (size_t i = 0; i < 4; i++)
            if (t[i] < '0' || t[i] > '9')
                return 0;
        v = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    } else {
        return 0;
    }
    if (!(v >= 1950 && v <= 2150) || !si_is_whole(v))
        return 0;
    *year = (int)v;
    return 1;
}

/* Could an amount be a year heading (year_of's range)? */
static inline int maybe_year_number(double v)
{
    return v >= 1950 && v <= 2150;
}

/* Could the cell be a year heading? Blank cells, amounts and words are most of a table
 * and are no years: told so inline, before year_of's call (a text year is four digits
 * after any spaces, so a text shorter than that or starting with another byte is none). */
static inline int maybe_year(const socinv_cell *c)
{
    if (c->kind == SOCINV_CELL_TEXT)
        return c->len >= 4 && ((c->text[0] >= '0' && c->text[0] <= '9') || si_is_space((unsigned char)c->text[0]));
    return c->kind == SOCINV_CELL_NUMBER && maybe_year_number(c->num);
}

/* A run of year cells in a row, and what its years say, each year read once. */
typedef struct {
    size_t col, n;   /* the columns [col, col + n) */
    int first_year;
    int ordered;     /* no year before the one left of it */
    int consecutive; /* each year the one left of it plus 1 */
} year_run;

/* The longest run (>= 2) of adjacent year cells in row r, right of a non-number. */
static int find_years(const socinv_grid *g, size_t r, year_run *run)
{
    size_t best = 0;
    for (size_t c = 1; c < g->cols;) {
        int y, prev;
        if (!maybe_year(si_cell_at(g, r, c)) || !year_of(si_cell_at(g, r, c), &prev)) {
            c++;
            continue;
        }
        year_run here = {c, 0, prev, 1, 1};
        size_t k = c + 1;
        for (; k < g->cols && maybe_year(si_cell_at(g, r, k)) && year_of(si_cell_at(g, r, k), &y); k++, prev = y) {
            here.ordered &= y >= prev;
            here.consecutive &= y == prev + 1;
        }
        if (k - c > best) {
            best = k - c;
            *run = here;
        }
        c = k;
    }
    if (best < 2 || best > SOCINV_CASE_MAX_YEARS || si_cell_at(g, r, 0)->kind == SOCINV_CELL_NUMBER)
        return 0;
    run->n = best;
    return 1;
}

/* What reading a row asks of its cells, gathered in the pass that checks them. */
typedef struct {
    size_t cells;      /* non-blank cells */
    int amounts;       /* a non-blank cell in the year columns [year_col, year_col + nyears) */
    size_t year_cells; /* cells right of the first that may be a year (maybe_year): a header has two */
} row_facts;

/* check_row over the cells [x, end) of a row, counting the non-blank ones in *cells and
 * those that may be a year (maybe_year) in *years. */
SI_INLINE socinv_status scan_cells(const socinv_cell *x, const socinv_cell *end, size_t *cells, size_t *years)
{
    size_t k = *cells, y = *years;
    for (; x < end; x++) {
        if (x->kind == SOCINV_CELL_NUMBER) { /* an amount: valid, not blank */
            k++;
            if (maybe_year_number(x->num))
                y++; /* rare: a branch, no addition per amount */
            continue;
        }
        if (x->kind == SOCINV_CELL_EMPTY)
            continue; /* most cells of a table: blank, no year, valid */
        if (x->kind == SOCINV_CELL_TEXT && x->text && x->len && !si_is_space((unsigned char)x->text[0])) {
            /* a label, an area: valid and not blank, without cell_status and si_cell_blank */
            k++;
            y += (size_t)maybe_year(x);
            continue;
        }
        socinv_status st = cell_status(x);
        if (st != SOCINV_OK)
            return st;
        if (si_cell_blank(x))
            continue; /* a text of spaces: no year either (year_of wants four digits) */
        k++;
        y += (size_t)maybe_year(x);
    }
    *cells = k;
    *years = y;
    return SOCINV_OK;
}

/* check_row(g, r), and the row's facts when it is valid: the label's cell, the cells
 * left of the year columns [year_col, year_col + nyears), in them and right of them
 * counted apart, so that no cell asks where it is (1 <= year_col, year_col + nyears <=
 * the grid's columns: a header's, or 1 and 0 where there is no header yet). */
SI_INLINE socinv_status scan_row(const socinv_grid *g, size_t year_col, size_t nyears, size_t r, row_facts *rf)
{
    const socinv_cell *row = si_cell_at(g, r, 0), *end = row + g->cols;
    size_t k = 0, years = 0, left;
    socinv_status st = scan_cells(row, row + 1, &k, &years);
    years = 0; /* the first cell is a label, never a year */
    if (st == SOCINV_OK)
        st = scan_cells(row + 1, row + year_col, &k, &years);
    left = k;
    if (st == SOCINV_OK)
        st = scan_cells(row + year_col, row + year_col + nyears, &k, &years);
    rf->amounts = k > left;
    if (st == SOCINV_OK)
        st = scan_cells(row + year_col + nyears, end, &k, &years);
    rf->cells = k;
    rf->year_cells = years;
    return st;
}

typedef struct {
    socinv_line_role role;
    socinv_row_kind kind;
} label_class;

/* A word a line is known by, folded (si_fold), compared as a prefix of its label. */
typedef struct {
    const char *word;
    size_t len;
    label_class k;
} label_word;

/* The words by their first byte: a label is tried only against the words that start
 * as it does, in the order given, a subtotal's spelling before the heading it begins
 * with ('Varige ændringer total' before 'Varige ændringer'). */
#define LABEL(lit, role, kind) {lit, WORD_LEN(lit), {role, kind}}
/* A word's length, which must fit a folded label's first words (SI_LABEL_CAP - 1
 * bytes): a word too long for them is a compile error (an array of size -1). */
#define WORD_LEN(lit) (sizeof(lit) - 1 + 0 * sizeof(char[sizeof(lit) <= SI_LABEL_CAP ? 1 : -1]))
/* The bytes every word of a group starts with: written once, so each word's start is its
 * group's by construction, and compared once for the group (first_word). */
#define WORDS_T "tilbagebetalingstid"
#define WORDS_S "samle"
#define WORDS_V "varige\xc3\xa6ndringer"
#define WORDS_I "i"
static const label_word words_t[] = {
    LABEL(WORDS_T, SOCINV_LINE_PAYBACK, SOCINV_ROW_IGNORE),
};
static const label_word words_s[] = {
    LABEL(WORDS_S "t\xc3\xb8konomiskp\xc3\xa5virkning", SOCINV_LINE_NET, SOCINV_ROW_IGNORE),
    LABEL(WORDS_S "de\xc3\xb8konomiskekonsekvenser", SOCINV_LINE_NET, SOCINV_ROW_IGNORE),
    LABEL(WORDS_S "t\xc3\xb8konomiskkonsekvens", SOCINV_LINE_NET, SOCINV_ROW_IGNORE),
    LABEL(WORDS_S "tvarig\xc3\xa6ndring", SOCINV_LINE_SUBTOTAL, SOCINV_ROW_PERMANENT),
    LABEL(WORDS_S "devarige\xc3\xa6ndringer", SOCINV_LINE_SUBTOTAL, SOCINV_ROW_PERMANENT),
    LABEL(WORDS_S "deimplementeringsomkostninger", SOCINV_LINE_SUBTOTAL, SOCINV_ROW_IMPLEMENTATION),
    LABEL(WORDS_S "timplementeringsomkostning", SOCINV_LINE_SUBTOTAL, SOCINV_ROW_IMPLEMENTATION),
    LABEL(WORDS_S "deinvesteringer", SOCINV_LINE_SUBTOTAL, SOCINV_ROW_IMPLEMENTATION),
};
static const label_word words_v[] = {
    LABEL(WORDS_V "total", SOCINV_LINE_SUBTOTAL, SOCINV_ROW_PERMANENT),
    LABEL(WORDS_V, SOCINV_LINE_HEADING, SOCINV_ROW_PERMANENT),
};
static const label_word words_i[] = {
    LABEL(WORDS_I "mplementeringsomkostningertotal", SOCINV_LINE_SUBTOTAL, SOCINV_ROW_IMPLEMENTATION),
    LABEL(WORDS_I "nvesteringertotal", SOCINV_LINE_SUBTOTAL, SOCINV_ROW_IMPLEMENTATION),
    LABEL(WORDS_I "mplementeringsomkostninger", SOCINV_LINE_HEADING, SOCINV_ROW_IMPLEMENTATION),
};

/* A label's folding (si_fold), made only as far as a comparison needs (si_fold_more):
 * most labels differ from every word in their first bytes ('Projektledelse BIF'), which
 * are read without folding. Every answer is the whole label's. */
typedef struct {
    const socinv_cell *cell;
    size_t n;  /* bytes folded, in f */
    size_t at; /* bytes of the text read; SOCINV_NONE for a cell without text */
    char f[SI_LABEL_CAP + 2]; /* room for the longest word, a two-byte letter and the NUL */
} label_text;

static inline void label_open(label_text *l, const socinv_cell *cell)
{
    l->cell = cell;
    l->n = l->at = 0;
    if (cell->kind != SOCINV_CELL_TEXT || !cell->text) {
        l->at = SOCINV_NONE; /* folds to "" (si_cell_fold) */
        return;
    }
    if (cell->len >= 2) {
        /* two ASCII bytes that fold to themselves or their small letter: the first two
         * bytes of the folding, without a call */
        unsigned char a = si_fold_byte[(unsigned char)cell->text[0]], b = si_fold_byte[(unsigned char)cell->text[1]];
        if (a != SI_FOLD_OTHER && b != SI_FOLD_OTHER) {
            l->f[0] = (char)a;
            l->f[1] = (char)b;
            l->n = l->at = 2;
        }
    }
}

/* Fold on until `want` bytes (at most SI_LABEL_CAP - 1) are folded or the text is read
 * to its end: are they? (si_fold_more with room for want + 1 bytes stops at want or
 * more, or before a two-byte letter at want.) */
static int label_fill(label_text *l, size_t want)
{
    if (l->at < l->cell->len)
        l->n = si_fold_more(l->cell->text, l->cell->len, &l->at, l->f, l->n, want + 2);
    return l->n >= want;
}

/* Bytes a label is folded to before a longer word is compared to its end: most words
 * that start as a label does differ from it within them ('Varig SOF-BBU ...' and
 * 'varigeændringertotal'). */
#define LABEL_FIRST 8

/* Does the folded label start with word (len <= SI_LABEL_CAP - 1 bytes, folded)? The
 * bytes folded so far first, then to LABEL_FIRST bytes, then to the word's end. */
static inline int label_starts_from(label_text *l, const char *word, size_t len, size_t from)
{
    size_t m = l->n < len ? l->n : len; /* from <= m: the label's first `from` bytes are the word's */
    for (size_t k = from; k < m; k++)
        if (l->f[k] != word[k])
            return 0;
    if (m == len)
        return 1;
    if (m < LABEL_FIRST && len > LABEL_FIRST) {
        if (!label_fill(l, LABEL_FIRST))
            return 0; /* the label is shorter than the word */
        for (; m < LABEL_FIRST; m++)
            if (l->f[m] != word[m])
                return 0;
    }
    return label_fill(l, len) && memcmp(l->f + m, word + m, len - m) == 0;
}
static inline int label_starts(label_text *l, const char *word, size_t len)
{
    return label_starts_from(l, word, len, 0);
}
#define LABEL_STARTS(l, lit) label_starts((l), (lit), WORD_LEN(lit))

/* The first word of a group the label starts with: the group's first bytes (`start`, the
 * first of which classify has seen) compared once, each word's from there. */
static label_class first_word(label_text *l, const char *start, size_t start_len, const label_word *w, size_t n)
{
    if (label_starts_from(l, start, start_len, 1))
        for (size_t i = 0; i < n; i++)
            if (label_starts_from(l, w[i].word, w[i].len, start_len))
                return w[i].k;
    return (label_class){SOCINV_LINE_DETAIL, SOCINV_ROW_IGNORE};
}
#define FIRST_WORD(l, start, words) first_word((l), start, WORD_LEN(start), (words), sizeof(words) / sizeof(words)[0])

/* What a label says the line is (before looking at its numbers): the first word it starts with. */
static label_class classify(label_text *l)
{
    switch (l->n > 0 || label_fill(l, 1) ? l->f[0] : '\0') {
    case 't': return FIRST_WORD(l, WORDS_T, words_t);
    case 's': return FIRST_WORD(l, WORDS_S, words_s);
    case 'v': return FIRST_WORD(l, WORDS_V, words_v);
    case 'i': return FIRST_WORD(l, WORDS_I, words_i);
    default: return (label_class){SOCINV_LINE_DETAIL, SOCINV_ROW_IGNORE};
    }
}

/* Is row r the year header of a table? A run of years that does not go back in
 * time, nothing right of it, and left of it only text that names no line of a
 * table and no area: so a line whose amounts look like years ("1966 | 1966") is
 * never a header. `strong` (a header that ends the table being read) also wants
 * the unit ("1.000 kr. ...") or a 'Styringsområde' cell, since within a table a
 * new one begins only where a document starts one. */
static int find_header(const socinv_grid *g, size_t r, int strong, year_run *run)
{
    char f[SI_FOLD_CAP];
    if (!find_years(g, r, run) || !run->ordered)
        return 0;
    for (size_t c = run->col + run->n; c < g->cols; c++)
        if (!si_cell_blank(si_cell_at(g, r, c)))
            return 0;
    int marked = 0;
    for (size_t c = 0; c < run->col; c++) {
        const socinv_cell *x = si_cell_at(g, r, c);
        if (si_cell_blank(x))
            continue;
        if (x->kind != SOCINV_CELL_TEXT)
            return 0; /* an amount left of the years */
        size_t fl = si_cell_fold(x, f, sizeof f);
        if (SI_PREFIX(f, fl, "styringsomr")) {
            marked = 1;
            continue;
        }
        label_text lt;
        label_open(&lt, x);
        if (classify(&lt).role != SOCINV_LINE_DETAIL)
            return 0; /* 'Samlet økonomisk påvirkning', ...: a line of a table */
        socinv_area a;
        if (socinv_area_parse(x->text, x->len, &a) == SOCINV_OK && a != SOCINV_AREA_NONE)
            return 0; /* an area: an amount line */
        marked |= strstr(f, "kr") != NULL;
    }
    return !strong || marked;
}

/* ", service", ", anlæg", ", service SOF", ", service (BUF)", ", service inkl. rammereduktion". */
static void qualify(const socinv_cell *label, socinv_case_line *line)
{
    line->qualifier = SOCINV_QUAL_NONE;
    line->area = SOCINV_AREA_NONE;
    if (label->kind != SOCINV_CELL_TEXT)
        return;
    const char *comma = memchr(label->text, ',', label->len);
    if (!comma)
        return;
    const char *q = comma + 1, *end = label->text + label->len;
    while (q < end && (si_is_space((unsigned char)*q) || *q == '('))
        q++;
    const char *w = q;
    while (w < end && !si_is_space((unsigned char)*w) && *w != '(' && *w != ')' && *w != ',')
        w++;
    socinv_area a;
    if (w == q || socinv_area_parse(q, (size_t)(w - q), &a) != SOCINV_OK || a == SOCINV_AREA_NONE) {
        line->qualifier = SOCINV_QUAL_OTHER;
        return;
    }
    line->area = a;
    line->qualifier = SOCINV_QUAL_AREA;
    /* A department token (2-5 capitals: SOF, BUF, BIF) makes it a department subtotal. */
    for (const char *p = w; p < end;) {
        while (p < end && (si_is_space((unsigned char)*p) || *p == '(' || *p == ')' || *p == ','))
            p++;
        const char *s = p;
        int caps = 1;
        while (p < end && !si_is_space((unsigned char)*p) && *p != '(' && *p != ')' && *p != ',') {
            if (*p < 'A' || *p > 'Z')
                caps = 0;
            p++;
        }
        if (caps && p - s >= 2 && p - s <= 5)
            line->qualifier = SOCINV_QUAL_OTHER;
    }
}

/* Amount of a cell in a year column: NaN for blank; *bad set when it is text that is no number. */
static inline double amount(const socinv_cell *c, socinv_number_style style, int *bad)
{
    double v;
    if (c->kind == SOCINV_CELL_NUMBER) { /* most cells: told first */
        if (isfinite(c->num))
            return c->num;
        *bad = 1;
        return NAN;
    }
    if (si_cell_blank(c))
        return NAN;
    if (socinv_parse_number(c->text, c->len, style, &v) == SOCINV_OK)
        return v;
    *bad = 1;
    return NAN;
}

/* First non-blank cell right of the label: where a payback value is printed
 * ("| 4 år |", or "| | 5 |" under the first year). */
static int first_value(const socinv_grid *g, size_t r, size_t label_col, socinv_number_style style, double *v)
{
    for (size_t c = label_col + 1; c < g->cols; c++) {
        const socinv_cell *cell = si_cell_at(g, r, c);
        if (si_cell_blank(cell))
            continue;
        int bad = 0;
        *v = amount(cell, style, &bad);
        return !bad;
    }
    return 0;
}

typedef struct {
    const socinv_grid *g;
    socinv_number_style style;
    socinv_case *t;
    socinv_case_line *lines;
    size_t cap;
    double *values;
    size_t values_cap;
    size_t n;       /* lines so far (may exceed cap: counted for the caller) */
    int overflow;
    socinv_status status; /* a row the table's reading reached that is not a valid row */
    socinv_case_line scratch;
    /* what the rows read so far say of the table being read (read_table) */
    int whole;                /* a range selected around one table: blank lines do not end it */
    int area_headed;          /* the area column is headed 'Styringsområde' */
    socinv_row_kind block;    /* the heading amount lines are under */
    int after_perm_total;     /* a 'Samlet varig ændring' was read (implementation may follow unheaded) */
    int seen_end_lines;       /* a net or payback line was read: lone text after it is prose */
    int gap, footnotes, paybacks;
    int structure, net;       /* a heading, subtotal, net or payback line was read; a net line */
    size_t pending;           /* a payback label waiting for its basis and value, or SOCINV_NONE */
    size_t area_ok, area_bad; /* cells of an unheaded area column that read as areas, or not */
} reader;

/* A line added; its amounts blank in every year unless `amounts` (read_amounts writes each). */
static socinv_case_line *add_line(reader *rd, size_t row, socinv_line_role role, int amounts)
{
    socinv_case_line *l = &rd->scratch; /* counted, not kept, once the buffers are full */
    if (!rd->overflow && rd->n < rd->cap && (rd->n + 1) * rd->t->nyears <= rd->values_cap)
        l = &rd->lines[rd->n];
    else
        rd->overflow = 1;
    memset(l, 0, sizeof *l);
    l->row = row;
    l->label_row = row;
    l->role = role;
    l->payback = NAN;
    if (!rd->overflow && !amounts) /* lines without amounts read as blank in every year */
        for (size_t j = 0; j < rd->t->nyears; j++)
            rd->values[rd->n * rd->t->nyears + j] = NAN;
    rd->n++;
    return l;
}

static double *line_values(reader *rd)
{
    if (rd->overflow)
        return NULL;
    return &rd->values[(rd->n - 1) * rd->t->nyears];
}

SI_INLINE void read_amounts(reader *rd, size_t row, socinv_case_line *l)
{
    double *v = line_values(rd);
    const socinv_cell *c = si_cell_at(rd->g, row, rd->t->year_col);
    int bad = 0;
    size_t ny = rd->t->nyears;
    if (v) {
        for (size_t j = 0; j < ny; j++)
            v[j] = amount(&c[j], rd->style, &bad);
    } else { /* the buffers are full: the line is counted, its notes made */
        for (size_t j = 0; j < ny; j++)
            (void)amount(&c[j], rd->style, &bad);
    }
    if (bad)
        l->notes |= 1u << SOCINV_NOTE_TEXT_AMOUNT;
}

/* "3. Implementering og opfølgning": a numbered section heading ends the table. */
static int section_heading(const socinv_cell *c)
{
    if (c->kind != SOCINV_CELL_TEXT || c->len < 3)
        return 0;
    size_t i = 0;
    while (i < c->len && c->text[i] >= '0' && c->text[i] <= '9')
        i++;
    return i > 0 && i + 1 < c->len && c->text[i] == '.' && c->text[i + 1] == ' ';
}

/* The header row's facts: label column, years, the area column. */
static void read_header(reader *rd, size_t hr, const year_run *run)
{
    size_t year_col = run->col;
    const socinv_grid *g = rd->g;
    socinv_case *t = rd->t;
    char f[SI_LABEL_CAP];
    memset(t, 0, sizeof *t);
    t->header_row = hr;
    /* The label column is where the header starts ("1.000 kr. 2025 p/l"): a table
     * may sit anywhere on a sheet, several side by side or below each other. */
    t->label_col = 0;
    while (t->label_col + 1 < year_col && si_cell_blank(si_cell_at(g, hr, t->label_col)))
        t->label_col++;
    t->year_col = year_col;
    t->nyears = run->n;
    t->area_col = SOCINV_NONE;
    t->first_year = run->first_year;
    t->years_consecutive = run->consecutive;
    /* The area column: headed 'Styringsområde' ("Styrings- område"), else maybe
     * the column just left of the years, if its cells read as areas. */
    rd->area_headed = 0;
    for (size_t c = t->label_col + 1; c < year_col; c++) {
        size_t fl = si_cell_fold(si_cell_at(g, hr, c), f, sizeof f);
        if (SI_PREFIX(f, fl, "styringsomr")) {
            t->area_col = c;
            rd->area_headed = 1;
            break;
        }
    }
    if (!rd->area_headed && year_col >= t->label_col + 2)
        t->area_col = year_col - 1;
}

/* After a row: read on, the table ended before it, or it ended with it. */
typedef enum { ROW_NEXT, ROW_END, ROW_LAST } row_step;

/* "Tilbagebetalingstid" alone, then "total: 4 år" / "service: 5" on the next line:
 * the pending payback line gets its basis and value from row r. */
static row_step split_payback(reader *rd, size_t r, label_text *label)
{
    socinv_case_line *l = rd->pending < rd->cap && rd->pending < rd->n && !rd->overflow ? &rd->lines[rd->pending] : NULL;
    double v;
    if (l) {
        l->basis = LABEL_STARTS(label, "total") ? SOCINV_BASIS_TOTAL : SOCINV_BASIS_SERVICE;
        l->row = r;
        l->notes |= 1u << SOCINV_NOTE_SPLIT_PAYBACK;
        if (first_value(rd->g, r, rd->t->label_col, rd->style, &v))
            l->payback = v;
    }
    rd->pending = SOCINV_NONE;
    rd->gap = 0;
    return ++rd->paybacks >= 2 ? ROW_LAST : ROW_NEXT;
}

/* An amount line: its kind from the heading it is under, its area, its amounts. */
static void amount_line(reader *rd, size_t r, socinv_case_line *l)
{
    l->role = SOCINV_LINE_DETAIL;
    if (rd->after_perm_total && rd->block != SOCINV_ROW_IMPLEMENTATION) {
        l->kind = SOCINV_ROW_IMPLEMENTATION;
        l->notes |= 1u << SOCINV_NOTE_NO_IMPL_HEADING;
    } else if (rd->block == SOCINV_ROW_IGNORE) {
        l->kind = SOCINV_ROW_PERMANENT;
        l->notes |= 1u << SOCINV_NOTE_NO_HEADING;
    } else {
        l->kind = rd->block;
    }
    if (rd->t->area_col != SOCINV_NONE) {
        const socinv_cell *ac = si_cell_at(rd->g, r, rd->t->area_col);
        socinv_area a = SOCINV_AREA_NONE;
        if (ac->kind == SOCINV_CELL_TEXT && socinv_area_parse(ac->text, ac->len, &a) == SOCINV_OK) {
            l->area = a;
            rd->area_ok += a != SOCINV_AREA_NONE;
        } else if (!si_cell_blank(ac)) {
            rd->area_bad++;
        }
    }
    read_amounts(rd, r, l);
}

/* A line of the table, as its label class says. */
static void table_line(reader *rd, size_t r, label_class k, const socinv_cell *label)
{
    /* every role but these reads its amounts (read_amounts) below */
    int amounts = k.role != SOCINV_LINE_PAYBACK && k.role != SOCINV_LINE_HEADING;
    socinv_case_line *l = add_line(rd, r, k.role, amounts);
    /* the line keeps its role (an amount line's is DETAIL): the table's structure told here */
    rd->structure |= k.role == SOCINV_LINE_HEADING || k.role == SOCINV_LINE_SUBTOTAL || k.role == SOCINV_LINE_NET ||
                     k.role == SOCINV_LINE_PAYBACK;
    rd->net |= k.role == SOCINV_LINE_NET;
    switch (k.role) {
    case SOCINV_LINE_PAYBACK: {
        double v;
        char f[SI_FOLD_CAP]; /* the whole label: its basis may be anywhere in it */
        si_cell_fold(label, f, sizeof f);
        l->basis = strstr(f, "service") ? SOCINV_BASIS_SERVICE : SOCINV_BASIS_TOTAL;
        if (first_value(rd->g, r, rd->t->label_col, rd->style, &v))
            l->payback = v;
        if (strstr(f, "service") || strstr(f, "total"))
            rd->paybacks++;
        else
            rd->pending = rd->n - 1; /* the basis is on the next line */
        rd->seen_end_lines = 1;
        break;
    }
    case SOCINV_LINE_NET:
        read_amounts(rd, r, l);
        rd->seen_end_lines = 1;
        break;
    case SOCINV_LINE_HEADING:
        l->kind = k.kind;
        rd->block = k.kind;
        rd->after_perm_total = 0;
        break;
    case SOCINV_LINE_SUBTOTAL:
        l->kind = k.kind;
        qualify(label, l);
        read_amounts(rd, r, l);
        if (k.kind == SOCINV_ROW_PERMANENT && l->qualifier == SOCINV_QUAL_NONE)
            rd->after_perm_total = 1;
        break;
    default:
        amount_line(rd, r, l);
        break;
    }
}

/* Row r (not a header) of the table being read. */
static row_step read_row(reader *rd, size_t r, const row_facts *rf)
{
    label_text lt;
    size_t cells = rf->cells;
    if (cells == 0)
        return ++rd->gap >= MAX_GAP && !rd->whole ? ROW_END : ROW_NEXT;
    const socinv_cell *label = si_cell_at(rd->g, r, rd->t->label_col);
    label_open(&lt, label);
    if (!rd->whole && (LABEL_STARTS(&lt, "note") || section_heading(label)))
        return ROW_END;
    if (rd->pending != SOCINV_NONE && (LABEL_STARTS(&lt, "total") || LABEL_STARTS(&lt, "service")))
        return split_payback(rd, r, &lt);
    rd->pending = SOCINV_NONE;

    label_class k = classify(&lt);
    int amounts = rf->amounts;
    if (k.role == SOCINV_LINE_HEADING && amounts)
        k.role = SOCINV_LINE_DETAIL, k.kind = SOCINV_ROW_IGNORE;
    rd->gap = 0;
    if (k.role == SOCINV_LINE_DETAIL && cells == 1 && !amounts) {
        /* A lone text: a footnote inside the table, or prose after it. */
        if (!rd->whole && (rd->seen_end_lines || label->kind != SOCINV_CELL_TEXT || label->len > FOOTNOTE_MAX))
            return ROW_END;
        add_line(rd, r, SOCINV_LINE_OTHER, 0);
        return ++rd->footnotes > MAX_FOOTNOTES && !rd->whole ? ROW_END : ROW_NEXT;
    }
    table_line(rd, r, k, label);
    return rd->paybacks >= 2 && !rd->whole ? ROW_LAST : ROW_NEXT;
}

/* Where the table ends (r: the first row not read), its area column settled;
 * whether it is a business-case table. */
static int finish_table(reader *rd, size_t hr, size_t r)
{
    socinv_case *t = rd->t;
    /* The table ends after its last line (blank lines after it are not part of it). */
    t->end_row = hr + 1;
    if (rd->n && !rd->overflow)
        t->end_row = rd->lines[rd->n - 1].row + 1;
    else if (rd->overflow)
        t->end_row = r;
    t->nlines = rd->n;

    /* An unheaded column left of the years is the area column only if it reads as one. */
    if (!rd->area_headed && t->area_col != SOCINV_NONE && (rd->area_ok == 0 || rd->area_bad > 0) && !rd->overflow) {
        t->area_col = SOCINV_NONE;
        for (size_t i = 0; i < rd->n; i++)
            if (rd->lines[i].role == SOCINV_LINE_DETAIL)
                rd->lines[i].area = SOCINV_AREA_NONE;
    }
    if (rd->overflow)
        return 1; /* the caller reports the buffer; the table may well be one */
    return rd->structure && (rd->whole || rd->area_headed || rd->net);
}

/* Read the table whose years are in row hr; returns whether it is a business-case
 * table. `whole`: the grid is a range selected around the table, so blank lines and
 * stray text do not end it (only the next header or the end of the range does). */
static int read_table(reader *rd, size_t hr, const year_run *run, int whole)
{
    read_header(rd, hr, run);
    rd->whole = whole;
    rd->n = 0;
    rd->overflow = 0;
    rd->block = SOCINV_ROW_IGNORE;
    rd->after_perm_total = rd->seen_end_lines = rd->gap = rd->footnotes = rd->paybacks = 0;
    rd->structure = rd->net = 0;
    rd->pending = SOCINV_NONE;
    rd->area_ok = rd->area_bad = 0;
    size_t r = hr + 1;
    for (; r < rd->g->rows; r++) {
        year_run next;
        row_facts rf;
        if ((rd->status = scan_row(rd->g, rd->t->year_col, rd->t->nyears, r, &rf)) != SOCINV_OK)
            return 0;
        if (rf.year_cells >= 2 && find_header(rd->g, r, 1, &next))
            break;
        row_step step = read_row(rd, r, &rf);
        if (step == ROW_END)
            break;
        if (step == ROW_LAST) {
            r++;
            break;
        }
    }
    return finish_table(rd, hr, r);
}

static socinv_status find_table(const socinv_grid *grid, size_t from_row, socinv_number_style style,
                                socinv_case *table, socinv_case_line *lines, size_t cap, double *values,
                                size_t values_cap, int whole)
{
    socinv_status st = si_grid_check(grid);
    if (st != SOCINV_OK)
        return st;
    if (!table || (cap && !lines) || (values_cap && !values))
        return SOCINV_E_NULL;
    if (style != SOCINV_NUMBERS_AUTO && style != SOCINV_NUMBERS_DANISH && style != SOCINV_NUMBERS_PLAIN)
        return SOCINV_E_OPTION;
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.g = grid;
    rd.style = style;
    rd.t = table;
    rd.lines = lines;
    rd.cap = cap;
    rd.values = values;
    rd.values_cap = values_cap;
    for (size_t r = from_row; r < grid->rows; r++) {
        year_run run;
        row_facts rf;
        if ((st = scan_row(grid, 1, 0, r, &rf)) != SOCINV_OK)
            return st;
        if (rf.year_cells < 2 || !find_header(grid, r, 0, &run))
            continue;
        int is_table = read_table(&rd, r, &run, whole);
        if (rd.status != SOCINV_OK)
            return rd.status;
        if (is_table) {
            if (rd.overflow)
                return SOCINV_E_BUFFER;
            return SOCINV_OK;
        }
        if (whole)
            break; /* the first header is the table's: a selected range holds one */
    }
    return SOCINV_E_NOTABLE;
}

socinv_status socinv_case_find(const socinv_grid *grid, size_t from_row, socinv_number_style style,
                               socinv_case *table, socinv_case_line *lines, size_t cap, double *values,
                               size_t values_cap)
{
    return find_table(grid, from_row, style, table, lines, cap, values, values_cap, 0);
}

socinv_status socinv_case_read(const socinv_grid *grid, socinv_number_style style, socinv_case *table,
                               socinv_case_line *lines, size_t cap, double *values, size_t values_cap)
{
    return find_table(grid, 0, style, table, lines, cap, values, values_cap, 1);
}

int socinv_case_year(const socinv_grid *grid, const socinv_case *table, size_t j)
{
    int y;
    if (!grid || !grid->cells || !table || j >= table->nyears || table->header_row >= grid->rows ||
        table->year_col + j >= grid->cols)
        return 0;
    return year_of(si_cell_at(grid, table->header_row, table->year_col + j), &y) ? y : 0;
}

socinv_status socinv_case_label(const socinv_grid *grid, const socinv_case *table, const socinv_case_line *line,
                                const char **text, size_t *len)
{
    if (!grid || !grid->cells || !table || !line || !text || !len)
        return SOCINV_E_NULL;
    if (line->label_row >= grid->rows || table->label_col >= grid->cols)
        return SOCINV_E_DOMAIN;
    const socinv_cell *c = si_cell_at(grid, line->label_row, table->label_col);
    *text = "";
    *len = 0;
    if (c->kind == SOCINV_CELL_TEXT && c->text) {
        *text = c->text;
        *len = c->len;
        si_trim_text(text, len);
    }
    return SOCINV_OK;
}

/* Years summed together by socinv_case_net: a table's usual span, on the stack. */
#define NET_BLOCK 32

socinv_status socinv_case_net(const socinv_case *table, const socinv_case_line *lines,
                              const double *values, socinv_basis basis, double *net)
{
    if (!table || !net || (table->nlines && (!lines || !values)))
        return SOCINV_E_NULL;
    if (table->nyears == 0)
        return SOCINV_E_LENGTH;
    /* Line by line, each line's test once for all its years, a block of years at a time;
     * each year's sum adds its lines in the same order as a year by year loop would. */
    const size_t ny = table->nyears;
    for (size_t j0 = 0; j0 < ny; j0 += NET_BLOCK) {
        size_t nb = ny - j0 < NET_BLOCK ? ny - j0 : NET_BLOCK;
        si_sum s[NET_BLOCK];
        for (size_t j = 0; j < nb; j++)
            s[j] = (si_sum){0, 0};
        for (size_t i = 0; i < table->nlines; i++) {
            if (!si_line_counts(&lines[i], basis))
                continue;
            const double *v = &values[i * ny + j0];
            for (size_t j = 0; j < nb; j++)
                if (!isnan(v[j]))
                    si_sum_add(&s[j], v[j]);
        }
        for (size_t j = 0; j < nb; j++) {
            net[j0 + j] = si_sum_get(&s[j]);
            if (!isfinite(net[j0 + j]))
                return SOCINV_E_OVERFLOW; /* the years after it left as they were */
        }
    }
    return SOCINV_OK;
}
