/* Running LibreOffice and friends from the command line: one place for fork,
 * exec, output to a log, a time limit, and running as another user. */
#ifndef SOCINV_CLI_PROC_H
#define SOCINV_CLI_PROC_H

#include <sys/types.h>

/* Run as this user with this HOME (unopkg refuses root); NULL = as we are. */
typedef struct proc_user {
    uid_t uid;
    gid_t gid;
    const char *home;
} proc_user;

/* Run argv with stdout and stderr going to `log` (appended when append, else
 * truncated), killing its whole process group after `timeout` seconds. Returns
 * the exit code, -1 if it could not be run (126/127 from the child: could not
 * change user / no such program), -2 on timeout. */
int proc_run(char *const argv[], const char *log, int append, int timeout, const proc_user *as);

/* rm -rf dir (a temporary folder of ours). */
void proc_remove_tree(const char *dir);

/* Copy a file's bytes to `to`, created with `mode` (exclusive: fail if it exists;
 * else it is truncated). 0, or -1 with errno set. */
int proc_copy_file(const char *from, const char *to, mode_t mode, int exclusive);

#endif
