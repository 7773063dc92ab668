/* A private, throw-away LibreOffice for recalculating workbooks: two profiles (one
 * with the add-in that recalculates on load, one plain that keeps the cached values),
 * and, as root, an account of its own. */
#ifndef SOCINV_CLI_OFFICE_H
#define SOCINV_CLI_OFFICE_H

#include <stddef.h>
#include <sys/types.h>

#include "proc.h"

typedef struct office {
    char dir[80];       /* /tmp/socinv-office-*: ours; office.log, and o/ */
    char area[96];      /* dir/o: the office account's; home/, recalc/, plain/, and the batches */
    char home[112], recalc[112], plain[112], log[112];
    const char *soffice;
    int own_account;    /* root: unopkg and soffice run as user.uid, which nothing else uses */
    proc_user user;
    int batches;        /* folders made by office_batch so far */
} office;

/* Make the profiles and install the .oxt into the recalculating one. 0, or -1
 * with err set (and the log's last lines printed). */
int office_open(office *o, const char *soffice, const char *unopkg, const char *oxt, char *err, size_t errcap);
/* Make a new batch: BATCH/in (ours, the office may read) and BATCH/out (the
 * office's). The paths are written to in and out (cap bytes each). 0 or -1. */
int office_batch(office *o, char *in, char *out, size_t cap);
/* Copy an open file to a new file `to` (in a batch's in/) the office may read. 0 or -1. */
int office_put(int from, const char *to);
/* Convert files (in a batch's in/) to TARGET into outdir: recalc = 1 in the profile
 * with the add-in that recalculates on load; 0 in the plain one that keeps every
 * cached value. Returns as proc_run. */
int office_convert(office *o, const char *const *files, size_t n, const char *target, const char *outdir,
                   int recalc, int timeout);
/* Open a file the office wrote: not a link, a regular file owned by the office
 * account with one link. The descriptor, or -1 (errno set; EPERM: not the office's). */
int office_open_result(const office *o, const char *path);
/* Remove everything (keep: leave it for debugging, and say where). */
void office_close(office *o, int keep);

#endif
