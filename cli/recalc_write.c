/* socinv recalc: the recalculated workbooks written beside the inputs or into --out. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "recalc.h"

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
            recalc_fail(b, "not replaced: cells became errors (listed above)", NULL);
            return;
        }
        t.dirfd = b->file.dirfd;
        t.name = b->file.name;
        t.replace = &b->file;
    } else {
        char s[256];
        recalc_stem(b->path, s, sizeof s);
        snprintf(name, sizeof name, "%s.%s", s, ext);
        const char *no = out_refusal(r, name, why, sizeof why);
        if (no) {
            recalc_fail(b, "%s", no);
            return;
        }
        /* not more readable than the input */
        t.mode = b->file.st.st_mode & 0666 & ~r->umask;
    }
    int fd = office_open_result(&r->o, result);
    struct stat done;
    if (fd < 0) {
        recalc_fail(b, "LibreOffice's result is not a plain file of its own: %s", strerror(errno));
        return;
    }
    int rc = safe_write(fd, &t, &done, why, sizeof why);
    close(fd);
    if (rc != 0) {
        recalc_fail(b, "%s", why);
        return;
    }
    if (r->in_place)
        snprintf(b->written, sizeof b->written, "%s", b->path);
    else
        snprintf(b->written, sizeof b->written, "%s/%s", r->out, name);
    r->written[r->nwritten++] = done;
}

/* Write every recalculated workbook. */
int recalc_write_results(recalc *r)
{
    r->written = calloc(r->n ? r->n : 1, sizeof *r->written);
    if (!r->written)
        return -1;
    for (size_t i = 0; i < r->n && !proc_interrupted(); i++)
        if (!r->books[i].why[0])
            write_one(r, &r->books[i], r->books[i].result, r->books[i].ext);
    return proc_interrupted() ? -1 : 0;
}
