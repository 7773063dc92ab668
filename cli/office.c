/* A private, throw-away LibreOffice profile with the socinv add-in installed,
 * used to recalculate workbooks headless. unopkg refuses to install into a
 * user profile as root, so as root everything runs as the user `nobody`. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "office.h"
#include "proc.h"

/* Calc recalculates every formula when a document is loaded (ODF and OOXML):
 * the add-in's results in a recalculated file are always fresh. */
static const char registry[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
    "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"ODFRecalcMode\" "
    "oor:op=\"fuse\"><value>0</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\" "
    "oor:op=\"fuse\"><value>0</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop oor:name=\"FirstRun\" "
    "oor:op=\"fuse\"><value>false</value></prop></item>\n"
    "</oor:items>\n";

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static int give(const office *o, const char *path)
{
    return o->as_nobody ? chown(path, o->uid, o->gid) : 0;
}

int office_copy_in(const office *o, const char *from, const char *to)
{
    if (proc_copy_file(from, to, 0644, 0) != 0)
        return -1;
    chmod(to, 0644);
    return give(o, to);
}

/* unopkg and soffice run as the profile's owner. */
static int run_as(const office *o, char *const argv[], int timeout)
{
    proc_user nobody = {o->uid, o->gid, o->home};
    return proc_run(argv, o->log, 1, timeout, o->as_nobody ? &nobody : NULL);
}

static void set_err(char *err, size_t cap, const char *msg, const char *detail)
{
    snprintf(err, cap, "%s%s%s", msg, detail && *detail ? ": " : "", detail ? detail : "");
}

int office_open(office *o, const char *soffice, const char *unopkg, const char *oxt, char *err, size_t errcap)
{
    memset(o, 0, sizeof *o);
    o->soffice = soffice;
    snprintf(o->dir, sizeof o->dir, "/tmp/socinv-office-XXXXXX");
    if (!mkdtemp(o->dir)) {
        set_err(err, errcap, "cannot make a temporary directory", strerror(errno));
        return -1;
    }
    chmod(o->dir, 0755);
    if (geteuid() == 0) {
        struct passwd *pw = getpwnam("nobody");
        if (!pw) {
            set_err(err, errcap, "running as root needs the user 'nobody' (unopkg refuses root)", NULL);
            return -1;
        }
        o->as_nobody = 1;
        o->uid = pw->pw_uid;
        o->gid = pw->pw_gid;
    }
    char user[sizeof o->profile + 8];
    snprintf(o->home, sizeof o->home, "%s/home", o->dir);
    snprintf(o->profile, sizeof o->profile, "%s/profile", o->dir);
    snprintf(o->work, sizeof o->work, "%s/work", o->dir);
    snprintf(o->log, sizeof o->log, "%s/office.log", o->dir);
    snprintf(user, sizeof user, "%s/user", o->profile);
    const char *dirs[] = {o->home, o->profile, user, o->work};
    for (size_t i = 0; i < 4; i++) {
        if (mkdir(dirs[i], 0755) != 0 || give(o, dirs[i]) != 0) {
            set_err(err, errcap, "cannot prepare the private LibreOffice profile", strerror(errno));
            return -1;
        }
    }
    char reg[sizeof user + 40];
    snprintf(reg, sizeof reg, "%s/registrymodifications.xcu", user);
    if (write_file(reg, registry) != 0 || give(o, reg) != 0) {
        set_err(err, errcap, "cannot write the profile's settings", strerror(errno));
        return -1;
    }
    int fd = open(o->log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0)
        close(fd);
    give(o, o->log);
    snprintf(o->env, sizeof o->env, "-env:UserInstallation=file://%s", o->profile);
    if (!oxt)
        return 0;

    char copy[sizeof o->dir + 32];
    snprintf(copy, sizeof copy, "%s/socinv.oxt", o->dir);
    if (office_copy_in(o, oxt, copy) != 0) {
        set_err(err, errcap, "cannot read the add-in", oxt);
        return -1;
    }
    char *argv[] = {(char *)unopkg, "add", "--suppress-license", o->env, copy, NULL};
    int rc = run_as(o, argv, 300);
    if (rc != 0) {
        set_err(err, errcap, rc == 127 ? "unopkg not found (install libreoffice-calc)"
                                       : "unopkg could not install the add-in; see the log",
                o->log);
        return -1;
    }
    return 0;
}

int office_convert(office *o, const char *file, const char *target, const char *outdir, int timeout)
{
    char *argv[] = {(char *)o->soffice, "--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
                    o->env, "--convert-to", (char *)target, "--outdir", (char *)outdir, (char *)file, NULL};
    return run_as(o, argv, timeout);
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
