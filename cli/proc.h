/* Running LibreOffice and friends from the command line: one place for fork,
 * exec, output to a log, a time limit, running as another user, the soffice
 * command line, and stopping it all on SIGINT/SIGTERM. */
#ifndef SOCINV_CLI_PROC_H
#define SOCINV_CLI_PROC_H

#include <stddef.h>
#include <sys/types.h>

/* Seconds LibreOffice may take to convert one file before it is stopped. */
#define PROC_CONVERT_TIMEOUT 300
#define PROC_CONVERT_TIMEOUT_TEXT "300"
/* What LibreOffice may take to start (a busy machine), on top of a conversion's
 * limit; and what a usual workbook takes, for the limit of a batch of them. */
#define PROC_START_SECONDS 60
#define PROC_SECONDS_PER_FILE 10

/* proc_run's results besides the exit code. */
#define PROC_CANNOT_RUN (-1)
#define PROC_TIMED_OUT (-2)
#define PROC_INTERRUPTED (-3)

/* Run as this user with this HOME and TMPDIR (unopkg refuses root); NULL = as we are. */
typedef struct proc_user {
    uid_t uid;
    gid_t gid;
    const char *home;
} proc_user;

/* From now on SIGINT and SIGTERM only set a flag: the child's whole process group
 * is killed at once, proc_run returns PROC_INTERRUPTED, and the caller cleans up,
 * then calls proc_exit_if_interrupted(). */
void proc_catch_signals(void);
int proc_interrupted(void);
/* Die of the signal that interrupted us (after cleaning up); no-op otherwise. */
void proc_exit_if_interrupted(void);

/* Run argv with stdout and stderr going to `log` (appended when append, else
 * truncated), in its own process group, killed after `timeout` seconds of wall
 * time (and by the kernel after `timeout` seconds of CPU, even if we die first).
 * Returns the exit code, PROC_CANNOT_RUN (also 126/127 from the child: could not
 * change user / no such program), PROC_TIMED_OUT or PROC_INTERRUPTED. */
int proc_run(char *const argv[], const char *log, int append, int timeout, const proc_user *as);

/* soffice --headless ... -env:UserInstallation=file://PROFILE --convert-to TARGET
 * --outdir OUTDIR FILE...: the one soffice command line of socinv. Each result is
 * OUTDIR/<base name of the file>.<extension of TARGET>. Returns as proc_run. */
int proc_soffice_convert(const char *soffice, const char *profile, const char *target, const char *outdir,
                         const char *const *files, size_t n, const char *log, int timeout, const proc_user *as);

/* Print the last `lines` lines of a log to stderr, indented (for error messages:
 * the log itself is removed with the private folder). */
void proc_print_log_tail(const char *log, int lines);

/* rm -rf dir (a temporary folder of ours). */
void proc_remove_tree(const char *dir);

/* Copy a file's bytes to `to`, created with `mode` (exclusive: fail if it exists;
 * else it is truncated). 0, or -1 with errno set. */
int proc_copy_file(const char *from, const char *to, mode_t mode, int exclusive);
/* Copy everything from one open file to another. 0, or -1 with errno set. */
int proc_copy_fd(int in, int out);

#endif
