/* Checks of a recognised business-case table against its own lines and the rules. */
#include <string.h>

#include "internal.h"

static const char *const notes_en[SOCINV_NOTE_COUNT] = {
    "",
    "printed and computed differ",
    "the area subtotal also counts lines of other areas; read as all lines",
    "the qualified subtotals do not add up to the total",
    "no 'Implementeringsomkostninger' heading: the lines after the permanent total are read as implementation costs",
    "amount lines before any heading are read as permanent changes",
    "text where an amount belongs; read as blank",
    "the payback label is split over two lines; read as one",
    "a line with no known area; left out of the service basis",
    "the year columns repeat or skip a year",
    "the printed net impact is blank where the lines give an amount",
    "the printed payback differs from the rule (first year the cumulative net impact is below zero)",
    "the rule gives a payback, but none is printed",
    "a subtotal with no amount lines above it to check",
};

static const char *const notes_da[SOCINV_NOTE_COUNT] = {
    "",
    "trykt og beregnet er forskellige",
    "områdesubtotalen medregner også linjer fra andre områder; læst som alle linjer",
    "de opdelte subtotaler summerer ikke til totalen",
    "ingen overskrift 'Implementeringsomkostninger': linjerne efter den varige total læses som implementeringsomkostninger",
    "beløbslinjer før første overskrift læses som varige ændringer",
    "tekst hvor der skal stå et beløb; læst som tom",
    "tilbagebetalingstiden er delt over to linjer; læst som én",
    "en linje uden kendt styringsområde; udeladt af serviceeffektivisering",
    "årskolonnerne gentager eller springer et år over",
    "den trykte økonomiske påvirkning er tom hvor linjerne giver et beløb",
    "den trykte tilbagebetalingstid afviger fra reglen (første år det akkumulerede er under nul)",
    "reglen giver en tilbagebetalingstid, men ingen er trykt",
    "en subtotal uden beløbslinjer over sig at kontrollere",
};

const char *socinv_note_text(socinv_note note, const char *lang)
{
    if ((unsigned)note >= SOCINV_NOTE_COUNT)
        return "";
    return lang && !strcmp(lang, "da") ? notes_da[note] : notes_en[note];
}

