/* A private, throw-away LibreOffice with the socinv add-in installed, used to
 * recalculate workbooks headless.
 *
 * As root: unopkg refuses to install into a user profile as root, and root should
 * not open untrusted workbooks anyway, so LibreOffice runs as an account of its
 * own: a uid (and gid of the same number) from the range systemd keeps for
 * dynamic users (61184-65519) that has no passwd or group entry and no process,
 * claimed by creating /tmp/socinv-office-UID (mkdir is atomic, so two runs never
 * share one). Nothing else runs as it (unlike `nobody`), so nothing else can touch
 * what it writes; nothing is added to /etc/passwd, and nothing is left behind.
 *
 * Layout: DIR (ours, 0711) holds office.log (ours) and o/ (the office's, 0700:
 * home/, recalc/ and plain/ profiles, and one folder per batch with in/ (ours,
 * the copies of the inputs) and out/ (the office's)). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "office.h"

#define DYNAMIC_UID_FIRST 61184
#define DYNAMIC_UID_COUNT (65519 - 61184 + 1)

/* Settings of the two profiles. The recalculating one: Calc recalculates every
 * formula when a document is loaded (ODF and OOXML), so the add-in's results are
 * always fresh. The plain one never recalculates: it shows what the file cached.
 * Both never update links (external data stays out: no network access) and save
 * no preview picture. */
static const char settings_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
    "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop oor:name=\"FirstRun\" "
    "oor:op=\"fuse\"><value>false</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Calc/Content/Update\"><prop oor:name=\"Link\" "
    "oor:op=\"fuse\"><value>1</value></prop></item>\n"
    /* rendering a preview picture into every saved .ods costs more than the recalculation */
    "<item oor:path=\"/org.openoffice.Office.Common/Save/Document\"><prop oor:name=\"GenerateThumbnail\" "
    "oor:op=\"fuse\"><value>false</value></prop></item>\n";
static const char settings_recalc_fmt[] =
    "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"ODFRecalcMode\" "
    "oor:op=\"fuse\"><value>%d</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\" "
    "oor:op=\"fuse\"><value>%d</value></prop></item>\n"
    "</oor:items>\n";

static void set_err(char *err, size_t cap, const char *msg, const char *detail)
{
    snprintf(err, cap, "%s%s%s", msg, detail && *detail ? ": " : "", detail ? detail : "");
}

/* Make a folder for the office: its own when `office_owned`, else ours (readable). */
static int make_dir(const office *o, const char *path, int office_owned)
{
    if (mkdir(path, office_owned ? 0700 : 0755) != 0)
        return -1;
    if (office_owned && o->own_account && lchown(path, o->user.uid, o->user.gid) != 0)
        return -1;
    return 0;
}

static int uid_has_process(uid_t uid)
{
    DIR *d = opendir("/proc");
    if (!d)
        return 1; /* cannot tell: do not use it */
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(d)) != NULL) {
        struct stat st;
        if (e->d_name[0] >= '1' && e->d_name[0] <= '9' && fstatat(dirfd(d), e->d_name, &st, 0) == 0)
            found = st.st_uid == uid;
    }
    closedir(d);
    return found;
}

/* As root: choose the office's account and claim it with our folder. */
static int claim_account(office *o)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    unsigned start = (unsigned)(now.tv_nsec ^ (getpid() * 7919u)) % DYNAMIC_UID_COUNT;
    for (unsigned k = 0; k < DYNAMIC_UID_COUNT; k++) {
        uid_t uid = DYNAMIC_UID_FIRST + (start + k) % DYNAMIC_UID_COUNT;
        if (getpwuid(uid) || getgrgid((gid_t)uid) || uid_has_process(uid))
            continue;
        snprintf(o->dir, sizeof o->dir, "/tmp/socinv-office-%u", (unsigned)uid);
        if (mkdir(o->dir, 0700) != 0) {
            if (errno == EEXIST)
                continue; /* another run's (or a killed run's): not ours */
            return -1;
        }
        o->own_account = 1;
        o->user.uid = uid;
        o->user.gid = (gid_t)uid;
        return chmod(o->dir, 0711);
    }
    errno = EAGAIN;
    return -1;
}

