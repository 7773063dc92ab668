/* socinv audit PATH...: every business-case table in a bundle, checked against
 * its own lines and the rules, reported for people (Danish by default) or as JSON.
 *
 * Exit codes: 0 every table consistent; 1 a table has errors; 2 an input could not
 * be read (or the --ods workbook not written); 3 no business-case table in any
 * input (nothing was checked: not a clean bill). 2 wins over 3, 3 over 0. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "tables.h"
#include "utf8.h"
#include "words.h"
#include "walk.h"

#define EXIT_NO_TABLE 3

typedef struct {
    const char *lang;
    int json;
    const char *ods; /* --ods FILE: the report workbook */
    int progress;    /* --progress: say on stderr which input is being read and audited */
} audit_opts;

/* A run long enough to say how it is going on a terminal: many files, or much to read. */
#define PROGRESS_FILES 20
#define PROGRESS_BYTES ((long long)20 << 20)

static const cli_words *words_of(const audit_opts *o)
{
    return cli_words_for(o->lang);
}

/* Print at most `max` characters (not bytes) of UTF-8 text, with an ellipsis when cut;
 * control characters escaped (utf8_print_safe). */
static void print_cut(FILE *f, const char *s, size_t n, size_t max)
{
    size_t i = utf8_prefix(s, n, max);
    utf8_print_safe(f, s, i);
    if (i < n)
        fputs("\xe2\x80\xa6", f);
}

static void print_years(FILE *f, double printed, double rule, const audit_opts *o)
{
    const cli_words *w = words_of(o);
    char p[32], r[32];
    socinv_format_amount(printed, o->lang, p, sizeof p);
    socinv_format_amount(rule, o->lang, r, sizeof r);
    if (isnan(printed))
        fprintf(f, "%s", w->not_printed);
    else
        fprintf(f, "%s %s", p, printed == 1 ? w->year_one : w->year_many);
    if (isnan(rule))
        fprintf(f, " (%s)", w->rule_none);
    else
        fprintf(f, " (%s %s)", w->rule, r);
}

static void print_table(FILE *f, const found *t, const audit_opts *o)
{
    const cli_words *w = words_of(o);
    const char *mark = t->rep.nerrors ? w->mark_error : "[ok]";
    fprintf(f, "  %-7s %-5s ", mark, t->id[0] ? t->id : "-");
    print_cut(f, t->title, t->title_len, 66);
    fputc('\n', f);
    char loc[128];
    table_location(t, o->lang, loc, sizeof loc);
    fprintf(f, "          %s", loc);
    fprintf(f, ", %d-%d; %s ", t->t.first_year, socinv_case_year(&t->part->grid, &t->t, t->t.nyears - 1),
            w->payback_service);
    print_years(f, t->rep.payback_printed[SOCINV_BASIS_SERVICE], t->rep.payback_rule[SOCINV_BASIS_SERVICE], o);
    fprintf(f, ", %s ", w->total_basis);
    print_years(f, t->rep.payback_printed[SOCINV_BASIS_TOTAL], t->rep.payback_rule[SOCINV_BASIS_TOTAL], o);
    fputc('\n', f);
    for (size_t i = 0; i < t->rep.nfindings; i++) {
        const socinv_finding *x = &t->findings[i];
        char msg[512];
        socinv_finding_format(&t->part->grid, &t->t, t->lines, x, o->lang, msg, sizeof msg);
        const char *sev = x->severity == SOCINV_SEVERITY_ERROR ? w->error : w->warning;
        fprintf(f, "          %-9s %s\n", sev, msg);
    }
}

static void print_name(FILE *f, const char *path)
{
    utf8_print_safe(f, path, strlen(path));
}

static size_t tables_in(const found_list *all, const input *in)
{
    size_t here = 0;
    for (size_t k = 0; k < all->n; k++)
        here += all->items[k].in == in;
    return here;
}

