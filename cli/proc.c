/* fork/exec with a log, a time limit, an optional user switch, and SIGINT/SIGTERM
 * handling: the one place that runs LibreOffice. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "proc.h"

/* What a signal handler may touch: the signal seen, and the running child's group. */
static volatile sig_atomic_t caught_signal;
static volatile sig_atomic_t running_group;

static void on_signal(int sig)
{
    caught_signal = sig;
    if (running_group > 0)
        kill(-(pid_t)running_group, SIGKILL);
}

void proc_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

int proc_interrupted(void)
{
    return caught_signal != 0;
}

void proc_exit_if_interrupted(void)
{
    if (!caught_signal)
        return;
    int sig = caught_signal;
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig);
}

/* In the child: log, own group, limits, user; then exec. Never returns. */
static void exec_child(char *const argv[], const char *log, int append, int timeout, const proc_user *as)
{
    int fd = open(log, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0600);
    if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
    }
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    setpgid(0, 0); /* its own group: a timeout kills soffice.bin too, not just the wrapper */
    /* if socinv itself is killed (-9), the child dies with it, and no descendant may
     * burn more CPU than the whole conversion was allowed in wall time */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    struct rlimit cpu = {(rlim_t)timeout, (rlim_t)timeout + 5};
    setrlimit(RLIMIT_CPU, &cpu);
    if (as) {
        /* its own folder for HOME and for temporary files: the caller's TMPDIR may be
         * one only the caller can write */
        setenv("HOME", as->home, 1);
        setenv("TMPDIR", as->home, 1);
        if (setgroups(0, NULL) != 0 || setgid(as->gid) != 0 || setuid(as->uid) != 0)
            _exit(126);
    }
    execvp(argv[0], argv);
    _exit(127);
}

int proc_run(char *const argv[], const char *log, int append, int timeout, const proc_user *as)
{
    if (caught_signal)
        return PROC_INTERRUPTED;
    pid_t pid = fork();
    if (pid < 0)
        return PROC_CANNOT_RUN;
    if (pid == 0)
        exec_child(argv, log, append, timeout, as);
    setpgid(pid, pid);
    running_group = pid;
    if (caught_signal) /* a signal between fork and here */
        kill(-pid, SIGKILL);
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int status, rc;
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) {
            rc = caught_signal ? PROC_INTERRUPTED : WIFEXITED(status) ? WEXITSTATUS(status) : PROC_CANNOT_RUN;
            break;
        }
        if (r < 0 && errno != EINTR) {
            rc = PROC_CANNOT_RUN;
            break;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (caught_signal || now.tv_sec - start.tv_sec > timeout) {
            rc = caught_signal ? PROC_INTERRUPTED : PROC_TIMED_OUT;
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    /* soffice.bin may outlive the wrapper in the same group: nothing of ours keeps running */
    kill(-pid, SIGKILL);
    running_group = 0;
    return rc;
}

int proc_soffice_convert(const char *soffice, const char *profile, const char *target, const char *outdir,
                         const char *const *files, size_t n, const char *log, int timeout, const proc_user *as)
{
    char env[4200];
    snprintf(env, sizeof env, "-env:UserInstallation=file://%s", profile);
    char **argv = calloc(n + 12, sizeof *argv);
    if (!argv)
        return PROC_CANNOT_RUN;
    size_t a = 0;
    argv[a++] = (char *)soffice;
    argv[a++] = "--headless";
    argv[a++] = "--norestore";
    argv[a++] = "--nologo";
    argv[a++] = "--nolockcheck";
    argv[a++] = "--nodefault";
    argv[a++] = env;
    argv[a++] = "--convert-to";
    argv[a++] = (char *)target;
    argv[a++] = "--outdir";
    argv[a++] = (char *)outdir;
    for (size_t i = 0; i < n; i++)
        argv[a++] = (char *)files[i];
    argv[a] = NULL;
    int rc = proc_run(argv, log, 1, timeout, as);
    free(argv);
    return rc;
}

void proc_print_log_tail(const char *log, int lines)
{
    int fd = open(log, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    char buf[4096];
    off_t end = lseek(fd, 0, SEEK_END);
    off_t from = end > (off_t)sizeof buf - 1 ? end - (off_t)sizeof buf + 1 : 0;
    ssize_t got = pread(fd, buf, sizeof buf - 1, from);
    close(fd);
    if (got <= 0)
        return;
    buf[got] = '\0';
    char *p = buf + got;
    for (int seen = 0; p > buf; p--)
        if (p[-1] == '\n' && p != buf + got && ++seen > lines)
            break;
    fprintf(stderr, "  the last lines LibreOffice wrote:\n");
    for (char *line = strtok(p, "\n"); line; line = strtok(NULL, "\n"))
        fprintf(stderr, "  | %s\n", line);
}

void proc_remove_tree(const char *dir)
{
    char *argv[] = {"rm", "-rf", "--one-file-system", (char *)dir, NULL};
    /* cleaning up also after an interruption: run even when a signal was caught */
    sig_atomic_t sig = caught_signal;
    caught_signal = 0;
    proc_run(argv, "/dev/null", 1, 120, NULL);
    caught_signal = sig;
}

int proc_copy_fd(int in, int out)
{
    char buf[65536];
    for (;;) {
        ssize_t got = read(in, buf, sizeof buf);
        if (got == 0)
            return 0;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        for (ssize_t done = 0; done < got;) {
            ssize_t w = write(out, buf + done, (size_t)(got - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                if (w == 0)
                    errno = EIO;
                return -1;
            }
            done += w;
        }
    }
}

int proc_copy_file(const char *from, const char *to, mode_t mode, int exclusive)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -1;
    int out = open(to, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), mode);
    if (out < 0) {
        int e = errno;
        close(in);
        errno = e;
        return -1;
    }
    int rc = proc_copy_fd(in, out), e = errno;
    close(in);
    if (close(out) != 0 && rc == 0)
        return -1;
    errno = e;
    return rc;
}
