/* Findings and amounts as sentences, for the audit report and CASECHECK. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

void socinv_format_amount(double v, const char *lang, char *buf, size_t cap)
{
    int da = lang && !strcmp(lang, "da");
    char digits[64], out[96];
    if (cap == 0)
        return;
    if (isnan(v)) {
        snprintf(buf, cap, "-");
        return;
    }
    if (!isfinite(v) || fabs(v) >= 1e15) {
        socinv_c_format(v, 'g', 6, buf, cap);
        return;
    }
    /* up to 6 decimals, trailing zeros dropped, thousands grouped; '.' whatever the locale */
    socinv_c_format(fabs(v), 'f', 6, digits, sizeof digits);
    char *dot = strchr(digits, '.');
    char *end = digits + strlen(digits);
    while (end > dot + 1 && end[-1] == '0')
        end--;
    int has_frac = end > dot + 1;
    size_t intlen = (size_t)(dot - digits), o = 0;
    int zero = !has_frac && intlen == 1 && digits[0] == '0';
    if (v < 0 && !zero)
        out[o++] = '-';
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            out[o++] = da ? '.' : ',';
        out[o++] = digits[i];
    }
    if (has_frac) {
        out[o++] = da ? ',' : '.';
        for (const char *q = dot + 1; q < end; q++)
            out[o++] = *q;
    }
    out[o] = '\0';
    snprintf(buf, cap, "%s", out);
}

/* The label of a line, cut to fit without splitting a UTF-8 sequence. */
static void label_of(const socinv_grid *g, const socinv_case *t, const socinv_case_line *l, char *buf, size_t cap)
{
    const char *p;
    size_t n;
    buf[0] = '\0';
    if (socinv_case_label(g, t, l, &p, &n) != SOCINV_OK)
        return;
    size_t k = n < cap ? n : cap - 1;
    while (k > 0 && k < n && ((unsigned char)p[k] & 0xC0) == 0x80)
        k--;
    memcpy(buf, p, k);
    buf[k] = '\0';
    if (l->row != l->label_row && l->row < g->rows) {
        /* a label split over two lines: "Tilbagebetalingstid baseret på" + "Totaløkonomi" */
        socinv_case_line rest = *l;
        rest.label_row = l->row;
        if (socinv_case_label(g, t, &rest, &p, &n) == SOCINV_OK && n && k + 1 + n < cap) {
            buf[k] = ' ';
            memcpy(buf + k + 1, p, n);
            buf[k + 1 + n] = '\0';
        }
    }
}

/* A finding's sentence in each language, as printf formats (the library's texts
 * are tables per language, as the notes in audit.c). */
typedef struct {
    const char *differs;      /* label, year, printed, computed */
    const char *differs_note; /* label, year, printed, computed, note */
    const char *payback_none; /* label, printed */
    const char *payback;      /* label, printed, the rule's */
    const char *area;         /* label, year, printed, computed, note */
} finding_words;

static const finding_words finding_da = {
    "%s%s: trykt %s, beregnet %s",
    "%s%s: trykt %s, beregnet %s (%s)",
    "%s: trykt %s år, reglen giver ingen tilbagebetaling",
    "%s: trykt %s år, reglen giver %s år",
    "%s%s: trykt %s, linjerne i området giver %s (%s)",
};

static const finding_words finding_en = {
    "%s%s: printed %s, computed %s",
    "%s%s: printed %s, computed %s (%s)",
    "%s: printed %s years, the rule gives no payback",
    "%s: printed %s years, the rule gives %s",
    "%s%s: printed %s, the area's lines give %s (%s)",
};

void socinv_finding_format(const socinv_grid *grid, const socinv_case *table, const socinv_case_line *lines,
                           const socinv_finding *f, const char *lang, char *buf, size_t cap)
{
    const finding_words *w = lang && !strcmp(lang, "da") ? &finding_da : &finding_en;
    char label[160] = "", year[16] = "", p[48], c[48];
    if (!buf || cap == 0)
        return;
    if (!grid || !table || !f) {
        buf[0] = '\0';
        return;
    }
    if (f->line != SOCINV_NONE && lines && f->line < table->nlines)
        label_of(grid, table, &lines[f->line], label, sizeof label);
    if (f->year != SOCINV_NONE)
        snprintf(year, sizeof year, " %d", socinv_case_year(grid, table, f->year));
    socinv_format_amount(f->printed, lang, p, sizeof p);
    socinv_format_amount(f->computed, lang, c, sizeof c);
    const char *note = socinv_note_text(f->note, lang);
    const char *sep = label[0] ? ": " : "";
    switch (f->kind) {
    case SOCINV_FINDING_SUBTOTAL:
    case SOCINV_FINDING_NET:
        if (f->note == SOCINV_NOTE_MISMATCH)
            snprintf(buf, cap, w->differs, label, year, p, c);
        else
            snprintf(buf, cap, w->differs_note, label, year, p, c, note);
        break;
    case SOCINV_FINDING_PAYBACK:
        if (isnan(f->computed))
            snprintf(buf, cap, w->payback_none, label, p);
        else
            snprintf(buf, cap, w->payback, label, p, c);
        break;
    case SOCINV_FINDING_AREA:
        if (f->year != SOCINV_NONE)
            snprintf(buf, cap, w->area, label, year, p, c, note);
        else
            snprintf(buf, cap, "%s%s%s", label, sep, note);
        break;
    default:
        snprintf(buf, cap, "%s%s%s", label, sep, note);
        break;
    }
}
