/* socinv recalc: the inputs copied in, converted by one LibreOffice, the values read. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "flatodf.h"
#include "zipxml.h"
#include "recalc.h"

/* Why --in-place must not replace this file (NULL: it may). */
static const char *in_place_refusal(const recalc *r, const workbook *b, char *buf, size_t cap)
{
    char who[400];
    const char *ext;
    recalc_target_for(b->path, r->format, &ext);
    if (strcasecmp(inputs_extension(b->path), ext) != 0)
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
void recalc_take_inputs(recalc *r)
{
    for (size_t i = 0; i < r->n; i++) {
        workbook *b = &r->books[i];
        char why[300], refusal[500];
        b->path = r->paths.items[i];
        b->fd = safe_open_input(b->path, !r->in_place, &b->file, why, sizeof why);
        if (b->fd < 0) {
            recalc_fail(b, "%s", why);
            continue;
        }
        const char *no = r->in_place ? in_place_refusal(r, b, refusal, sizeof refusal) : NULL;
        if (no) {
            recalc_fail(b, "%s", no);
            continue;
        }
        snprintf(b->copy, sizeof b->copy, "%s/%zu.%s", r->in, i + 1, inputs_extension(b->path));
        if (office_put(b->fd, b->copy) != 0)
            recalc_fail(b, "cannot copy it: %s", strerror(errno));
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
        if (recalc_exists(path))
            continue;
        const char *one[] = {b->copy};
        rc = office_convert(&r->o, one, 1, target, outdir, recalc_profile, PROC_START_SECONDS + r->timeout);
        if (rc == PROC_INTERRUPTED || cannot_run(r, rc))
            return -1;
        if (rc == PROC_TIMED_OUT) {
            char secs[32];
            snprintf(secs, sizeof secs, "%d", r->timeout);
            recalc_fail(b, "LibreOffice did not finish it within %s s (--timeout): stopped", secs);
        } else if (!recalc_exists(path)) {
            recalc_fail(b, "LibreOffice could not open it as a workbook%s", recalc_profile ? "" : " (without recalculating)");
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
    return recalc_target_for(b->path, r->format, ext);
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
    /* content.xml read from the descriptor just checked, under the readers' zip and XML guards */
    zipxml *zx = zipxml_open_fd(fd, b->after.error, sizeof b->after.error);
    int rc = zx ? flatodf_read_from(zx, &b->after) : -1;
    zipxml_close(zx);
    close(fd);
    if (rc != 0)
        snprintf(why, cap, "cannot read the recalculated workbook: %s", b->after.error);
    return rc;
}

/* Recalculate every workbook into the format it is written in (one office run per
 * format: usually one), and read the values. XLSX and XLS results are not read:
 * those workbooks are recalculated to flat ODF too, for their values. */
int recalc_recalculate(recalc *r)
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
            recalc_fail(&r->books[i], "%s", why);
    free(which);
    return rc;
}

/* The values each workbook had before, for those that show errors now: read from
 * a flat-ODF input itself, or from a conversion that does not recalculate. */
int recalc_compare_errors(recalc *r)
{
    char *which = calloc(r->n ? r->n : 1, 1), outdir[200] = "", path[PATH_MAX], why[600];
    size_t need = 0;
    for (size_t i = 0; which && i < r->n; i++) {
        workbook *b = &r->books[i];
        which[i] = !b->why[0] && recalc_count_errors(&b->after) > 0 && strcasecmp(inputs_extension(b->path), "fods") != 0;
        need += (size_t)which[i];
    }
    if (!which || (need && convert(r, "fods", "fods", 0, which, outdir, sizeof outdir) != 0)) {
        free(which);
        return -1;
    }
    for (size_t i = 0; i < r->n; i++) {
        workbook *b = &r->books[i];
        if (b->why[0] || recalc_count_errors(&b->after) == 0)
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
            recalc_fail(b, "%s", why);
        else
            b->errors = recalc_new_errors(&before, &b->after);
        input_free(&before);
    }
    free(which);
    return 0;
}
