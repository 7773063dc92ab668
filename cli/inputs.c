/* Reading inputs: text, ODF (.ods/.odt/.fods/.fodt) and OOXML (.docx/.xlsx/.xlsm)
 * directly; the formats only LibreOffice reads (.xls, .doc, .rtf) through it headless. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "flatodf.h"
#include "ooxml.h"
#include "inputs.h"
#include "layout.h"
#include "pdf.h"
#include "proc.h"
#include "utf8.h"
#include "zipxml.h"

/* Largest text input read into memory. */
#define MAX_TEXT_BYTES ((size_t)256 << 20)

typedef enum { AS_TEXT, AS_SHEET, AS_DOCUMENT, AS_FLAT, AS_PDF } treat;

const char *inputs_extension(const char *path)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    return dot && (!slash || dot > slash) ? dot + 1 : "";
}

static int ext_is(const char *ext, const char *const *list)
{
    for (; *list; list++)
        if (!strcasecmp(ext, *list))
            return 1;
    return 0;
}

static treat treat_of(const char *path)
{
    static const char *const sheets[] = {"ods", "xlsx", "xlsm", "xls", NULL};
    static const char *const docs[] = {"docx", "doc", "odt", "rtf", NULL};
    static const char *const flat[] = {"fods", "fodt", NULL};
    const char *ext = inputs_extension(path);
    if (!strcasecmp(ext, "pdf"))
        return AS_PDF;
    if (ext_is(ext, flat))
        return AS_FLAT;
    if (ext_is(ext, sheets))
        return AS_SHEET;
    if (ext_is(ext, docs))
        return AS_DOCUMENT;
    return AS_TEXT;
}

int inputs_format_known(const char *path)
{
    static const char *const text[] = {"txt", "csv", "tsv", "tab", NULL};
    return treat_of(path) != AS_TEXT || ext_is(inputs_extension(path), text);
}

/* Why a path that is not a regular file is not read (it is never opened: opening a
 * FIFO waits for a writer, opening a device may act on it). */
static const char *not_regular(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder, not a file";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe), not a regular file: not opened";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device, not a regular file: not opened";
    if (S_ISSOCK(mode))
        return "a socket, not a regular file: not opened";
    return "not a regular file: not opened";
}

static int read_text(const char *path, input *in)
{
    /* O_NONBLOCK: should the path have become a FIFO since it was checked, opening
     * it does not wait; fstat below then refuses it */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        snprintf(in->error, sizeof in->error, "cannot open: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    struct stat st;
    memset(&st, 0, sizeof st);
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        snprintf(in->error, sizeof in->error, "%s", not_regular(st.st_mode));
        return -1;
    }
    if ((size_t)st.st_size > MAX_TEXT_BYTES) {
        fclose(f);
        snprintf(in->error, sizeof in->error, "too large for a table (%lld bytes)", (long long)st.st_size);
        return -1;
    }
    size_t n = (size_t)st.st_size;
    char *buf = malloc(n ? n : 1);
    if (!buf || fread(buf, 1, n, f) != n) {
        free(buf);
        fclose(f);
        snprintf(in->error, sizeof in->error, "cannot read it");
        return -1;
    }
    fclose(f);
    in->kind = INPUT_TEXT;
    if (n == 0) {
        free(buf);
        snprintf(in->error, sizeof in->error, "the file is empty");
        return -1;
    }
    socinv_grid g;
    socinv_status s = socinv_grid_parse_text(buf, n, 0, &g);
    free(buf);
    if (s == SOCINV_E_PARSE) {
        snprintf(in->error, sizeof in->error, "not a text file (it contains NUL bytes; a binary file?)");
        return -1;
    }
    if (s != SOCINV_OK) {
        snprintf(in->error, sizeof in->error, "cannot read it as text: %s", socinv_strerror(s));
        return -1;
    }
    in->parts = calloc(1, sizeof *in->parts);
    if (!in->parts) {
        socinv_grid_free(&g);
        return -1;
    }
    in->nparts = 1;
    in->parts[0].name = strdup("");
    in->parts[0].grid = g; /* freed with socinv_grid_free */
    return 0;
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}


void inputs_converted_name(const char *outdir, const char *path, const char *ext, char *buf, size_t cap)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot ? (size_t)(dot - base) : strlen(base);
    snprintf(buf, cap, "%s/%.*s.%s", outdir, (int)n, base, ext);
}

