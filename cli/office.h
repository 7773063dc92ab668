/* A private, throw-away LibreOffice profile with the add-in, for recalculating workbooks. */
#ifndef SOCINV_CLI_OFFICE_H
#define SOCINV_CLI_OFFICE_H

#include <sys/types.h>

typedef struct office {
    char dir[64];       /* /tmp/socinv-office-XXXXXX: home/, profile/, work/, office.log */
    char home[96], profile[96], work[96], log[96];
    char env[160];      /* -env:UserInstallation=file://... */
    const char *soffice;
    int as_nobody;      /* root: unopkg and soffice run as `nobody` */
    uid_t uid;
    gid_t gid;
} office;

/* Make the profile and install the .oxt (NULL: no add-in). 0, or -1 with err set. */
int office_open(office *o, const char *soffice, const char *unopkg, const char *oxt, char *err, size_t errcap);
/* Copy a file in where the office user can read it. */
int office_copy_in(const office *o, const char *from, const char *to);
/* soffice --convert-to target --outdir outdir file, in the profile; returns soffice's
 * exit code, -1 if it could not run, -2 on timeout. The output may still be missing:
 * check for it. */
int office_convert(office *o, const char *file, const char *target, const char *outdir, int timeout);
/* Remove everything (keep: leave it for debugging, and say where). */
void office_close(office *o, int keep);

#endif
