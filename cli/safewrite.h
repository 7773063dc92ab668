/* Reading workbooks from, and writing them into, folders other people can write
 * (socinv recalc, often as root): every file is opened relative to a descriptor of
 * its folder, never through a link, and written under a fresh temporary name
 * (O_EXCL) that is renamed into place only when complete. */
#ifndef SOCINV_CLI_SAFEWRITE_H
#define SOCINV_CLI_SAFEWRITE_H

#include <stddef.h>
#include <sys/stat.h>

/* A file as it was read: its folder, its name there, and its identity and state. */
typedef struct safe_file {
    int dirfd;          /* its folder (O_DIRECTORY), -1 when not open */
    char name[256];     /* its name in that folder */
    struct stat st;     /* when it was opened: device, inode, size, mtime, owner, mode, links */
} safe_file;

/* Open a folder for writing into: not a link, a folder. The descriptor, or -1. */
int safe_open_dir(const char *path);

/* Open an existing file for reading: never a link, only a regular file (its folder
 * is followed only when follow_dir). Fills f; returns the descriptor, or -1 with the
 * reason in why. Close f->dirfd with safe_file_close. */
int safe_open_input(const char *path, int follow_dir, safe_file *f, char *why, size_t cap);
void safe_file_close(safe_file *f);

/* Is the file open in LibreOffice (a lock file .~lock.NAME# beside it)? 1 with who
 * holds it ("Ann Hansen (ann on pc12 since 02.12.2026 09:14)") in who, else 0. */
int safe_locked(int dirfd, const char *name, char *who, size_t cap);

/* 0 when the file is still the one that was read (same inode, size, mtime), else
 * -1 with what changed in why. */
int safe_unchanged(const safe_file *f, char *why, size_t cap);

/* How safe_write may place the file. */
typedef struct safe_target {
    int dirfd;
    const char *name;
    const safe_file *replace;   /* --in-place: replace this file, keeping its owner, group and mode,
                                   only if unchanged and not locked; NULL: a new file */
    int overwrite;              /* a new file may replace an existing one (not for `replace`) */
    mode_t mode;                /* of a new file */
} safe_target;

/* Write everything from `from` to the target (temporary name, then rename). The
 * written file's device and inode go to *written. 0, or -1 with the reason in why
 * (then nothing was changed and no temporary file is left). */
int safe_write(int from, const safe_target *t, struct stat *written, char *why, size_t cap);

#endif