static int write_settings(const office *o, const char *profile, int recalc)
{
    char path[200];
    snprintf(path, sizeof path, "%s/user/registrymodifications.xcu", profile);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        return -1;
    }
    int mode = recalc ? 0 : 1; /* 0: always recalculate on load, 1: never */
    int ok = fputs(settings_head, f) >= 0 && fprintf(f, settings_recalc_fmt, mode, mode) > 0;
    ok = fflush(f) == 0 && ok && (!o->own_account || fchown(fd, o->user.uid, o->user.gid) == 0);
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* The folders and the two profiles' settings. */
static int make_profiles(office *o)
{
    snprintf(o->area, sizeof o->area, "%s/o", o->dir);
    snprintf(o->home, sizeof o->home, "%s/home", o->area);
    snprintf(o->recalc, sizeof o->recalc, "%s/recalc", o->area);
    snprintf(o->plain, sizeof o->plain, "%s/plain", o->area);
    snprintf(o->log, sizeof o->log, "%s/office.log", o->dir);
    char recalc_user[128], plain_user[128];
    snprintf(recalc_user, sizeof recalc_user, "%s/user", o->recalc);
    snprintf(plain_user, sizeof plain_user, "%s/user", o->plain);
    const char *dirs[] = {o->area, o->home, o->recalc, recalc_user, o->plain, plain_user};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
        if (make_dir(o, dirs[i], 1) != 0)
            return -1;
    int fd = open(o->log, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    close(fd);
    return write_settings(o, o->recalc, 1) == 0 && write_settings(o, o->plain, 0) == 0 ? 0 : -1;
}

static int install_addin(office *o, const char *unopkg, const char *oxt, char *err, size_t errcap)
{
    char copy[sizeof o->area + 16];
    snprintf(copy, sizeof copy, "%s/socinv.oxt", o->area);
    int in = open(oxt, O_RDONLY | O_CLOEXEC);
    if (in < 0 || office_put(in, copy) != 0) {
        set_err(err, errcap, "cannot read the add-in", oxt);
        if (in >= 0)
            close(in);
        return -1;
    }
    close(in);
    char env[sizeof o->recalc + 40];
    snprintf(env, sizeof env, "-env:UserInstallation=file://%s", o->recalc);
    char *argv[] = {(char *)unopkg, "add", "--suppress-license", env, copy, NULL};
    int rc = proc_run(argv, o->log, 1, 300, o->own_account ? &o->user : NULL);
    if (rc == 0)
        return 0;
    if (rc == PROC_INTERRUPTED)
        set_err(err, errcap, "interrupted", NULL);
    else if (rc == 127)
        set_err(err, errcap, "unopkg not found (install libreoffice-calc, or give --unopkg PATH)", unopkg);
    else {
        set_err(err, errcap, "unopkg could not install the add-in", oxt);
        proc_print_log_tail(o->log, 8);
    }
    return -1;
}

int office_open(office *o, const char *soffice, const char *unopkg, const char *oxt, char *err, size_t errcap)
{
    memset(o, 0, sizeof *o);
    o->soffice = soffice;
    if (geteuid() == 0 ? claim_account(o) != 0
                       : (snprintf(o->dir, sizeof o->dir, "/tmp/socinv-office-XXXXXX"), !mkdtemp(o->dir))) {
        set_err(err, errcap, "cannot make a private folder in /tmp", strerror(errno));
        o->dir[0] = '\0';
        return -1;
    }
    o->user.home = o->home;
    if (make_profiles(o) != 0) {
        set_err(err, errcap, "cannot prepare the private LibreOffice profiles", strerror(errno));
        return -1;
    }
    return oxt ? install_addin(o, unopkg, oxt, err, errcap) : 0;
}

int office_batch(office *o, char *in, char *out, size_t cap)
{
    char batch[sizeof o->area + 24];
    snprintf(batch, sizeof batch, "%s/%d", o->area, ++o->batches);
    snprintf(in, cap, "%s/in", batch);
    snprintf(out, cap, "%s/out", batch);
    return make_dir(o, batch, 1) == 0 && make_dir(o, in, 0) == 0 && make_dir(o, out, 1) == 0 ? 0 : -1;
}

int office_put(int from, const char *to)
{
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (out < 0)
        return -1;
    int rc = proc_copy_fd(from, out), e = errno;
    if (close(out) != 0 && rc == 0)
        return -1;
    errno = e;
    return rc;
}

int office_convert(office *o, const char *const *files, size_t n, const char *target, const char *outdir,
                   int recalc, int timeout)
{
    return proc_soffice_convert(o->soffice, recalc ? o->recalc : o->plain, target, outdir, files, n, o->log, timeout,
                                o->own_account ? &o->user : NULL);
}

int office_open_result(const office *o, const char *path)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    uid_t owner = o->own_account ? o->user.uid : geteuid();
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != owner || st.st_nlink != 1) {
        close(fd);
        errno = EPERM;
        return -1;
    }
    return fd;
}

void office_close(office *o, int keep)
{
    if (!o->dir[0])
        return;
    if (keep) {
        fprintf(stderr, "socinv: kept %s\n", o->dir);
        return;
    }
    proc_remove_tree(o->dir);
    o->dir[0] = '\0';
}
