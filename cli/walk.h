/* The paths a command was given, with folders walked for the files it reads. */
#ifndef SOCINV_CLI_WALK_H
#define SOCINV_CLI_WALK_H

#include <stddef.h>

typedef struct path_list {
    char **items;
    size_t n, cap;
} path_list;

/* Append each of args to out; a folder is replaced by the files under it (all
 * levels, at most WALK_MAX_DEPTH deep) whose names `wanted` accepts, in name order.
 * Inside a folder, names starting with '.' (hidden files, LibreOffice's lock files)
 * are left out and symbolic links are not followed (a link could lead out of the
 * folder, or in a circle): each link skipped is named on stderr. A path given
 * itself is taken as it is, link or not. Returns 0, or -1 when out of memory. */
#define WALK_MAX_DEPTH 32
int walk_paths(const char *const *args, size_t n, int (*wanted)(const char *path), path_list *out);
void path_list_free(path_list *l);

#endif
