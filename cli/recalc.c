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

#include "cli.h"
#include "flatodf.h"
#include "odszip.h"
#include "office.h"
#include "safewrite.h"

#define SOCINV_FORMULA "ORG.SOCINV.CALC.FUNCTIONS."

static const char *const workbook_ext[] = {"ods", "fods", "xlsx", "xlsm", "xls", NULL};

static const char *ext_of(const char *path)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    return dot && (!slash || dot > slash) ? dot + 1 : "";
}

static int is_workbook(const char *path)
{
    for (const char *const *e = workbook_ext; *e; e++)
        if (!strcasecmp(ext_of(path), *e))
            return 1;
    return 0;
}

static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

typedef struct {
    char **items;
    size_t n, cap;
} strlist;

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
static const char *target_for(const char *path, const char *format, const char **ext)
{
    const char *e = !strcmp(format, "same") ? ext_of(path) : format;
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

static void stem(const char *path, char *buf, size_t cap)
{
    const char *b = base_of(path), *dot = strrchr(b, '.');
    snprintf(buf, cap, "%.*s", (int)(dot ? dot - b : (long)strlen(b)), b);
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Does a formula call a socinv function? (names are upper case in files, any case typed) */
static int mentions_socinv(const char *f)
{
    size_t n = strlen(SOCINV_FORMULA);
    for (; *f; f++)
        if (!strncasecmp(f, SOCINV_FORMULA, n))
            return 1;
    return 0;
}

/* "of:=ORG.SOCINV.CALC.FUNCTIONS.PAYBACK([.C20:.H20])" -> "=PAYBACK(C20:H20)" for people. */
static void readable_formula(const char *f, char *out, size_t cap)
{
    size_t o = 0;
    if (!strncmp(f, "of:", 3))
        f += 3;
    while (*f && o + 1 < cap) {
        if (!strncasecmp(f, SOCINV_FORMULA, strlen(SOCINV_FORMULA))) {
            f += strlen(SOCINV_FORMULA);
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
                    printf("  %s %s\n", !strcmp(lang, "da") ? "ark" : "sheet", part->name);
                    header = 1;
                }
                const socinv_cell *cell = &part->grid.cells[r * part->grid.cols + c];
                char name[24], formula[512], value[64];
                cell_name(r, c, name, sizeof name);
                readable_formula(f, formula, sizeof formula);
                if (cell->kind == SOCINV_CELL_NUMBER)
                    socinv_format_amount(cell->num, lang, value, sizeof value);
                else if (cell->kind == SOCINV_CELL_TEXT)
                    snprintf(value, sizeof value, "%.*s", (int)cell->len, cell->text);
                else
                    snprintf(value, sizeof value, "(tom)");
                printf("    %-8s %-14s %s\n", name, value, formula);
                count++;
            }
        }
    }
    printf("  %zu %s\n", count, !strcmp(lang, "da") ? "socinv-formler" : "socinv formulas");
}

/* ------------------------------------------------------------------ errors */

/* Does a cell show an error value (Calc writes errors as their text)? */
static int is_error(const socinv_cell *c)
{
    static const char *const errors[] = {"#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#NULL!", NULL};
    if (c->kind != SOCINV_CELL_TEXT)
        return 0;
    if (c->len > 4 && !strncmp(c->text, "Err:", 4))
        return 1;
    for (const char *const *e = errors; *e; e++)
        if (c->len == strlen(*e) && !memcmp(c->text, *e, c->len))
            return 1;
    return 0;
}

static size_t count_errors(const input *in)
{
    size_t n = 0;
    for (size_t p = 0; p < in->nparts; p++)
        for (size_t k = 0; k < in->parts[p].grid.rows * in->parts[p].grid.cols; k++)
            n += is_error(&in->parts[p].grid.cells[k]);
    return n;
}

static const socinv_cell *cell_at(const input_part *part, size_t r, size_t c)
{
    return part && r < part->grid.rows && c < part->grid.cols ? &part->grid.cells[r * part->grid.cols + c] : NULL;
}

/* Print every cell that shows an error after the recalculation but did not before
 * (sheets matched by position and name); returns how many. */
