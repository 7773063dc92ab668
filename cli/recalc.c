/* socinv recalc: recalculate existing workbooks headless with the add-in, and
 * write the recalculated files or a report of the socinv results per sheet. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
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
#include "functions.h"
#include "office.h"

#define CONVERT_TIMEOUT 300
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

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The entry of `l` that is the same file as `path` (existing files only), or NULL. */
static const char *same_as_any(const char *path, const strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (same_file(path, l->items[i]))
            return l->items[i];
    return NULL;
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

/* "of:=ORG.SOCINV.CALC.FUNCTIONS.PAYBACK([.C20:.H20])" -> "=PAYBACK(C20:H20)" for people. */
static void readable_formula(const char *f, char *out, size_t cap)
{
    size_t o = 0;
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

/* Print every socinv formula of a recalculated flat-ODF workbook with its value. */
static int report(const char *path, const char *fods, const char *lang)
{
    input in;
    memset(&in, 0, sizeof in);
    in.path = path;
    if (flatodf_read(fods, &in) != 0) {
        fprintf(stderr, "socinv: %s: %s\n", path, in.error);
        input_free(&in);
        return -1;
    }
    size_t count = 0;
    for (size_t p = 0; p < in.nparts; p++) {
        const input_part *part = &in.parts[p];
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
    input_free(&in);
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

int cmd_recalc(int argc, char **argv, const cli_common *common)
{
    const char *out = NULL, *format = "same", *oxt_arg = NULL, *unopkg = "unopkg";
    int in_place = 0, want_report = 0, keep = common->inputs.keep_temp;
    strlist files = {0}, written = {0}, failures = {0};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--out") && next)
            out = argv[++i];
        else if (!strcmp(a, "--format") && next)
            format = argv[++i];
        else if (!strcmp(a, "--oxt") && next)
            oxt_arg = argv[++i];
        else if (!strcmp(a, "--unopkg") && next)
            unopkg = argv[++i];
        else if (!strcmp(a, "--in-place"))
            in_place = 1;
        else if (!strcmp(a, "--report"))
            want_report = 1;
        else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "socinv recalc: unknown option %s\n", a);
            return 2;
        } else if (collect(a, &files) != 0) {
            fprintf(stderr, "socinv: out of memory\n");
            return 2;
        }
    }
    if (strcmp(format, "same") && strcmp(format, "ods") && strcmp(format, "xlsx") && strcmp(format, "fods")) {
        fprintf(stderr, "socinv recalc: --format takes same, ods, xlsx or fods\n");
        return 2;
    }
    if (files.n == 0 || (!out && !in_place && !want_report)) {
        fprintf(stderr, "socinv recalc: give workbooks or folders, and --out DIR, --in-place or --report\n");
        return 2;
    }
    if (out && in_place) {
        fprintf(stderr, "socinv recalc: --out and --in-place exclude each other\n");
        return 2;
    }
    char oxt_buf[PATH_MAX + 64];
    const char *oxt = find_oxt(oxt_arg, oxt_buf, sizeof oxt_buf);
    if (!oxt) {
        fprintf(stderr, "socinv recalc: no socinv .oxt found; build it (cmake --build build) or give --oxt FILE\n");
        return 2;
    }
    if (out && !exists(out) && mkdir(out, 0755) != 0) {
        fprintf(stderr, "socinv recalc: cannot make %s: %s\n", out, strerror(errno));
        return 2;
    }

    office o;
    char err[512];
    if (office_open(&o, common->inputs.soffice, unopkg, oxt, err, sizeof err) != 0) {
        fprintf(stderr, "socinv recalc: %s\n", err);
        office_close(&o, keep);
        return 2;
    }
    int failed = 0, no_soffice = 0;
#define FAIL_FILE() (failed++, push(&failures, path))
    for (size_t i = 0; i < files.n; i++) {
        const char *path = files.items[i];
        time_t t0 = time(NULL);
        fflush(stdout); /* the report (stdout) and the progress (stderr) share a terminal */
        fprintf(stderr, "[%zu/%zu] %s ... ", i + 1, files.n, path);
        if (!exists(path) || access(path, R_OK) != 0) {
            fprintf(stderr, "cannot read it: %s\n", strerror(errno));
            FAIL_FILE();
            continue;
        }
        /* a private copy for LibreOffice: the input itself is never opened for writing */
        char dir[256], inbox[300], outbox[300], copy[PATH_MAX + 320], name[256];
        snprintf(dir, sizeof dir, "%s/%zu", o.work, i);
        snprintf(inbox, sizeof inbox, "%s/in", dir);
        snprintf(outbox, sizeof outbox, "%s/out", dir);
        mkdir(dir, 0755);
        mkdir(inbox, 0755);
        mkdir(outbox, 0755);
        if (o.as_nobody && (chown(inbox, o.uid, o.gid) != 0 || chown(outbox, o.uid, o.gid) != 0)) {
            fprintf(stderr, "cannot prepare a work folder\n");
            FAIL_FILE();
            continue;
        }
        snprintf(copy, sizeof copy, "%s/%s", inbox, base_of(path));
        if (office_copy_in(&o, path, copy) != 0) {
            fprintf(stderr, "cannot copy it: %s\n", strerror(errno));
            FAIL_FILE();
            continue;
        }
        stem(path, name, sizeof name);
        int ok = 1;
        if (want_report) {
            char fods[PATH_MAX + 320];
            snprintf(fods, sizeof fods, "%s/%s.fods", outbox, name);
            int rc = office_convert(&o, copy, "fods", outbox, CONVERT_TIMEOUT);
            if (rc == 127 || rc == -1) {
                no_soffice = 1;
                break;
            }
            if (rc == -2 || !exists(fods)) {
                fprintf(stderr, "LibreOffice could not open it as a workbook%s\n", rc == -2 ? " (timed out)" : "");
                FAIL_FILE();
                continue;
            }
            fprintf(stderr, "recalculated (%lds)\n", (long)(time(NULL) - t0));
            printf("%s\n", path);
            if (report(path, fods, common->lang) != 0) {
                ok = 0;
                FAIL_FILE();
            }
            unlink(fods);
        }
        if (ok && (out || in_place)) {
            const char *ext;
            const char *target = target_for(path, format, &ext);
            char result[PATH_MAX + 300];
            snprintf(result, sizeof result, "%s/%s.%s", outbox, name, ext);
            int rc = office_convert(&o, copy, target, outbox, CONVERT_TIMEOUT);
            if (rc == 127 || rc == -1) {
                no_soffice = 1;
                break;
            }
            if (rc == -2 || !exists(result)) {
                fprintf(stderr, "LibreOffice could not open or save it%s\n", rc == -2 ? " (timed out)" : "");
                FAIL_FILE();
                continue;
            }
            /* the destination: beside the input (--in-place) or in --out; written under a
             * temporary name and renamed, so a file is either old or new, never half-written */
            char dest[PATH_MAX + 32], tmp[PATH_MAX + 64];
            if (in_place) {
                if (strcasecmp(ext_of(path), ext) != 0) {
                    fprintf(stderr, "--in-place keeps the format: use --format same\n");
                    FAIL_FILE();
                    continue;
                }
                snprintf(dest, sizeof dest, "%s", path);
            } else {
                snprintf(dest, sizeof dest, "%s/%s.%s", out, name, ext);
                /* never an input (this one, or another one of the same name with the written
                 * extension: a.ods --format xlsx in the input folder would replace a.xlsx), and
                 * never a file this run wrote already (a.ods and a.xlsx --format ods) */
                const char *clash = same_as_any(dest, &files);
                if (clash) {
                    fprintf(stderr, "would overwrite the input %s: choose another --out, or --in-place\n", clash);
                    FAIL_FILE();
                    continue;
                }
                clash = same_as_any(dest, &written);
                if (clash) {
                    fprintf(stderr, "would overwrite %s, written from another input in this run: choose "
                            "another --out or --format\n", clash);
                    FAIL_FILE();
                    continue;
                }
            }
            snprintf(tmp, sizeof tmp, "%s.socinv-tmp", dest);
            office plain = {.as_nobody = 0};
            struct stat before;
            if (office_copy_in(&plain, result, tmp) != 0 ||
                (in_place && stat(path, &before) == 0 && chmod(tmp, before.st_mode & 07777) != 0) ||
                rename(tmp, dest) != 0) {
                fprintf(stderr, "cannot write %s: %s\n", dest, strerror(errno));
                unlink(tmp);
                FAIL_FILE();
                continue;
            }
            if (!want_report)
                fprintf(stderr, "written to %s (%lds)\n", dest, (long)(time(NULL) - t0));
            if (!in_place)
                push(&written, dest);
        }
    }
#undef FAIL_FILE
    office_close(&o, keep);
    if (no_soffice) {
        /* not the file's fault: every other file would fail the same way */
        fprintf(stderr, "cannot run LibreOffice\nsocinv recalc: cannot run %s: install libreoffice-calc, or give "
                "--soffice PATH\n", common->inputs.soffice);
        failed = 1;
    } else if (failed) {
        fprintf(stderr, "socinv recalc: %d of %zu %s failed:", failed, files.n, files.n == 1 ? "file" : "files");
        for (size_t i = 0; i < failures.n; i++)
            fprintf(stderr, " %s", failures.items[i]);
        fputc('\n', stderr);
    }
    free_list(&files);
    free_list(&written);
    free_list(&failures);
    return failed ? 2 : 0;
}