static void print_report(FILE *f, const input *ins, size_t nin, const found_list *all, const audit_opts *o)
{
    const cli_words *w = words_of(o);
    size_t tables = 0, bad = 0, errors = 0, warnings = 0, unread = 0;
    for (size_t i = 0; i < nin; i++) {
        const input *in = &ins[i];
        print_name(f, in->path);
        if (in->error[0]) {
            fprintf(f, ": %s %s\n", w->cannot_read, in->error);
            unread++;
            continue;
        }
        size_t here = tables_in(all, in);
        fprintf(f, ": %zu %s%s\n", here, here == 1 ? w->table_one : w->table_many, here ? "" : w->no_table);
        for (size_t k = 0; k < all->n; k++) {
            const found *t = &all->items[k];
            if (t->in != in)
                continue;
            if (t->in->nparts > 1 && (k == 0 || all->items[k - 1].part != t->part))
                fprintf(f, "  %s %s\n", w->sheet, t->part->name);
            print_table(f, t, o);
            tables++;
            bad += t->rep.nerrors > 0;
            errors += t->rep.nerrors;
            warnings += t->rep.nfindings_total - t->rep.nerrors;
        }
    }
    size_t read = nin - unread;
    fprintf(f, w->summary, tables, tables == 1 ? w->table_one : w->table_many, read,
            read == 1 ? w->file_one : w->file_many, tables - bad, bad, errors, warnings,
            warnings == 1 ? w->warning_one : w->warning_many);
    if (unread)
        fprintf(f, w->unread, unread, unread == 1 ? w->file_one : w->file_many);
    fputc('\n', f);
}

static void json_payback(json *j, const char *key, double printed, double rule)
{
    json_key(j, key);
    json_object(j);
    json_key(j, "printed");
    json_number(j, printed);
    json_key(j, "rule");
    json_number(j, rule);
    json_end_object(j);
}

static void json_row(json *j, const double *v, size_t n)
{
    json_array(j);
    for (size_t k = 0; k < n; k++)
        json_number(j, v[k]);
    json_end_array(j);
}

static void json_table(json *j, const found *t, const audit_opts *o)
{
    const size_t ny = t->t.nyears;
    json_object(j);
    json_key(j, "id");
    if (t->id[0])
        json_string(j, t->id);
    else
        json_null(j);
    json_key(j, "title");
    json_string_n(j, t->title, t->title_len);
    json_key(j, "source");
    json_string(j, t->in->path);
    if (t->in->kind == INPUT_SHEET) {
        json_key(j, "sheet");
        json_string(j, t->part->name);
    }
    json_key(j, "location");
    json_string(j, t->location);
    json_key(j, "years");
    json_array(j);
    for (size_t k = 0; k < ny; k++)
        json_int(j, socinv_case_year(&t->part->grid, &t->t, k));
    json_end_array(j);
    json_key(j, "consistent");
    json_bool(j, t->rep.nerrors == 0);
    json_key(j, "payback");
    json_object(j);
    json_payback(j, "service", t->rep.payback_printed[SOCINV_BASIS_SERVICE], t->rep.payback_rule[SOCINV_BASIS_SERVICE]);
    json_payback(j, "total", t->rep.payback_printed[SOCINV_BASIS_TOTAL], t->rep.payback_rule[SOCINV_BASIS_TOTAL]);
    json_end_object(j);

    /* the net impact recomputed from the lines, on both bases, and the printed row */
    json_key(j, "net_impact");
    json_object(j);
    for (size_t i = 0; i < t->t.nlines; i++) {
        if (t->lines[i].role == SOCINV_LINE_NET) {
            json_key(j, "printed");
            json_row(j, &t->values[i * ny], ny);
            break;
        }
    }
    if (t->net[SOCINV_BASIS_TOTAL]) {
        json_key(j, "total");
        json_row(j, t->net[SOCINV_BASIS_TOTAL], ny);
    }
    if (t->net[SOCINV_BASIS_SERVICE]) {
        json_key(j, "service");
        json_row(j, t->net[SOCINV_BASIS_SERVICE], ny);
    }
    json_end_object(j);

    json_key(j, "findings");
    json_array(j);
    for (size_t i = 0; i < t->rep.nfindings; i++) {
        const socinv_finding *x = &t->findings[i];
        json_object(j);
        json_key(j, "kind");
        json_string(j, socinv_finding_kind_name(x->kind));
        json_key(j, "severity");
        json_string(j, x->severity == SOCINV_SEVERITY_ERROR ? "error" : "warning");
        json_key(j, "row");
        const char *label;
        size_t len;
        if (x->line != SOCINV_NONE && socinv_case_label(&t->part->grid, &t->t, &t->lines[x->line], &label, &len) == SOCINV_OK)
            json_string_n(j, label, len);
        else
            json_null(j);
        json_key(j, "year");
        if (x->year != SOCINV_NONE)
            json_int(j, socinv_case_year(&t->part->grid, &t->t, x->year));
        else
            json_null(j);
        json_key(j, "printed");
        json_number(j, x->printed);
        json_key(j, "computed");
        json_number(j, x->computed);
        json_key(j, "note");
        json_string(j, socinv_note_text(x->note, o->lang));
        char msg[512];
        socinv_finding_format(&t->part->grid, &t->t, t->lines, x, o->lang, msg, sizeof msg);
        json_key(j, "message");
        json_string(j, msg);
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);
}