static size_t new_errors(const input *before, const input *after)
{
    fflush(stdout); /* the report (stdout) and these lines (stderr) share a terminal */
    size_t n = 0;
    for (size_t p = 0; p < after->nparts; p++) {
        const input_part *now = &after->parts[p];
        const input_part *was = p < before->nparts && !strcmp(before->parts[p].name, now->name) ? &before->parts[p]
                                                                                                 : NULL;
        for (size_t r = 0; r < now->grid.rows; r++) {
            for (size_t c = 0; c < now->grid.cols; c++) {
                const socinv_cell *x = cell_at(now, r, c), *old = cell_at(was, r, c);
                if (!is_error(x) || (old && is_error(old)))
                    continue;
                if (!n)
                    fprintf(stderr, "%s: cells that became errors when recalculated:\n", after->path);
                char where[300], value[80] = "";
                input_location(after, now, r, c, where, sizeof where);
                if (old && old->kind == SOCINV_CELL_NUMBER)
                    socinv_format_amount(old->num, "en", value, sizeof value);
                else if (old && old->kind == SOCINV_CELL_TEXT)
                    snprintf(value, sizeof value, "'%.*s'", (int)(old->len > 60 ? 60 : old->len), old->text);
                const char *f = now->formulas ? now->formulas[r * now->grid.cols + c] : NULL;
                fprintf(stderr, "    %s is now %.*s, was %s%s%s\n", where, (int)x->len, x->text,
                        *value ? value : "empty", f ? ": " : "", f ? (strncmp(f, "of:", 3) ? f : f + 3) : "");
                n++;
            }
        }
    }
    return n;
}

/* ------------------------------------------------------------------ the run */

/* One workbook through the run. */
typedef struct workbook {
    const char *path;
    safe_file file;     /* its folder, name, and what it was when read */
    int fd;             /* the input, open for reading (-1: not open) */
    char copy[300];     /* its copy in the office's in/, named <n>.<ext> (LibreOffice names
                           results after the base name: two a.ods of two folders must not clash) */
    char why[600];      /* why it failed ("" while it has not) */
    input after;        /* the recalculated values */
    size_t errors;      /* cells that became errors */
    const char *ext;    /* of its recalculated result: the written format, or fods */
    char result[PATH_MAX]; /* the recalculated result, in the office's area */
    char written[PATH_MAX + 300];
} workbook;

typedef struct recalc {
    /* the options */
    const char *out, *format, *oxt_arg, *unopkg;
    int in_place, want_report, overwrite, split_links, replace_read_only, timeout;
    const cli_common *common;
    /* the state */
    strlist paths;
    workbook *books;
    size_t n;
    int outfd;          /* --out, opened without following a link */
    mode_t umask;
    office o;
    int office_open;
    char in[200];       /* the office's folder of input copies */
    struct stat *written; /* what this run wrote (never overwritten by a later input) */
    size_t nwritten;
    int no_soffice;
    struct timespec start;
} recalc;

static void fail(workbook *b, const char *fmt, const char *detail)
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
            if (exists(buf))
                return buf;
        }
    }
    snprintf(buf, cap, "/usr/local/share/socinv/socinv-%s.oxt", SOCINV_VERSION);
    return exists(buf) ? buf : NULL;
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

/* Why --in-place must not replace this file (NULL: it may). */
static const char *in_place_refusal(const recalc *r, const workbook *b, char *buf, size_t cap)
{
    char who[400];
    const char *ext;
    target_for(b->path, r->format, &ext);
    if (strcasecmp(ext_of(b->path), ext) != 0)
        return "--in-place keeps the format: use --format same";
    if (safe_locked(b->file.dirfd, b->file.name, who, sizeof who)) {
        snprintf(buf, cap, "it is open in LibreOffice by %s: not replaced", who);
        return buf;
    }
    if (b->file.st.st_nlink > 1 && !r->split_links)
        return "it has other hard links (--split-links replaces only this name)";
    if (!(b->file.st.st_mode & S_IWUSR) && !r->replace_read_only)
        return "it is read-only (--replace-read-only replaces it anyway)";
    return NULL;
}

/* Open each input (never through a link), refuse what must not be replaced, and
 * copy it for the office: the input itself is never given to LibreOffice. */
