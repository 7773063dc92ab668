/* Reading and writing workbooks in shared folders without following links,
 * without replacing what was not read, and without ever leaving half a file. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc.h"
#include "safewrite.h"

int safe_open_dir(const char *path)
{
    return open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

void safe_file_close(safe_file *f)
{
    if (f->dirfd >= 0)
        close(f->dirfd);
    f->dirfd = -1;
}

int safe_open_input(const char *path, int follow_dir, safe_file *f, char *why, size_t cap)
{
    memset(f, 0, sizeof *f);
    f->dirfd = -1;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1, slash ? path : ".");
    if (strlen(base) >= sizeof f->name || !*base) {
        snprintf(why, cap, "not a file name");
        return -1;
    }
    snprintf(f->name, sizeof f->name, "%s", base);
    f->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow_dir ? 0 : O_NOFOLLOW));
    if (f->dirfd < 0) {
        snprintf(why, cap, errno == ENOTDIR || errno == ELOOP ? "its folder is a symbolic link: name the real folder"
                                                              : "cannot open its folder: %s",
                 strerror(errno));
        return -1;
    }
    int fd = openat(f->dirfd, f->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP)
            snprintf(why, cap, "a symbolic link: not followed (name the file it points to)");
        else
            snprintf(why, cap, "cannot read it: %s", strerror(errno));
        safe_file_close(f);
        return -1;
    }
    if (fstat(fd, &f->st) != 0 || !S_ISREG(f->st.st_mode)) {
        snprintf(why, cap, "not a regular file");
        close(fd);
        safe_file_close(f);
        return -1;
    }
    fcntl(fd, F_SETFL, 0); /* O_NONBLOCK only kept a FIFO from blocking the open */
    return fd;
}

/* The next comma-separated field of a lock file (a backslash escapes a comma). */
static const char *lock_field(const char *p, char *out, size_t cap)
{
    size_t o = 0;
    for (; *p && *p != ',' && *p != ';' && *p != '\n'; p++) {
        if (*p == '\\' && p[1])
            p++;
        if (o + 1 < cap && (unsigned char)*p >= 0x20)
            out[o++] = *p;
    }
    out[o] = '\0';
    return *p == ',' ? p + 1 : p;
}

