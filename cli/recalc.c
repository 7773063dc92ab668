/* socinv recalc: recalculate existing workbooks headless with the add-in, and
 * write the recalculated files or a report of the socinv results per sheet. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "functions.h"
#include "recalc.h"
#include "words.h"

#define SOCINV_FORMULA "ORG.SOCINV.CALC.FUNCTIONS."

static const char *const workbook_ext[] = {"ods", "fods", "xlsx", "xlsm", "xls", NULL};

static int is_workbook(const char *path)
{
    for (const char *const *e = workbook_ext; *e; e++)
        if (!strcasecmp(inputs_extension(path), *e))
            return 1;
    return 0;
}

static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int push(strlist *l, const char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return -1;
        l->items = items;
        l->cap = cap;
    }
    return (l->items[l->n++] = strdup(s)) ? 0 : -1;
}

static void free_list(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder gives its workbooks (sorted); a file gives itself. */
static int collect(const char *path, strlist *files)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d)
            return push(files, path);
        size_t first = files->n;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.' || !is_workbook(e->d_name))
                continue;
            char full[PATH_MAX];
            snprintf(full, sizeof full, "%s/%s", path, e->d_name);
            if (push(files, full) != 0) {
                closedir(d);
                return -1;
            }
        }
        closedir(d);
        qsort(files->items + first, files->n - first, sizeof *files->items, by_name);
        return 0;
    }
    return push(files, path);
}

/* The conversion target for --format. */
const char *recalc_target_for(const char *path, const char *format, const char **ext)
{
    const char *e = !strcmp(format, "same") ? inputs_extension(path) : format;
    if (!strcasecmp(e, "xlsx") || !strcasecmp(e, "xlsm")) {
        *ext = "xlsx";
        return "xlsx:Calc MS Excel 2007 XML";
    }
    if (!strcasecmp(e, "xls")) {
        *ext = "xls";
        return "xls:MS Excel 97";
    }
    if (!strcasecmp(e, "fods")) {
        *ext = "fods";
        return "fods";
    }
    *ext = "ods";
    return "ods";
}

void recalc_stem(const char *path, char *buf, size_t cap)
{
    const char *b = base_of(path), *dot = strrchr(b, '.');
    snprintf(buf, cap, "%.*s", (int)(dot ? dot - b : (long)strlen(b)), b);
}

int recalc_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Can c be part of a function name? (ASCII by hand: isalnum follows the C locale) */
static int is_name_char(char c)
{
    unsigned char u = (unsigned char)c;
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '.' ||
           u == '_' || u >= 0x80;
}

/* Does a socinv call start at f (inside formula `start`)? Files name a socinv function in
 * two ways: ODF, and XLSX saved by LibreOffice 7.4, write ORG.SOCINV.CALC.FUNCTIONS.PAYBACK(;
 * LibreOffice 25.2 writes the compatibility name PAYBACK( into XLSX, which 7.4 keeps as an
 * unknown name (#NAME?). Gives the length of the prefix before the function's own name
 * (0 for the compatibility name), or -1. Names are upper case in files, any case typed. */
static int socinv_call_at(const char *start, const char *f)
{
    size_t n = strlen(SOCINV_FORMULA);
    if (!strncasecmp(f, SOCINV_FORMULA, n))
        return (int)n;
    if (f > start && is_name_char(f[-1]))
        return -1; /* inside a longer name: MYPAYBACK(, X.PAYBACK( */
    for (size_t i = 0; i < sv_function_count; i++) {
        size_t len = strlen(sv_functions[i].name.en);
        if (!strncasecmp(f, sv_functions[i].name.en, len) && f[len] == '(')
            return 0;
    }
    return -1;
}

/* Does a formula call a socinv function, under either name? (not inside "text") */
static int mentions_socinv(const char *f)
{
    int in_text = 0; /* a "" inside text toggles twice */
    for (const char *p = f; *p; p++) {
        if (*p == '"')
            in_text = !in_text;
        else if (!in_text && socinv_call_at(f, p) >= 0)
            return 1;
    }
    return 0;
}

/* "of:=ORG.SOCINV.CALC.FUNCTIONS.PAYBACK([.C20:.H20])" -> "=PAYBACK(C20:H20)" for people;
 * an array formula's "{of:=...}" (gridbuild.h) -> "{=...}", as Calc shows it. */
void recalc_readable_formula(const char *f, char *out, size_t cap)
{
    size_t o = 0;
    if (*f == '{' && cap > 1)
        out[o++] = *f++;
    if (!strncmp(f, "of:", 3))
        f += 3;
    const char *start = f;
    while (*f && o + 1 < cap) {
        int prefix = socinv_call_at(start, f);
        if (prefix > 0) {
            f += prefix;
            continue;
        }
        if (*f == '[' || *f == ']') {
            f++;
            if (*f == '.')
                f++; /* [.C20 -> C20 */
            continue;
        }
        if (*f == ':' && f[1] == '.') { /* :.H20 -> :H20 */
            out[o++] = ':';
            f += 2;
            continue;
        }
        if (*f == '$') { /* absolute references read as plain ones */
            f++;
            continue;
        }
        out[o++] = *f++;
    }
    out[o] = '\0';
}