int inputs_soffice_convert(const char *soffice, const char *tmp, const char *target, const char *outdir,
                           const char *const *files, size_t n)
{
    char profile[4200], log[4200];
    snprintf(profile, sizeof profile, "%s/profile", tmp);
    /* the target may be "ods:calc8"; the log is named after its extension part */
    snprintf(log, sizeof log, "%s/soffice-%.*s.log", tmp, (int)strcspn(target, ":"), target);
    return proc_soffice_convert(soffice, profile, target, outdir, files, n, log, PROC_CONVERT_TIMEOUT, NULL);
}

const char *inputs_soffice_failure(int rc)
{
    if (rc == 127 || rc == PROC_CANNOT_RUN)
        return "LibreOffice could not be started; install libreoffice-calc and libreoffice-writer, or give --soffice PATH";
    if (rc == PROC_TIMED_OUT)
        return "LibreOffice did not finish converting within " PROC_CONVERT_TIMEOUT_TEXT " s";
    if (rc == PROC_INTERRUPTED)
        return "interrupted";
    return NULL;
}


/* Convert the inputs of one kind with one LibreOffice run; read each result.
 * Each input is first copied to tmp/in-<target>/<n>.<ext>: LibreOffice names its
 * output after the input's base name, so 003.ods and 003.xlsx (or two report.docx
 * from different folders) would otherwise overwrite each other's conversion; and
 * LibreOffice then never touches the input's folder (no lock files next to it). */
static void convert_batch(const char *soffice, const char *tmp, const char *target, input *const *ins, size_t n,
                          int keep)
{
    if (n == 0)
        return;
    char outdir[4096], indir[4096];
    snprintf(outdir, sizeof outdir, "%s/%s", tmp, target);
    snprintf(indir, sizeof indir, "%s/in-%s", tmp, target);
    const char **copies = calloc(n, sizeof *copies);
    char *names = calloc(n, 4200);
    if (!copies || !names || mkdir(outdir, 0700) != 0 || mkdir(indir, 0700) != 0) {
        for (size_t i = 0; i < n; i++)
            snprintf(ins[i]->error, sizeof ins[i]->error, "cannot prepare a temporary directory");
        free(copies);
        free(names);
        return;
    }
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        char *name = names + i * 4200;
        snprintf(name, 4200, "%s/%zu.%s", indir, i + 1, inputs_extension(ins[i]->path));
        if (proc_copy_file(ins[i]->path, name, 0600, 1) != 0)
            snprintf(ins[i]->error, sizeof ins[i]->error, "cannot read it: %s", strerror(errno));
        else
            copies[nc++] = name;
    }
    int rc = nc ? inputs_soffice_convert(soffice, tmp, target, outdir, copies, nc) : 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(ins[i]->error, "not converted") != 0)
            continue; /* could not be copied */
        char out[4400];
        inputs_converted_name(outdir, names + i * 4200, target, out, sizeof out);
        const char *why = inputs_soffice_failure(rc);
        if (why) {
            snprintf(ins[i]->error, sizeof ins[i]->error, "%s", why);
        } else if (!file_exists(out)) {
            snprintf(ins[i]->error, sizeof ins[i]->error, "LibreOffice could not open it as a %s (damaged, or not a %s?)",
                     !strcmp(target, "fods") ? "spreadsheet" : "text document",
                     !strcmp(target, "fods") ? "spreadsheet" : "text document");
        } else if (flatodf_read(out, ins[i]) == 0) {
            ins[i]->error[0] = '\0';
        }
        if (!keep) {
            unlink(out);
            unlink(names + i * 4200);
        }
    }
    free(copies);
    free(names);
}

/* The reader of a ZIP workbook or document socinv reads without LibreOffice, or NULL. */
typedef int (*zip_reader)(zipxml *zx, input *in);
static zip_reader direct_reader(const char *ext)
{
    static const char *const odf[] = {"ods", "odt", NULL};
    static const char *const xlsx[] = {"xlsx", "xlsm", NULL};
    if (ext_is(ext, odf))
        return flatodf_read_from;
    if (ext_is(ext, xlsx))
        return ooxml_xlsx_from;
    if (!strcasecmp(ext, "docx"))
        return ooxml_docx_from;
    return NULL;
}

/* Open the archive, read it with `reader`, close it: the one opening of every direct reader. */
static int read_zipped(const char *path, zip_reader reader, input *in)
{
    zipxml *zx = zipxml_open(path, in->error, sizeof in->error);
    if (!zx)
        return -1;
    int rc = reader(zx, in);
    zipxml_close(zx);
    return rc;
}

