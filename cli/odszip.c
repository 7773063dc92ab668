/* content.xml of an .ods, extracted with a size limit and read as flat ODF (its root,
 * office:document-content, holds the same office:body as a .fods). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "flatodf.h"
#include "odszip.h"

/* Copy content.xml to the open file `out`, at most ODSZIP_MAX_CONTENT bytes. */
static int extract(zip_t *z, int out, input *in)
{
    zip_file_t *f = zip_fopen(z, "content.xml", 0);
    if (!f) {
        snprintf(in->error, sizeof in->error, "the recalculated .ods has no content.xml");
        return -1;
    }
    char buf[65536];
    size_t total = 0;
    zip_int64_t got;
    int rc = 0;
    while (rc == 0 && (got = zip_fread(f, buf, sizeof buf)) > 0) {
        total += (size_t)got;
        if (total > ODSZIP_MAX_CONTENT) {
            snprintf(in->error, sizeof in->error, "the recalculated .ods is too large to read (content over %zu MB)",
                     ODSZIP_MAX_CONTENT >> 20);
            rc = -1;
        } else if (write(out, buf, (size_t)got) != got) {
            snprintf(in->error, sizeof in->error, "cannot extract the recalculated values: %s", strerror(errno));
            rc = -1;
        }
    }
    if (rc == 0 && got < 0) {
        snprintf(in->error, sizeof in->error, "the recalculated .ods is damaged");
        rc = -1;
    }
    zip_fclose(f);
    return rc;
}

int odszip_read(int fd, const char *scratch, input *in)
{
    int mine = dup(fd), err = 0;
    zip_t *z = mine >= 0 ? zip_fdopen(mine, ZIP_RDONLY, &err) : NULL;
    if (!z) {
        if (mine >= 0)
            close(mine);
        snprintf(in->error, sizeof in->error, "the recalculated .ods is not a readable ZIP archive");
        return -1;
    }
    int out = open(scratch, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    int rc = out < 0 ? -1 : extract(z, out, in);
    if (out < 0)
        snprintf(in->error, sizeof in->error, "cannot extract the recalculated values: %s", strerror(errno));
    if (out >= 0 && close(out) != 0 && rc == 0) {
        snprintf(in->error, sizeof in->error, "cannot extract the recalculated values: %s", strerror(errno));
        rc = -1;
    }
    zip_discard(z);
    if (rc == 0)
        rc = flatodf_read(scratch, in);
    if (out >= 0)
        unlink(scratch);
    return rc;
}