static void take_inputs(recalc *r)
{
    for (size_t i = 0; i < r->n; i++) {
        workbook *b = &r->books[i];
        char why[300], refusal[500];
        b->path = r->paths.items[i];
        b->fd = safe_open_input(b->path, !r->in_place, &b->file, why, sizeof why);
        if (b->fd < 0) {
            fail(b, "%s", why);
            continue;
        }
        const char *no = r->in_place ? in_place_refusal(r, b, refusal, sizeof refusal) : NULL;
        if (no) {
            fail(b, "%s", no);
            continue;
        }
        snprintf(b->copy, sizeof b->copy, "%s/%zu.%s", r->in, i + 1, ext_of(b->path));
        if (office_put(b->fd, b->copy) != 0)
            fail(b, "cannot copy it: %s", strerror(errno));
    }
}

/* Where a conversion of a workbook's copy to `ext` lands in outdir. */
static void result_path(const workbook *b, const char *outdir, const char *ext, char *buf, size_t cap)
{
    inputs_converted_name(outdir, b->copy, ext, buf, cap);
}

/* LibreOffice could not run at all: not one file's fault. */
static int cannot_run(recalc *r, int rc)
{
    if (rc == 127 || rc == 126 || rc == PROC_CANNOT_RUN) {
        r->no_soffice = 1;
        if (rc == 126)
            fprintf(stderr, "socinv recalc: cannot switch to the office's account\n");
        return 1;
    }
    return 0;
}

/* Convert the workbooks in `which` (NULL = every one still good) to target: all in
 * one office; each one that has no result then (it failed, or crashed or stalled the
 * office) alone in a fresh office, with its own time limit. The results land in a
 * new folder, written to outdir. 0, or -1 when LibreOffice cannot run or we were
 * interrupted. */