static void print_json(FILE *f, const input *ins, size_t nin, const found_list *all, const audit_opts *o)
{
    json j;
    json_begin(&j, f);
    json_object(&j);
    json_key(&j, "tables");
    json_array(&j);
    for (size_t k = 0; k < all->n; k++)
        json_table(&j, &all->items[k], o);
    json_end_array(&j);
    json_key(&j, "unreadable");
    json_array(&j);
    for (size_t i = 0; i < nin; i++) {
        if (!ins[i].error[0])
            continue;
        json_object(&j);
        json_key(&j, "source");
        json_string(&j, ins[i].path);
        json_key(&j, "error");
        json_string(&j, ins[i].error);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key(&j, "partly_read"); /* read, but not all of it: what was left out */
    json_array(&j);
    for (size_t i = 0; i < nin; i++) {
        if (ins[i].error[0] || !ins[i].warning[0])
            continue;
        json_object(&j);
        json_key(&j, "source");
        json_string(&j, ins[i].path);
        json_key(&j, "warning");
        json_string(&j, ins[i].warning);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key(&j, "without_tables"); /* read, but no business-case table found in it */
    json_array(&j);
    for (size_t i = 0; i < nin; i++)
        if (!ins[i].error[0] && tables_in(all, &ins[i]) == 0)
            json_string(&j, ins[i].path);
    json_end_array(&j);
    size_t errors = 0, warnings = 0, bad = 0;
    for (size_t k = 0; k < all->n; k++) {
        errors += all->items[k].rep.nerrors;
        warnings += all->items[k].rep.nfindings_total - all->items[k].rep.nerrors;
        bad += all->items[k].rep.nerrors > 0;
    }
    json_key(&j, "summary");
    json_object(&j);
    json_key(&j, "files");
    json_int(&j, (long long)nin);
    json_key(&j, "tables");
    json_int(&j, (long long)all->n);
    json_key(&j, "consistent");
    json_int(&j, (long long)(all->n - bad));
    json_key(&j, "errors");
    json_int(&j, (long long)errors);
    json_key(&j, "warnings");
    json_int(&j, (long long)warnings);
    json_end_object(&j);
    json_end_object(&j);
}

/* Options into o, the paths into paths (np of them). 0, or 2 (the exit code) after a message. */
static int parse_args(int argc, char **argv, audit_opts *o, const char **paths, size_t *np)
{
    *np = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            o->json = 1;
        else if (!strcmp(argv[i], "--progress"))
            o->progress = 1;
        else if (!strcmp(argv[i], "--ods") && i + 1 < argc)
            o->ods = argv[++i];
        else if (!strcmp(argv[i], "--ods")) {
            fprintf(stderr, "socinv audit: --ods needs a file name: --ods report.ods\n");
            return 2;
        } else if (argv[i][0] == '-' && argv[i][1] == '-' && argv[i][2]) {
            fprintf(stderr, "socinv audit: unknown option %s (see socinv help)\n", argv[i]);
            return 2;
        } else
            paths[(*np)++] = argv[i];
    }
    if (*np == 0) {
        fprintf(stderr, "socinv audit: give one or more files or folders: socinv audit PATH...\n");
        return 2;
    }
    return 0;
}

/* On stderr: each input not read, and each read without a table (a warning). */
static void print_problems(const input *ins, size_t n, const found_list *all)
{
    for (size_t i = 0; i < n; i++) {
        if (ins[i].warning[0]) {
            fputs("socinv: ", stderr);
            print_name(stderr, ins[i].path);
            fprintf(stderr, ": warning: %s\n", ins[i].warning);
        }
        if (!ins[i].error[0] && tables_in(all, &ins[i]))
            continue;
        fputs("socinv: ", stderr);
        print_name(stderr, ins[i].path);
        if (ins[i].error[0])
            fprintf(stderr, ": %s\n", ins[i].error);
        else
            fputs(": warning: no business-case table found in it\n", stderr);
    }
}

/* Progress on stderr: asked for (--progress), or a long run with stderr a terminal
 * (never into a log or a pipe unasked). */
static FILE *progress_to(const char *const *paths, size_t np, const audit_opts *o)
{
    if (o->progress)
        return stderr;
    if (!isatty(STDERR_FILENO))
        return NULL;
    long long bytes = 0;
    for (size_t i = 0; i < np; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISREG(st.st_mode))
            bytes += (long long)st.st_size;
    }
    return np > PROGRESS_FILES || bytes > PROGRESS_BYTES ? stderr : NULL;
}