/* Workbooks and documents that are ZIP archives (ODF, Office Open XML) but do not start
 * like one are damaged or misnamed: say so instead of letting LibreOffice guess. */
static int zip_format(const char *ext)
{
    static const char *const zips[] = {"ods", "xlsx", "xlsm", "odt", "docx", NULL};
    return ext_is(ext, zips);
}

/* 1 a ZIP archive, 2 an OLE container (a password-protected OOXML file, or an old
 * binary .doc/.xls), 0 anything else. */
static int zip_or_ole(const char *path)
{
    unsigned char head[8] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t got = fread(head, 1, sizeof head, f);
    fclose(f);
    if (got >= 4 && !memcmp(head, "PK\x03\x04", 4))
        return 1;
    if (got == 8 && !memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return 2;
    return 0;
}

void inputs_progress(FILE *f, const char *what, size_t i, size_t n, const char *path)
{
    int tty = isatty(fileno(f));
    fprintf(f, "%ssocinv: [%zu/%zu] %s ", tty ? "\r\033[K" : "", i, n, what);
    utf8_print_safe(f, path, strlen(path));
    fputs(tty ? "" : "\n", f);
    fflush(f);
}

void inputs_progress_done(FILE *f)
{
    if (isatty(fileno(f)))
        fputs("\r\033[K", f);
    fflush(f);
}

/* Read one input, or leave it for the LibreOffice conversion (returns 1, kind set).
 * Runs in a reader thread: it touches only its own input. */
static int read_one(const char *path, input *in, pthread_mutex_t *pdf_lock)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(in->error, sizeof in->error, "%s", errno == ENOENT ? "no such file" : strerror(errno));
        return 0;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(in->error, sizeof in->error, "%s", not_regular(st.st_mode));
        return 0;
    }
    if (access(path, R_OK) != 0) {
        snprintf(in->error, sizeof in->error, "cannot read it: %s", strerror(errno));
        return 0;
    }
    const char *ext = inputs_extension(path);
    treat as = treat_of(path);
    switch (as) {
    case AS_TEXT:
        read_text(path, in);
        return 0;
    case AS_FLAT:
        flatodf_read(path, in);
        return 0;
    case AS_PDF:
        /* poppler is not known to be safe for documents read in parallel */
        pthread_mutex_lock(pdf_lock);
        pdf_read(path, in);
        pthread_mutex_unlock(pdf_lock);
        return 0;
    case AS_SHEET:
    case AS_DOCUMENT:
        break;
    }
    int container = st.st_size && zip_format(ext) ? zip_or_ole(path) : 1;
    zip_reader reader = direct_reader(ext);
    if (st.st_size == 0) {
        snprintf(in->error, sizeof in->error, "the file is empty");
    } else if (container == 2) {
        snprintf(in->error, sizeof in->error,
                 "encrypted (password-protected), or an old binary Office file named .%s: cannot be read "
                 "(save it without a password, as .%s)",
                 ext, ext);
    } else if (container != 1) {
        snprintf(in->error, sizeof in->error,
                 "not a valid .%s file: it is not a ZIP archive as .%s files are (damaged, or not what "
                 "its name says)",
                 ext, ext);
    } else if (reader) {
        read_zipped(path, reader, in);
    } else {
        in->kind = as == AS_SHEET ? INPUT_SHEET : INPUT_DOCUMENT;
        return 1;
    }
    return 0;
}

/* Inputs are read by a few threads at once: a folder of documents is mostly XML
 * parsing, and each file is independent. Each thread takes the next input. */
typedef struct read_pool {
    const char *const *paths;
    input *ins;
    size_t n, next;
    unsigned char *convert; /* per input: left for LibreOffice */
    FILE *progress;
    pthread_mutex_t lock; /* next, and the progress lines */
    pthread_mutex_t pdf_lock;
} read_pool;

#define MAX_READERS 8

static void *read_worker(void *arg)
{
    read_pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        if (i < p->n && p->progress)
            inputs_progress(p->progress, "reading", i + 1, p->n, p->paths[i]);
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            return NULL;
        input *in = &p->ins[i];
        p->convert[i] = (unsigned char)read_one(p->paths[i], in, &p->pdf_lock);
        if (!p->convert[i] && !in->error[0] && layout_tidy(in) != 0)
            snprintf(in->error, sizeof in->error, "out of memory");
    }
}