static void cell_name(size_t row, size_t col, char *buf, size_t cap)
{
    char letters[8];
    size_t n = 0, c = col + 1;
    while (c && n < sizeof letters) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    size_t o = 0;
    while (n && o + 1 < cap)
        buf[o++] = letters[--n];
    snprintf(buf + o, cap - o, "%zu", row + 1);
}

/* Print every socinv formula of a recalculated workbook with its value. */
static void report(const input *in, const char *lang)
{
    size_t count = 0;
    for (size_t p = 0; p < in->nparts; p++) {
        const input_part *part = &in->parts[p];
        if (!part->formulas)
            continue;
        int header = 0;
        for (size_t r = 0; r < part->grid.rows; r++) {
            for (size_t c = 0; c < part->grid.cols; c++) {
                const char *f = part->formulas[r * part->grid.cols + c];
                if (!f || !mentions_socinv(f))
                    continue;
                if (!header) {
                    printf("  %s %s\n", cli_words_for(lang)->sheet, part->name);
                    header = 1;
                }
                const socinv_cell *cell = &part->grid.cells[r * part->grid.cols + c];
                char name[24], formula[512], value[64];
                cell_name(r, c, name, sizeof name);
                recalc_readable_formula(f, formula, sizeof formula);
                if (cell->kind == SOCINV_CELL_NUMBER)
                    socinv_format_amount(cell->num, lang, value, sizeof value);
                else if (cell->kind == SOCINV_CELL_TEXT)
                    snprintf(value, sizeof value, "%.*s", (int)cell->len, cell->text);
                else
                    snprintf(value, sizeof value, "%s", cli_words_for(lang)->empty_value);
                printf("    %-8s %-14s %s\n", name, value, formula);
                count++;
            }
        }
    }
    printf("  %zu %s\n", count, cli_words_for(lang)->socinv_formulas);
}

/* ------------------------------------------------------------------ the run */

void recalc_fail(workbook *b, const char *fmt, const char *detail)
{
    if (!b->why[0])
        snprintf(b->why, sizeof b->why, fmt, detail ? detail : "");
}

static int parse_options(recalc *r, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--out") && next)
            r->out = argv[++i];
        else if (!strcmp(a, "--format") && next)
            r->format = argv[++i];
        else if (!strcmp(a, "--oxt") && next)
            r->oxt_arg = argv[++i];
        else if (!strcmp(a, "--unopkg") && next)
            r->unopkg = argv[++i];
        else if (!strcmp(a, "--timeout") && next) {
            char *end;
            long t = strtol(argv[++i], &end, 10);
            if (*end || t < 1 || t > 86400) {
                fprintf(stderr, "socinv recalc: --timeout takes seconds from 1 to 86400\n");
                return 2;
            }
            r->timeout = (int)t;
        } else if (!strcmp(a, "--in-place"))
            r->in_place = 1;
        else if (!strcmp(a, "--report"))
            r->want_report = 1;
        else if (!strcmp(a, "--overwrite"))
            r->overwrite = 1;
        else if (!strcmp(a, "--split-links"))
            r->split_links = 1;
        else if (!strcmp(a, "--replace-read-only"))
            r->replace_read_only = 1;
        else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "socinv recalc: unknown option %s\n", a);
            return 2;
        } else if (collect(a, &r->paths) != 0) {
            fprintf(stderr, "socinv: out of memory\n");
            return 2;
        }
    }
    if (strcmp(r->format, "same") && strcmp(r->format, "ods") && strcmp(r->format, "xlsx") &&
        strcmp(r->format, "fods")) {
        fprintf(stderr, "socinv recalc: --format takes same, ods, xlsx or fods\n");
        return 2;
    }
    if (r->paths.n == 0 || (!r->out && !r->in_place && !r->want_report)) {
        fprintf(stderr, "socinv recalc: give workbooks or folders, and --out DIR, --in-place or --report\n");
        return 2;
    }
    if (r->out && r->in_place) {
        fprintf(stderr, "socinv recalc: --out and --in-place exclude each other\n");
        return 2;
    }
    return 0;
}

/* The .oxt: --oxt, $SOCINV_OXT, or the one built next to this program. */
static const char *find_oxt(const char *given, char *buf, size_t cap)
{
    /* buf holds PATH_MAX + 64 */
    if (given)
        return given;
    const char *env = getenv("SOCINV_OXT");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, cap, "%s/../socinv-%s.oxt", exe, SOCINV_VERSION);
            if (recalc_exists(buf))
                return buf;
        }
    }
    snprintf(buf, cap, "/usr/local/share/socinv/socinv-%s.oxt", SOCINV_VERSION);
    return recalc_exists(buf) ? buf : NULL;
}

/* --out: made if missing, then opened without following a link. */
static int open_destination(recalc *r)
{
    if (!r->out)
        return 0;
    if (mkdir(r->out, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "socinv recalc: cannot make %s: %s\n", r->out, strerror(errno));
        return 2;
    }
    r->outfd = safe_open_dir(r->out);
    if (r->outfd < 0) {
        fprintf(stderr, "socinv recalc: --out %s: %s\n", r->out,
                errno == ELOOP || errno == ENOTDIR ? "not a folder, or a symbolic link (give the real folder)"
                                                   : strerror(errno));
        return 2;
    }
    return 0;
}