static int convert(recalc *r, const char *target, const char *ext, int recalc_profile, const char *which,
                   char *outdir, size_t cap)
{
    char unused[200], path[PATH_MAX];
    const char **files = calloc(r->n ? r->n : 1, sizeof *files);
    if (!files || office_batch(&r->o, unused, outdir, cap) != 0) {
        free(files);
        fprintf(stderr, "socinv recalc: cannot prepare a work folder\n");
        r->no_soffice = 1;
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        if (!r->books[i].why[0] && (!which || which[i]))
            files[n++] = r->books[i].copy;
    /* all together: a start, the slowest allowed workbook, and the usual seconds of the rest */
    int limit = PROC_START_SECONDS + r->timeout + PROC_SECONDS_PER_FILE * (int)n;
    int rc = n ? office_convert(&r->o, files, n, target, outdir, recalc_profile, limit) : 0;
    free(files);
    if (rc == PROC_INTERRUPTED || cannot_run(r, rc))
        return -1;
    for (size_t i = 0; i < r->n; i++) {
        workbook *b = &r->books[i];
        if (b->why[0] || (which && !which[i]))
            continue;
        result_path(b, outdir, ext, path, sizeof path);
        if (exists(path))
            continue;
        const char *one[] = {b->copy};
        rc = office_convert(&r->o, one, 1, target, outdir, recalc_profile, PROC_START_SECONDS + r->timeout);
        if (rc == PROC_INTERRUPTED || cannot_run(r, rc))
            return -1;
        if (rc == PROC_TIMED_OUT) {
            char secs[32];
            snprintf(secs, sizeof secs, "%d", r->timeout);
            fail(b, "LibreOffice did not finish it within %s s (--timeout): stopped", secs);
        } else if (!exists(path)) {
            fail(b, "LibreOffice could not open it as a workbook%s", recalc_profile ? "" : " (without recalculating)");
        }
    }
    return 0;
}

/* Read a flat-ODF result of the office from the descriptor that was checked. */
static int read_result(const recalc *r, const char *path, input *in, char *why, size_t cap)
{
    int fd = office_open_result(&r->o, path);
    if (fd < 0) {
        snprintf(why, cap, "LibreOffice's result is not a plain file of its own: %s", strerror(errno));
        return -1;
    }
    char self[64];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    int rc = flatodf_read(self, in);
    close(fd);
    if (rc != 0)
        snprintf(why, cap, "cannot read the recalculated workbook: %s", in->error);
    return rc;
}

/* The format a workbook is recalculated into: what is written, or flat ODF for --report. */
static const char *result_format(const recalc *r, const workbook *b, const char **ext)
{
    if (!r->out && !r->in_place) {
        *ext = "fods";
        return "fods";
    }
    return target_for(b->path, r->format, ext);
}

/* The recalculated values of a workbook: read from its result when that is ODF (flat,
 * or the .ods's content.xml), else from a flat-ODF conversion in `fodsdir`. */
static int read_values(recalc *r, size_t i, const char *fodsdir, char *why, size_t cap)
{
    workbook *b = &r->books[i];
    char path[PATH_MAX];
    b->after.path = b->path;
    if (strcmp(b->ext, "ods") != 0) {
        if (strcmp(b->ext, "fods") != 0)
            result_path(b, fodsdir, "fods", path, sizeof path);
        return read_result(r, strcmp(b->ext, "fods") ? path : b->result, &b->after, why, cap);
    }
    int fd = office_open_result(&r->o, b->result);
    if (fd < 0) {
        snprintf(why, cap, "LibreOffice's result is not a plain file of its own: %s", strerror(errno));
        return -1;
    }
    snprintf(path, sizeof path, "%s/values-%zu.xml", r->o.dir, i + 1); /* ours: the office cannot write there */
    int rc = odszip_read(fd, path, &b->after);
    close(fd);
    if (rc != 0)
        snprintf(why, cap, "cannot read the recalculated workbook: %s", b->after.error);
    return rc;
}

/* Recalculate every workbook into the format it is written in (one office run per
 * format: usually one), and read the values. XLSX and XLS results are not read:
 * those workbooks are recalculated to flat ODF too, for their values. */
static int recalculate(recalc *r)
{
    static const char *const exts[] = {"ods", "xlsx", "xls", "fods"};
    char *which = calloc(r->n ? r->n : 1, 1), outdir[200], fodsdir[200] = "", why[600];
    size_t foreign = 0;
    for (size_t e = 0; which && e < sizeof exts / sizeof *exts; e++) {
        const char *target = NULL, *ext;
        size_t n = 0;
        for (size_t i = 0; i < r->n; i++) {
            const char *t = result_format(r, &r->books[i], &ext);
            which[i] = !r->books[i].why[0] && !strcmp(ext, exts[e]);
            target = which[i] ? t : target;
            n += (size_t)which[i];
        }
        if (n && convert(r, target, exts[e], 1, which, outdir, sizeof outdir) != 0)
            break; /* LibreOffice cannot run, or a signal: said below */
        for (size_t i = 0; n && i < r->n; i++) {
            workbook *b = &r->books[i];
            if (which[i] && !b->why[0]) {
                b->ext = exts[e];
                result_path(b, outdir, exts[e], b->result, sizeof b->result);
                foreign += e == 1 || e == 2;
            }
        }
    }
    int rc = which ? 0 : -1;
    if (which && (r->no_soffice || proc_interrupted()))
        rc = -1;
    for (size_t i = 0; rc == 0 && i < r->n; i++)
        which[i] = !r->books[i].why[0] && r->books[i].ext && strcmp(r->books[i].ext, "ods") &&
                   strcmp(r->books[i].ext, "fods");
    if (rc == 0 && foreign && convert(r, "fods", "fods", 1, which, fodsdir, sizeof fodsdir) != 0)
        rc = -1;
    for (size_t i = 0; rc == 0 && i < r->n; i++)
        if (!r->books[i].why[0] && read_values(r, i, fodsdir, why, sizeof why) != 0)
            fail(&r->books[i], "%s", why);
    free(which);
    return rc;
}

/* The values each workbook had before, for those that show errors now: read from
 * a flat-ODF input itself, or from a conversion that does not recalculate. */
static int compare_errors(recalc *r)
{
    char *which = calloc(r->n ? r->n : 1, 1), outdir[200] = "", path[PATH_MAX], why[600];
    size_t need = 0;
    for (size_t i = 0; which && i < r->n; i++) {
        workbook *b = &r->books[i];
        which[i] = !b->why[0] && count_errors(&b->after) > 0 && strcasecmp(ext_of(b->path), "fods") != 0;
        need += (size_t)which[i];
    }
    if (!which || (need && convert(r, "fods", "fods", 0, which, outdir, sizeof outdir) != 0)) {
        free(which);
        return -1;
    }
    for (size_t i = 0; i < r->n; i++) {
        workbook *b = &r->books[i];
        if (b->why[0] || count_errors(&b->after) == 0)
            continue;
        input before;
        memset(&before, 0, sizeof before);
        before.path = b->path;
        int rc;
        if (which[i]) {
            result_path(b, outdir, "fods", path, sizeof path);
            rc = read_result(r, path, &before, why, sizeof why);
        } else {
            snprintf(path, sizeof path, "/proc/self/fd/%d", b->fd);
            rc = flatodf_read(path, &before);
            snprintf(why, sizeof why, "cannot read it: %s", before.error);
        }
        if (rc != 0)
            fail(b, "%s", why);
        else
            b->errors = new_errors(&before, &b->after);
        input_free(&before);
    }
    free(which);
    return 0;
}

/* Why --out must not write `name` (NULL: it may). */
static const char *out_refusal(const recalc *r, const char *name, char *buf, size_t cap)
{
    struct stat st;
    if (fstatat(r->outfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return NULL;
    for (size_t i = 0; i < r->n; i++) {
        const workbook *b = &r->books[i];
        if (b->fd >= 0 && b->file.st.st_dev == st.st_dev && b->file.st.st_ino == st.st_ino) {
            snprintf(buf, cap, "would overwrite the input %s: choose another --out, or --in-place", b->path);
            return buf;
        }
    }
    for (size_t i = 0; i < r->nwritten; i++) {
        if (r->written[i].st_dev == st.st_dev && r->written[i].st_ino == st.st_ino) {
            snprintf(buf, cap, "would overwrite %s/%s, written from another input in this run: choose another "
                     "--out or --format", r->out, name);
            return buf;
        }
    }
    if (!r->overwrite) {
        snprintf(buf, cap, "%s/%s exists: not replaced (--overwrite replaces files that are not inputs)", r->out,
                 name);
        return buf;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(buf, cap, "%s/%s is not a regular file: not replaced", r->out, name);
        return buf;
    }
    return NULL;
}

/* Put one recalculated workbook in place: beside the input (--in-place) or in --out. */
static void write_one(recalc *r, workbook *b, const char *result, const char *ext)
{
    char name[300], why[700];
    safe_target t = {.dirfd = r->outfd, .name = name, .overwrite = r->overwrite};
    if (r->in_place) {
        if (b->errors) {
            fail(b, "not replaced: cells became errors (listed above)", NULL);
            return;
        }
        t.dirfd = b->file.dirfd;
        t.name = b->file.name;
        t.replace = &b->file;
    } else {
        char s[256];
        stem(b->path, s, sizeof s);
        snprintf(name, sizeof name, "%s.%s", s, ext);
        const char *no = out_refusal(r, name, why, sizeof why);
        if (no) {
            fail(b, "%s", no);
            return;
        }
        /* not more readable than the input */
        t.mode = b->file.st.st_mode & 0666 & ~r->umask;
    }
    int fd = office_open_result(&r->o, result);
    struct stat done;
    if (fd < 0) {
        fail(b, "LibreOffice's result is not a plain file of its own: %s", strerror(errno));
        return;
    }
    int rc = safe_write(fd, &t, &done, why, sizeof why);
    close(fd);
    if (rc != 0) {
        fail(b, "%s", why);
        return;
    }
    if (r->in_place)
        snprintf(b->written, sizeof b->written, "%s", b->path);
    else
        snprintf(b->written, sizeof b->written, "%s/%s", r->out, name);
    r->written[r->nwritten++] = done;
}

/* Write every recalculated workbook. */
static int write_results(recalc *r)
{
    r->written = calloc(r->n ? r->n : 1, sizeof *r->written);
    if (!r->written)
        return -1;
    for (size_t i = 0; i < r->n && !proc_interrupted(); i++)
        if (!r->books[i].why[0])
            write_one(r, &r->books[i], r->books[i].result, r->books[i].ext);
    return proc_interrupted() ? -1 : 0;
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
    take_inputs(r);
    fprintf(stderr, "socinv recalc: recalculating %zu %s in LibreOffice (%s) ...\n", r->n,
            r->n == 1 ? "workbook" : "workbooks", r->o.dir);
    if (recalculate(r) != 0 || compare_errors(r) != 0 || ((r->out || r->in_place) && write_results(r) != 0))
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