int safe_locked(int dirfd, const char *name, char *who, size_t cap)
{
    char lock[300];
    snprintf(lock, sizeof lock, ".~lock.%s#", name);
    struct stat st;
    if (fstatat(dirfd, lock, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return 0;
    snprintf(who, cap, "someone (the lock file %s cannot be read)", lock);
    int fd = openat(dirfd, lock, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return 1;
    char text[1024];
    ssize_t got = S_ISREG(st.st_mode) ? read(fd, text, sizeof text - 1) : -1;
    close(fd);
    if (got <= 0)
        return 1;
    text[got] = '\0';
    /* LibreOffice writes: name,system user,host,time,profile; */
    char person[128], user[64], host[128], since[64];
    const char *p = lock_field(text, person, sizeof person);
    p = lock_field(p, user, sizeof user);
    p = lock_field(p, host, sizeof host);
    lock_field(p, since, sizeof since);
    snprintf(who, cap, "%s (%s on %s since %s)", *person ? person : user, user, host, since);
    return 1;
}

int safe_unchanged(const safe_file *f, char *why, size_t cap)
{
    struct stat now;
    if (fstatat(f->dirfd, f->name, &now, AT_SYMLINK_NOFOLLOW) != 0) {
        snprintf(why, cap, "it was removed during the run");
        return -1;
    }
    if (now.st_dev != f->st.st_dev || now.st_ino != f->st.st_ino) {
        snprintf(why, cap, "it was replaced by another file during the run");
        return -1;
    }
    if (now.st_size != f->st.st_size || now.st_mtim.tv_sec != f->st.st_mtim.tv_sec ||
        now.st_mtim.tv_nsec != f->st.st_mtim.tv_nsec) {
        snprintf(why, cap, "it was changed during the run (saved by someone else?)");
        return -1;
    }
    return 0;
}

/* A new, empty, private file .NAME.socinv-XXXXXX in the folder. */
static int make_temp(int dirfd, const char *name, char *tmp, size_t cap)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int attempt = 0; attempt < 100; attempt++) {
        unsigned char r[8];
        if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
            return -1;
        char suffix[sizeof r + 1];
        for (size_t i = 0; i < sizeof r; i++)
            suffix[i] = letters[r[i] % (sizeof letters - 1)];
        suffix[sizeof r] = '\0';
        snprintf(tmp, cap, ".%.200s.socinv-%s", name, suffix);
        int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

/* Give the temporary file the replaced file's owner, group and mode (chown first: it
 * clears set-id bits). Refuse when the owner cannot be kept. */
static int keep_owner_and_mode(int fd, const struct stat *old, char *why, size_t cap)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -1;
    if ((st.st_uid != old->st_uid || st.st_gid != old->st_gid) && fchown(fd, old->st_uid, old->st_gid) != 0) {
        snprintf(why, cap, "cannot keep its owner %u:%u (%s): run as its owner or as root", (unsigned)old->st_uid,
                 (unsigned)old->st_gid, strerror(errno));
        return -1;
    }
    if (fchmod(fd, old->st_mode & 07777) != 0) {
        snprintf(why, cap, "cannot keep its mode: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* Put the finished temporary file in place: over the replaced file, or only where
 * nothing exists (unless overwrite). */
static int place(const safe_target *t, const char *tmp, char *why, size_t cap)
{
    if (t->replace) {
        char changed[160], who[300];
        if (safe_unchanged(t->replace, changed, sizeof changed) != 0) {
            snprintf(why, cap, "not replaced: %s", changed);
            return -1;
        }
        if (safe_locked(t->dirfd, t->name, who, sizeof who)) {
            snprintf(why, cap, "not replaced: it was opened in LibreOffice by %s during the run", who);
            return -1;
        }
    }
    if (t->replace || t->overwrite) {
        if (renameat(t->dirfd, tmp, t->dirfd, t->name) == 0)
            return 0;
    } else {
        if (renameat2(t->dirfd, tmp, t->dirfd, t->name, RENAME_NOREPLACE) == 0)
            return 0;
        if (errno == EINVAL || errno == ENOSYS) { /* a file system without it: link never replaces either */
            if (linkat(t->dirfd, tmp, t->dirfd, t->name, 0) == 0) {
                unlinkat(t->dirfd, tmp, 0);
                return 0;
            }
        }
        if (errno == EEXIST) {
            snprintf(why, cap, "it exists (made during the run): not replaced");
            return -1;
        }
    }
    snprintf(why, cap, "cannot rename the written file into place: %s", strerror(errno));
    return -1;
}

int safe_write(int from, const safe_target *t, struct stat *written, char *why, size_t cap)
{
    char tmp[300];
    int fd = make_temp(t->dirfd, t->name, tmp, sizeof tmp);
    if (fd < 0) {
        snprintf(why, cap, "cannot create a temporary file beside it: %s", strerror(errno));
        return -1;
    }
    int ok = 0;
    if (proc_copy_fd(from, fd) != 0 || fsync(fd) != 0)
        snprintf(why, cap, "cannot write it: %s", strerror(errno));
    else if (t->replace && keep_owner_and_mode(fd, &t->replace->st, why, cap) != 0)
        ; /* why says it */
    else if (!t->replace && fchmod(fd, t->mode) != 0)
        snprintf(why, cap, "cannot set its mode: %s", strerror(errno));
    else if (fstat(fd, written) != 0)
        snprintf(why, cap, "cannot write it: %s", strerror(errno));
    else if (proc_interrupted())
        snprintf(why, cap, "interrupted");
    else
        ok = 1;
    if (close(fd) != 0 && ok) {
        snprintf(why, cap, "cannot write it: %s", strerror(errno));
        ok = 0;
    }
    if (ok && place(t, tmp, why, cap) == 0)
        return 0;
    unlinkat(t->dirfd, tmp, 0);
    return -1;
}