const char *socinv_finding_kind_name(socinv_finding_kind kind)
{
    static const char *const names[] = {"subtotal", "net", "payback", "area", "layout"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "";
}

typedef struct {
    const socinv_case *t;
    const socinv_case_line *lines;
    const double *values;
    double tol;
    socinv_case_report *rep;
    socinv_finding *out;
    size_t cap;
} auditor;

static void add(auditor *a, socinv_finding_kind kind, socinv_severity sev, socinv_note note, size_t line,
                size_t year, double printed, double computed)
{
    socinv_case_report *r = a->rep;
    if (r->nfindings < a->cap) {
        socinv_finding *f = &a->out[r->nfindings++];
        f->kind = kind;
        f->severity = sev;
        f->note = note;
        f->line = line;
        f->year = year;
        f->printed = printed;
        f->computed = computed;
    }
    r->nfindings_total++;
    if (sev == SOCINV_SEVERITY_ERROR)
        r->nerrors++;
}

static double value(const auditor *a, size_t line, size_t year)
{
    return a->values[line * a->t->nyears + year];
}

/* Blank counts as zero when comparing, so a blank 2024 under blank lines agrees. */
static int differs(const auditor *a, double printed, double computed)
{
    double p = isnan(printed) ? 0.0 : printed;
    return fabs(p - computed) > a->tol;
}

/* Sum per year of the detail lines of `kind` above line `upto` (all lines when
 * upto is nlines), restricted to `area` unless it is SOCINV_AREA_NONE. */
static size_t detail_sum(const auditor *a, size_t upto, socinv_row_kind kind, socinv_area area, double *sum)
{
    size_t count = 0;
    for (size_t j = 0; j < a->t->nyears; j++)
        sum[j] = 0.0;
    for (size_t i = 0; i < upto; i++) {
        const socinv_case_line *l = &a->lines[i];
        if (l->role != SOCINV_LINE_DETAIL || l->kind != kind)
            continue;
        if (area != SOCINV_AREA_NONE && l->area != area)
            continue;
        count++;
        for (size_t j = 0; j < a->t->nyears; j++) {
            double v = value(a, i, j);
            if (!isnan(v))
                sum[j] += v;
        }
    }
    return count;
}

/* Report each year where a printed row differs from `computed`. */
static void compare_row(auditor *a, size_t line, const double *computed, socinv_finding_kind kind, socinv_note note)
{
    for (size_t j = 0; j < a->t->nyears; j++) {
        double p = value(a, line, j);
        if (differs(a, p, computed[j]))
            add(a, kind, SOCINV_SEVERITY_ERROR, note, line, j, p, computed[j]);
    }
}

static int row_agrees(const auditor *a, size_t line, const double *computed)
{
    for (size_t j = 0; j < a->t->nyears; j++)
        if (differs(a, value(a, line, j), computed[j]))
            return 0;
    return 1;
}

/* The detail lines above the line being read, of one kind: summed as detail_sum sums
 * them (line by line in order, from 0.0, blanks left out), in one pass over the lines
 * instead of one sum per subtotal. */
typedef struct {
    double sum[SOCINV_CASE_MAX_YEARS];
    size_t count;
    socinv_area area; /* the area of every line summed, when one_area */
    int one_area;
    size_t qualified[2]; /* subtotals of the kind in the whole table qualified by area, otherwise */
} lines_above;

static void above_add(const auditor *a, lines_above *s, size_t line)
{
    for (size_t j = 0; j < a->t->nyears; j++) {
        double v = value(a, line, j);
        if (!isnan(v))
            s->sum[j] += v;
    }
    socinv_area area = a->lines[line].area;
    s->one_area = s->count == 0 || (s->one_area && s->area == area);
    s->area = area;
    s->count++;
}

/* Are the detail lines of an area-qualified subtotal (detail_sum's with its area) all the
 * lines of its kind above it (n_all of them, in buf_a)? Its area is none (no restriction),
 * or every line above has it. Then their sum is buf_a, added in the same order. */
static int area_is_all(const lines_above above[2], const socinv_case_line *l)
{
    if (l->kind != SOCINV_ROW_PERMANENT && l->kind != SOCINV_ROW_IMPLEMENTATION)
        return 0;
    const lines_above *s = &above[l->kind == SOCINV_ROW_IMPLEMENTATION];
    return l->area == SOCINV_AREA_NONE || (s->one_area && s->area == l->area);
}

/* detail_sum(a, upto, kind, SOCINV_AREA_NONE, sum) from the running sums of the two
 * kinds a table has; any other kind (a caller's) summed afresh. */
static size_t detail_sum_above(const auditor *a, const lines_above above[2], size_t upto, socinv_row_kind kind,
                               double *sum)
{
    if (kind != SOCINV_ROW_PERMANENT && kind != SOCINV_ROW_IMPLEMENTATION)
        return detail_sum(a, upto, kind, SOCINV_AREA_NONE, sum);
    const lines_above *s = &above[kind == SOCINV_ROW_IMPLEMENTATION];
    memcpy(sum, s->sum, a->t->nyears * sizeof *sum);
    return s->count;
}

/* above[0], above[1]: left as the sums of all permanent and all implementation lines
 * (detail_sum(a, nlines, kind, SOCINV_AREA_NONE, ...)), for the checks after it. */
static void check_subtotals(auditor *a, lines_above above[2], double *buf_a, double *buf_b)
{
    const socinv_case *t = a->t;
    for (size_t k = 0; k < 2; k++) {
        above[k].count = 0;
        above[k].one_area = 0;
        above[k].area = SOCINV_AREA_NONE;
        above[k].qualified[0] = above[k].qualified[1] = 0;
        for (size_t j = 0; j < t->nyears; j++)
            above[k].sum[j] = 0.0;
    }
    for (size_t i = 0; i < t->nlines; i++) {
        const socinv_case_line *l = &a->lines[i];
        int two_kinds = l->kind == SOCINV_ROW_PERMANENT || l->kind == SOCINV_ROW_IMPLEMENTATION;
        if (l->role == SOCINV_LINE_DETAIL) {
            if (two_kinds)
                above_add(a, &above[l->kind == SOCINV_ROW_IMPLEMENTATION], i);
            continue;
        }
        if (l->role == SOCINV_LINE_SUBTOTAL && two_kinds &&
            (l->qualifier == SOCINV_QUAL_AREA || l->qualifier == SOCINV_QUAL_OTHER))
            above[l->kind == SOCINV_ROW_IMPLEMENTATION].qualified[l->qualifier == SOCINV_QUAL_OTHER]++;
        if (l->role != SOCINV_LINE_SUBTOTAL || l->qualifier == SOCINV_QUAL_OTHER)
            continue;
        size_t n_all = detail_sum_above(a, above, i, l->kind, buf_a);
        if (n_all == 0) {
            add(a, SOCINV_FINDING_LAYOUT, SOCINV_SEVERITY_WARNING, SOCINV_NOTE_NO_DETAIL, i, SOCINV_NONE, NAN, NAN);
            continue;
        }
        if (l->qualifier == SOCINV_QUAL_NONE) {
            compare_row(a, i, buf_a, SOCINV_FINDING_SUBTOTAL, SOCINV_NOTE_MISMATCH);
            continue;
        }
        const double *area_sum = buf_a; /* the sum of the subtotal's area */
        if (!area_is_all(above, l)) {
            detail_sum(a, i, l->kind, l->area, buf_b);
            area_sum = buf_b;
        }
        if (row_agrees(a, i, area_sum))
            continue;
        if (area_sum != buf_a && row_agrees(a, i, buf_a)) {
            /* e.g. 'Samlet varig ændring, service' that also counts an Anlæg line */
            for (size_t j = 0; j < t->nyears; j++) {
                if (differs(a, value(a, i, j), area_sum[j])) {
                    add(a, SOCINV_FINDING_AREA, SOCINV_SEVERITY_WARNING, SOCINV_NOTE_AREA_ALL_ROWS, i, j,
                        value(a, i, j), area_sum[j]);
                    break;
                }
            }
            continue;
        }
        compare_row(a, i, area_sum, SOCINV_FINDING_SUBTOTAL, SOCINV_NOTE_MISMATCH);
    }
}

/* Qualified subtotals of one kind (departments, or distinct areas) must add up
 * to the unqualified total of that kind (or to all its lines, `all`, when there is none). */
static void check_siblings(auditor *a, socinv_row_kind kind, socinv_qualifier q, const lines_above *all,
                           double *sum, double *total)
{
    const socinv_case *t = a->t;
    size_t first = SOCINV_NONE, count = 0, unq = SOCINV_NONE;
    unsigned areas_seen = 0;
    for (size_t j = 0; j < t->nyears; j++)
        sum[j] = 0.0;
    for (size_t i = 0; i < t->nlines; i++) {
        const socinv_case_line *l = &a->lines[i];
        if (l->role != SOCINV_LINE_SUBTOTAL || l->kind != kind)
            continue;
        if (l->qualifier == SOCINV_QUAL_NONE) {
            unq = i;
            continue;
        }
        if (l->qualifier != q)
            continue;
        if (q == SOCINV_QUAL_AREA) {
            if (areas_seen & (unsigned)l->area)
                continue; /* a second 'service' subtotal (UD01 'inkl. rammereduktion') is not a sibling */
            areas_seen |= (unsigned)l->area;
        }
        if (first == SOCINV_NONE)
            first = i;
        count++;
        for (size_t j = 0; j < t->nyears; j++) {
            double v = value(a, i, j);
            if (!isnan(v))
                sum[j] += v;
        }
    }
    if (count < 2)
        return;
    if (unq != SOCINV_NONE) {
        for (size_t j = 0; j < t->nyears; j++) {
            double v = value(a, unq, j);
            total[j] = isnan(v) ? 0.0 : v;
        }
    } else if (all->count == 0) {
        return;
    } else {
        memcpy(total, all->sum, t->nyears * sizeof *total);
    }
    for (size_t j = 0; j < t->nyears; j++)
        if (fabs(sum[j] - total[j]) > a->tol)
            add(a, SOCINV_FINDING_SUBTOTAL, SOCINV_SEVERITY_ERROR, SOCINV_NOTE_QUALIFIED_SUM, first, j, sum[j],
                total[j]);
}

/* above: the sums of all permanent and all implementation lines (check_subtotals). */
static void check_net(auditor *a, const lines_above above[2])
{
    const socinv_case *t = a->t;
    const double *perm = above[0].sum, *impl = above[1].sum;
    for (size_t i = 0; i < t->nlines; i++) {
        if (a->lines[i].role != SOCINV_LINE_NET)
            continue;
        for (size_t j = 0; j < t->nyears; j++) {
            double p = value(a, i, j), c = perm[j] + impl[j];
            if (isnan(p) && fabs(c) > a->tol)
                add(a, SOCINV_FINDING_NET, SOCINV_SEVERITY_WARNING, SOCINV_NOTE_NET_BLANK, i, j, p, c);
            else if (differs(a, p, c))
                add(a, SOCINV_FINDING_NET, SOCINV_SEVERITY_ERROR, SOCINV_NOTE_MISMATCH, i, j, p, c);
        }
    }
}

static void check_paybacks(auditor *a, double *net)
{
    const socinv_case *t = a->t;
    socinv_case_report *r = a->rep;
    const socinv_basis bases[2] = {socinv_basis_service(), socinv_basis_total()};
    size_t printed_line[2] = {SOCINV_NONE, SOCINV_NONE};
    int any_detail = 0, same_lines = 1; /* every line counting on one basis counts on the other */
    for (size_t i = 0; i < t->nlines; i++) {
        const socinv_case_line *l = &a->lines[i];
        any_detail |= l->role == SOCINV_LINE_DETAIL;
        same_lines &= si_line_counts(l, bases[0]) == si_line_counts(l, bases[1]);
        if (l->role == SOCINV_LINE_PAYBACK && (unsigned)l->basis < 2) {
            r->payback_printed[l->basis] = l->payback;
            printed_line[l->basis] = i;
        }
    }
    socinv_status net_st = SOCINV_OK;
    for (int b = 0; b < 2; b++) {
        double years;
        r->payback_rule[b] = NAN;
        if (!any_detail)
            continue;
        if (b == 0 || !same_lines) {
            net_st = socinv_case_net(t, a->lines, a->values, bases[b], net);
            if (net_st == SOCINV_OK && socinv_payback(net, t->nyears, NULL, &years) == SOCINV_OK)
                r->payback_rule[b] = years;
        } else {
            /* the same lines in the same order: the same sums, status and payback */
            r->payback_rule[b] = r->payback_rule[0];
        }
        if (net_st != SOCINV_OK)
            continue;
        double p = r->payback_printed[b], k = r->payback_rule[b];
        if (printed_line[b] == SOCINV_NONE)
            continue;
        if (isnan(p) ? !isnan(k) : (isnan(k) || p != k))
            add(a, SOCINV_FINDING_PAYBACK, SOCINV_SEVERITY_ERROR, SOCINV_NOTE_PAYBACK_RULE, printed_line[b],
                SOCINV_NONE, p, k);
    }
}

/* Readings the recognizer made, reported once per table and note. */
static void layout_notes(auditor *a)
{
    const socinv_case *t = a->t;
    unsigned reported = 0;
    if (!t->years_consecutive)
        add(a, SOCINV_FINDING_LAYOUT, SOCINV_SEVERITY_ERROR, SOCINV_NOTE_YEARS, SOCINV_NONE, SOCINV_NONE, NAN, NAN);
    for (size_t i = 0; i < t->nlines; i++) {
        const socinv_case_line *l = &a->lines[i];
        static const socinv_note once[] = {SOCINV_NOTE_NO_IMPL_HEADING, SOCINV_NOTE_NO_HEADING};
        for (size_t k = 0; l->notes && k < sizeof once / sizeof once[0]; k++) { /* most lines have none */
            if ((l->notes & (1u << once[k])) && !(reported & (1u << once[k]))) {
                reported |= 1u << once[k];
                add(a, SOCINV_FINDING_LAYOUT, SOCINV_SEVERITY_WARNING, once[k], i, SOCINV_NONE, NAN, NAN);
            }
        }
        if (l->notes & (1u << SOCINV_NOTE_SPLIT_PAYBACK))
            add(a, SOCINV_FINDING_LAYOUT, SOCINV_SEVERITY_WARNING, SOCINV_NOTE_SPLIT_PAYBACK, i, SOCINV_NONE, NAN, NAN);
        if (l->notes & (1u << SOCINV_NOTE_TEXT_AMOUNT))
            add(a, SOCINV_FINDING_LAYOUT, SOCINV_SEVERITY_WARNING, SOCINV_NOTE_TEXT_AMOUNT, i, SOCINV_NONE, NAN, NAN);
        if (l->role == SOCINV_LINE_DETAIL && l->kind == SOCINV_ROW_PERMANENT && l->area == SOCINV_AREA_NONE)
            add(a, SOCINV_FINDING_AREA, SOCINV_SEVERITY_WARNING, SOCINV_NOTE_NO_AREA, i, SOCINV_NONE, NAN, NAN);
    }
}

socinv_status socinv_case_audit(const socinv_case *table, const socinv_case_line *lines, const double *values,
                                double tol, socinv_case_report *report, socinv_finding *findings, size_t cap)
{
    if (!table || !report || (cap && !findings) || (table->nlines && (!lines || !values)))
        return SOCINV_E_NULL;
    if (!isfinite(tol))
        return SOCINV_E_NONFINITE;
    if (tol < 0.0)
        return SOCINV_E_DOMAIN;
    if (table->nyears == 0 || table->nyears > SOCINV_CASE_MAX_YEARS)
        return SOCINV_E_LENGTH;
    memset(report, 0, sizeof *report);
    report->payback_printed[0] = report->payback_printed[1] = NAN;
    report->payback_rule[0] = report->payback_rule[1] = NAN;
    /* three rows of scratch on the stack (under 5 KB): tables have at most SOCINV_CASE_MAX_YEARS years */
    double buf[3][SOCINV_CASE_MAX_YEARS];
    lines_above above[2]; /* permanent, implementation: all lines of each, summed once */
    auditor a = {table, lines, values, tol, report, findings, cap};
    layout_notes(&a);
    check_subtotals(&a, above, buf[0], buf[1]);
    for (int k = SOCINV_ROW_PERMANENT; k <= SOCINV_ROW_IMPLEMENTATION; k++) {
        /* siblings are two subtotals or more (check_siblings finds nothing in fewer) */
        const lines_above *all = &above[k == SOCINV_ROW_IMPLEMENTATION];
        if (all->qualified[1] >= 2)
            check_siblings(&a, (socinv_row_kind)k, SOCINV_QUAL_OTHER, all, buf[0], buf[1]);
        if (all->qualified[0] >= 2)
            check_siblings(&a, (socinv_row_kind)k, SOCINV_QUAL_AREA, all, buf[0], buf[1]);
    }
    check_net(&a, above);
    check_paybacks(&a, buf[2]);
    return SOCINV_OK;
}
