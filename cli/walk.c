/* Walking folders given as inputs (see walk.h). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "utf8.h"
#include "walk.h"

static int push(path_list *l, const char *dir, const char *name)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return -1;
        l->items = items;
        l->cap = cap;
    }
    size_t nd = dir ? strlen(dir) : 0, nn = strlen(name);
    char *p = malloc(nd + nn + 2);
    if (!p)
        return -1;
    if (dir) {
        memcpy(p, dir, nd);
        /* "docs/" + "a.docx", not "docs//a.docx" */
        if (nd && dir[nd - 1] != '/')
            p[nd++] = '/';
    }
    memcpy(p + nd, name, nn + 1);
    l->items[l->n++] = p;
    return 0;
}

static void note(const char *path, const char *what)
{
    fputs("socinv: ", stderr);
    utf8_print_safe(stderr, path, strlen(path));
    fprintf(stderr, ": %s\n", what);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of a folder (no '.' names), sorted, as full paths in `names`. */
static int list_folder(const char *dir, path_list *names)
{
    DIR *d = opendir(dir);
    if (!d) {
        char why[300];
        snprintf(why, sizeof why, "cannot open the folder: %s", strerror(errno));
        note(dir, why);
        return 0;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            rc = push(names, dir, e->d_name);
    closedir(d);
    if (names->n)
        qsort(names->items, names->n, sizeof *names->items, by_name);
    return rc;
}

static int walk_folder(const char *dir, int depth, int (*wanted)(const char *), path_list *out)
{
    if (depth > WALK_MAX_DEPTH) {
        note(dir, "folders nested too deep: not read");
        return 0;
    }
    path_list names = {0};
    int rc = list_folder(dir, &names);
    for (size_t i = 0; i < names.n && rc == 0; i++) {
        const char *p = names.items[i];
        struct stat st;
        if (lstat(p, &st) != 0)
            continue; /* gone since the folder was read */
        if (S_ISLNK(st.st_mode))
            note(p, "a symbolic link inside a folder: not followed");
        else if (S_ISDIR(st.st_mode))
            rc = walk_folder(p, depth + 1, wanted, out);
        else if (wanted(p))
            rc = push(out, NULL, p); /* not a regular file (a FIFO named .txt): the reader says so */
    }
    path_list_free(&names);
    return rc;
}

int walk_paths(const char *const *args, size_t n, int (*wanted)(const char *path), path_list *out)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        size_t before = out->n;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (walk_folder(args[i], 0, wanted, out) != 0)
                return -1;
            if (out->n == before)
                note(args[i], "a folder with no file of a format socinv reads");
        } else if (push(out, NULL, args[i]) != 0) {
            return -1;
        }
    }
    return 0;
}

void path_list_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}