/* Read, find, audit and report the inputs; the exit code. */
static int audit_inputs(const char *const *paths, size_t np, const audit_opts *o, const cli_common *common)
{
    if (o->ods && report_ods_check_target(o->ods, paths, np) != 0)
        return 2;
    input *ins = calloc(np ? np : 1, sizeof *ins);
    found_list all = {0};
    if (!ins)
        return 2;
    input_options read_opts = common->inputs;
    read_opts.progress = progress_to(paths, np, o);
    size_t unread = inputs_read(paths, np, &read_opts, ins);
    int oom = 0;
    for (size_t i = 0; i < np && !oom; i++) {
        if (ins[i].error[0])
            continue;
        if (read_opts.progress)
            inputs_progress(read_opts.progress, "auditing", i + 1, np, ins[i].path);
        oom = tables_find(&ins[i], common->numbers, common->tolerance, &all) != 0;
    }
    if (read_opts.progress)
        inputs_progress_done(read_opts.progress);
    print_problems(ins, np, &all);
    if (oom)
        fprintf(stderr, "socinv: out of memory\n");

    if (o->json)
        print_json(stdout, ins, np, &all, o);
    else
        print_report(stdout, ins, np, &all, o);
    int rc = 0;
    if (o->ods && !oom && report_ods_write(o->ods, ins, np, &all, o->lang, &common->inputs) != 0)
        rc = 2;
    size_t errors = 0, tables = all.n;
    for (size_t k = 0; k < all.n; k++)
        errors += all.items[k].rep.nerrors;
    tables_free(&all);
    for (size_t i = 0; i < np; i++)
        input_free(&ins[i]);
    free(ins);
    if (unread || oom || rc)
        return 2;
    if (tables == 0) {
        fprintf(stderr, "socinv: no business-case table found in any input: nothing was checked (exit %d)\n",
                EXIT_NO_TABLE);
        return EXIT_NO_TABLE;
    }
    return errors ? 1 : 0;
}

int cmd_audit(int argc, char **argv, const cli_common *common)
{
    audit_opts o = {common->lang, 0, NULL, 0};
    const char **args = calloc((size_t)argc + 1, sizeof *args);
    size_t na = 0;
    if (!args)
        return 2;
    int rc = parse_args(argc, argv, &o, args, &na);
    path_list files = {0};
    if (rc == 0 && walk_paths(args, na, inputs_format_known, &files) != 0) {
        fprintf(stderr, "socinv: out of memory\n");
        rc = 2;
    }
    if (rc == 0)
        rc = audit_inputs((const char *const *)files.items, files.n, &o, common);
    path_list_free(&files);
    free(args);
    return rc;
}