/* Read every input with up to one thread per processor (the calling one included). */
static void read_all(read_pool *p)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t want = cpus > 1 ? (size_t)cpus : 1;
    if (want > MAX_READERS)
        want = MAX_READERS;
    if (want > p->n)
        want = p->n;
    pthread_t threads[MAX_READERS];
    size_t started = 0;
    xmlInitParser(); /* once, before threads parse */
    while (started + 1 < want && pthread_create(&threads[started], NULL, read_worker, p) == 0)
        started++;
    read_worker(p);
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
}

/* The inputs left for LibreOffice: converted in one run for each kind, then read. */
static void convert_all(input *ins, const unsigned char *convert, size_t n, const input_options *opt)
{
    input **sheets = calloc(n ? n : 1, sizeof *sheets), **docs = calloc(n ? n : 1, sizeof *docs);
    size_t ns = 0, nd = 0;
    for (size_t i = 0; i < n; i++) {
        if (!convert[i])
            continue;
        /* LibreOffice stores the converted files next to nothing of the input */
        snprintf(ins[i].error, sizeof ins[i].error, "%s", sheets && docs ? "not converted" : "out of memory");
        if (sheets && docs && ins[i].kind == INPUT_SHEET)
            sheets[ns++] = &ins[i];
        else if (sheets && docs)
            docs[nd++] = &ins[i];
    }
    char tmp[] = "/tmp/socinv-XXXXXX";
    if (ns + nd == 0) {
        /* nothing to convert */
    } else if (!mkdtemp(tmp)) {
        for (size_t i = 0; i < n; i++)
            if (convert[i])
                snprintf(ins[i].error, sizeof ins[i].error, "cannot make a temporary directory");
    } else {
        if (opt->progress)
            fprintf(opt->progress, "%ssocinv: LibreOffice converting %zu %s\n",
                    isatty(fileno(opt->progress)) ? "\r\033[K" : "", ns + nd, ns + nd == 1 ? "file" : "files");
        convert_batch(opt->soffice, tmp, "fods", sheets, ns, opt->keep_temp);
        convert_batch(opt->soffice, tmp, "fodt", docs, nd, opt->keep_temp);
        if (!opt->keep_temp)
            proc_remove_tree(tmp);
        else
            fprintf(stderr, "socinv: converted files kept in %s\n", tmp);
    }
    for (size_t i = 0; i < n; i++)
        if (convert[i] && !ins[i].error[0] && layout_tidy(&ins[i]) != 0)
            snprintf(ins[i].error, sizeof ins[i].error, "out of memory");
    free(sheets);
    free(docs);
}

size_t inputs_read(const char *const *paths, size_t n, const input_options *opt, input *ins)
{
    read_pool pool = {paths, ins, n, 0, calloc(n ? n : 1, 1), opt->progress,
                      PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER};
    for (size_t i = 0; i < n; i++) {
        memset(&ins[i], 0, sizeof ins[i]);
        ins[i].path = paths[i];
        if (!pool.convert)
            snprintf(ins[i].error, sizeof ins[i].error, "out of memory");
    }
    if (pool.convert) {
        read_all(&pool);
        convert_all(ins, pool.convert, n, opt);
    }
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        if (ins[i].error[0]) {
            input_free(&ins[i]); /* parts read before the failure */
            failed++;
        }
    }
    free(pool.convert);
    return failed;
}

void input_free(input *in)
{
    for (size_t i = 0; i < in->nparts; i++) {
        input_part *p = &in->parts[i];
        free(p->formulas);
        if (p->cells_owned) {
            free(p->cells_owned);
            free(p->text_owned);
        } else {
            socinv_grid_free(&p->grid);
        }
        free(p->name);
        free(p->sheet_col);
        free(p->row_page);
    }
    free(in->parts);
    in->parts = NULL;
    in->nparts = 0;
}

void input_location(const input *in, const input_part *part, size_t row, size_t col, char *buf, size_t cap)
{
    if (in->kind == INPUT_TEXT) {
        snprintf(buf, cap, "line %zu", row + 1);
        return;
    }
    if (in->kind == INPUT_DOCUMENT && part->row_page) {
        snprintf(buf, cap, "page %zu", part->row_page[row]);
        return;
    }
    if (in->kind == INPUT_DOCUMENT) {
        snprintf(buf, cap, "paragraph %zu", row + 1);
        return;
    }
    char letters[8];
    size_t n = 0, c = (part->sheet_col ? part->sheet_col[col] : col) + 1;
    while (c && n < sizeof letters - 1) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    char colname[8];
    for (size_t i = 0; i < n; i++)
        colname[i] = letters[n - 1 - i];
    colname[n] = '\0';
    snprintf(buf, cap, "%s!%s%zu", part->name, colname, row + 1);
}