static int start_office(recalc *r)
{
    char oxt_buf[PATH_MAX + 64], err[600], out[200];
    const char *oxt = find_oxt(r->oxt_arg, oxt_buf, sizeof oxt_buf);
    if (!oxt) {
        fprintf(stderr, "socinv recalc: no socinv .oxt found; build it (cmake --build build) or give --oxt FILE\n");
        return 2;
    }
    r->office_open = 1;
    if (office_open(&r->o, r->common->inputs.soffice, r->unopkg, oxt, err, sizeof err) != 0 ||
        office_batch(&r->o, r->in, out, sizeof r->in) != 0) {
        fprintf(stderr, "socinv recalc: %s\n", err[0] ? err : "cannot prepare a work folder");
        return 2;
    }
    return 0;
}

/* A line per workbook (and its report), then the failures; the exit code. */
static int summarize(recalc *r)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long secs = (long)(now.tv_sec - r->start.tv_sec);
    size_t failed = 0, errors = 0, error_files = 0;
    for (size_t i = 0; i < r->n; i++) {
        workbook *b = &r->books[i];
        fflush(stdout); /* the report (stdout) and the progress (stderr) share a terminal */
        fprintf(stderr, "[%zu/%zu] %s ... ", i + 1, r->n, b->path);
        errors += b->errors;
        error_files += b->errors > 0;
        if (b->why[0]) {
            fprintf(stderr, "%s\n", b->why);
            failed++;
            continue;
        }
        if (b->written[0])
            fprintf(stderr, "written to %s (%lds)\n", b->written, secs);
        else
            fprintf(stderr, "recalculated (%lds)\n", secs);
        if (r->want_report) {
            printf("%s\n", b->path);
            report(&b->after, r->common->lang);
        }
    }
    fflush(stdout);
    if (errors)
        fprintf(stderr, "socinv recalc: %zu %s became errors when recalculated, in %zu %s (listed above)\n", errors,
                errors == 1 ? "cell" : "cells", error_files, error_files == 1 ? "file" : "files");
    if (failed) {
        fprintf(stderr, "socinv recalc: %zu of %zu %s failed:", failed, r->n, r->n == 1 ? "file" : "files");
        for (size_t i = 0; i < r->n; i++)
            if (r->books[i].why[0])
                fprintf(stderr, " %s", r->books[i].path);
        fputc('\n', stderr);
    }
    return failed ? 2 : errors ? 1 : 0;
}

/* Recalculate: inputs copied for one office, recalculated to flat ODF (values read,
 * errors compared), converted to the written formats, written beside or into --out. */
static int run_steps(recalc *r)
{
    int rc = open_destination(r);
    if (rc)
        return rc;
    if ((rc = start_office(r)) != 0)
        return rc;
    recalc_take_inputs(r);
    fprintf(stderr, "socinv recalc: recalculating %zu %s in LibreOffice (%s) ...\n", r->n,
            r->n == 1 ? "workbook" : "workbooks", r->o.dir);
    if (recalc_recalculate(r) != 0 || recalc_compare_errors(r) != 0 || ((r->out || r->in_place) && recalc_write_results(r) != 0))
        return -1;
    return summarize(r);
}

static void clean_up(recalc *r)
{
    if (r->office_open)
        office_close(&r->o, r->common->inputs.keep_temp);
    for (size_t i = 0; r->books && i < r->n; i++) {
        input_free(&r->books[i].after);
        safe_file_close(&r->books[i].file);
        if (r->books[i].fd >= 0)
            close(r->books[i].fd);
    }
    if (r->outfd >= 0)
        close(r->outfd);
    free(r->books);
    free(r->written);
    free_list(&r->paths);
}

int cmd_recalc(int argc, char **argv, const cli_common *common)
{
    recalc r = {.format = "same", .unopkg = "unopkg", .timeout = PROC_CONVERT_TIMEOUT, .common = common,
                .outfd = -1};
    clock_gettime(CLOCK_MONOTONIC, &r.start);
    r.umask = umask(022);
    umask(r.umask);
    int rc = parse_options(&r, argc, argv);
    if (rc == 0) {
        r.n = r.paths.n;
        r.books = calloc(r.n, sizeof *r.books);
        for (size_t i = 0; r.books && i < r.n; i++) {
            r.books[i].fd = -1;
            r.books[i].file.dirfd = -1;
        }
        proc_catch_signals();
        rc = r.books ? run_steps(&r) : 2;
    }
    if (rc < 0) {
        if (r.no_soffice)
            fprintf(stderr, "socinv recalc: cannot run %s: install libreoffice-calc, or give --soffice PATH\n",
                    common->inputs.soffice);
        else if (proc_interrupted())
            fprintf(stderr, "socinv recalc: interrupted: nothing was replaced after the signal; cleaning up\n");
        rc = 2;
    }
    clean_up(&r);
    proc_exit_if_interrupted();
    return rc;
}
