/* Guarded ZIP and XML reading (see zipxml.h). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <zip.h>

#include "zipxml.h"

struct zipxml {
    zip_t *z;
    size_t total; /* bytes inflated so far */
};

/* The error of a libzip call, in words a user can act on. */
static void zip_reason(int code, char *err, size_t cap)
{
    switch (code) {
    case ZIP_ER_NOZIP:
        /* the file starts as a ZIP archive does (checked before): its end is missing */
        snprintf(err, cap, "a damaged or truncated ZIP archive (its table of contents is missing)");
        break;
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
    case ZIP_ER_SEEK:
    case ZIP_ER_READ:
        snprintf(err, cap, "a damaged or truncated ZIP archive");
        break;
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
        snprintf(err, cap, "encrypted (password-protected): cannot be read without the password");
        break;
    case ZIP_ER_COMPNOTSUPP:
        snprintf(err, cap, "a compression method socinv does not read");
        break;
    case ZIP_ER_CRC:
    case ZIP_ER_ZLIB:
        snprintf(err, cap, "a damaged ZIP archive (an entry does not inflate)");
        break;
    case ZIP_ER_MEMORY:
        snprintf(err, cap, "out of memory");
        break;
    default: {
        zip_error_t e;
        zip_error_init_with_code(&e, code);
        snprintf(err, cap, "cannot read the ZIP archive: %s", zip_error_strerror(&e));
        zip_error_fini(&e);
    }
    }
}

/* The archive's checks, once libzip has opened it. */
static zipxml *opened(zip_t *z, char *err, size_t cap)
{
    if (zip_get_num_entries(z, 0) > ZX_MAX_ENTRIES) {
        zip_discard(z);
        snprintf(err, cap, "a ZIP archive of more than %d entries: not an office document socinv reads",
                 ZX_MAX_ENTRIES);
        return NULL;
    }
    zipxml *zx = calloc(1, sizeof *zx);
    if (!zx) {
        zip_discard(z);
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    zx->z = z;
    return zx;
}

zipxml *zipxml_open_memory(const void *data, size_t len, char *err, size_t cap)
{
    zip_error_t e;
    zip_error_init(&e);
    zip_source_t *src = zip_source_buffer_create(len ? data : "", len, 0, &e);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &e) : NULL;
    if (!z) {
        if (src)
            zip_source_free(src);
        zip_reason(zip_error_code_zip(&e), err, cap);
        zip_error_fini(&e);
        return NULL;
    }
    zip_error_fini(&e);
    return opened(z, err, cap);
}

zipxml *zipxml_open(const char *path, char *err, size_t cap)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        snprintf(err, cap, "cannot open: %s", strerror(errno));
        return NULL;
    }
    zipxml *zx = zipxml_open_fd(fd, err, cap);
    close(fd);
    return zx;
}

zipxml *zipxml_open_fd(int fd, char *err, size_t cap)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, cap, "not a regular file: not read");
        return NULL;
    }
    int mine = dup(fd), code = 0; /* libzip closes the descriptor it is given */
    zip_t *z = mine >= 0 ? zip_fdopen(mine, ZIP_RDONLY | ZIP_CHECKCONS, &code) : NULL;
    if (!z) {
        if (mine < 0)
            snprintf(err, cap, "cannot open: %s", strerror(errno));
        else {
            close(mine);
            zip_reason(code, err, cap);
        }
        return NULL;
    }
    return opened(z, err, cap);
}

void zipxml_close(zipxml *zx)
{
    if (!zx)
        return;
    zip_discard(zx->z);
    free(zx);
}

int zipxml_has(zipxml *zx, const char *name)
{
    return zip_name_locate(zx->z, name, 0) >= 0;
}

/* Check what the archive says of an entry before inflating any of it. */
static int entry_allowed(const zipxml *zx, const char *name, const zip_stat_t *st, char *err, size_t cap)
{
    if ((st->valid & ZIP_STAT_ENCRYPTION_METHOD) && st->encryption_method != ZIP_EM_NONE) {
        snprintf(err, cap, "encrypted (password-protected): cannot be read without the password");
        return 0;
    }
    if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE)) {
        snprintf(err, cap, "a damaged ZIP archive (no size for %s)", name);
        return 0;
    }
    if (st->size > ZX_MAX_ENTRY || st->size > ZX_MAX_TOTAL - zx->total) {
        snprintf(err, cap, "%s inflates to %llu bytes: more than socinv reads (%zu MB in all); a zip bomb?", name,
                 (unsigned long long)st->size, ZX_MAX_ENTRY >> 20);
        return 0;
    }
    if (st->size > ((size_t)1 << 20) && st->size / (st->comp_size ? st->comp_size : 1) > ZX_MAX_RATIO) {
        snprintf(err, cap, "%s inflates %llu times (more than %d): a zip bomb?", name,
                 (unsigned long long)(st->size / (st->comp_size ? st->comp_size : 1)), ZX_MAX_RATIO);
        return 0;
    }
    return 1;
}

/* Entry `name` into memory (NUL-terminated), at most its stated size. */
static char *read_entry(zipxml *zx, const char *name, size_t *len, char *err, size_t cap)
{
    zip_int64_t idx = zip_name_locate(zx->z, name, 0);
    zip_stat_t st;
    if (idx < 0) {
        snprintf(err, cap, "%s is missing: not a complete office document", name);
        return NULL;
    }
    if (zip_stat_index(zx->z, (zip_uint64_t)idx, 0, &st) != 0) {
        zip_reason(zip_error_code_zip(zip_get_error(zx->z)), err, cap);
        return NULL;
    }
    if (!entry_allowed(zx, name, &st, err, cap))
        return NULL;
    zip_file_t *f = zip_fopen_index(zx->z, (zip_uint64_t)idx, 0);
    if (!f) {
        zip_reason(zip_error_code_zip(zip_get_error(zx->z)), err, cap);
        return NULL;
    }
    size_t want = (size_t)st.size;
    char *buf = malloc(want + 1);
    size_t got = 0;
    zip_int64_t n = 1;
    char extra;
    while (buf && got < want && (n = zip_fread(f, buf + got, want - got)) > 0)
        got += (size_t)n;
    /* one byte more than stated means the header lied: stop there */
    int longer = buf && n >= 0 && zip_fread(f, &extra, 1) > 0;
    if (!buf || n < 0 || got != want || longer) {
        if (buf)
            zip_reason(n < 0 ? zip_error_code_zip(zip_file_get_error(f)) : ZIP_ER_INCONS, err, cap);
        else
            snprintf(err, cap, "out of memory");
        zip_fclose(f);
        free(buf);
        return NULL;
    }
    zip_fclose(f);
    buf[got] = '\0';
    zx->total += got;
    *len = got;
    return buf;
}

/* What a parse is for: the DTD flag, and the handlers when streaming (else NULL). */
typedef struct {
    int dtd;
    const zipxml_handlers *h;
} parse_state;

/* A DTD or an entity declaration stops the parser: office XML has none. */
static void refuse_dtd(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name, (void)ext, (void)sys;
    xmlParserCtxtPtr ctxt = ctx;
    ((parse_state *)ctxt->_private)->dtd = 1;
    xmlStopParser(ctxt);
}

static const zipxml_handlers *handlers_of(void *ctx)
{
    return ((parse_state *)((xmlParserCtxtPtr)ctx)->_private)->h;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                     const xmlChar **ns, int nattr, int ndefaulted, const xmlChar **attrs)
{
    (void)prefix, (void)nns, (void)ns, (void)ndefaulted;
    const zipxml_handlers *h = handlers_of(ctx);
    h->start(h->user, (const char *)local, uri ? (const char *)uri : "", nattr, attrs);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix;
    const zipxml_handlers *h = handlers_of(ctx);
    h->end(h->user, (const char *)local, uri ? (const char *)uri : "");
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    const zipxml_handlers *h = handlers_of(ctx);
    h->text(h->user, (const char *)s, len);
}

static const int XML_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_COMPACT;

static xmlParserCtxtPtr new_context(parse_state *ps)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt) {
        ctxt->sax->internalSubset = refuse_dtd;
        ctxt->sax->externalSubset = refuse_dtd;
        if (ps->h) { /* stream: no tree, the caller's handlers */
            ctxt->sax->startElementNs = on_start;
            ctxt->sax->endElementNs = on_end;
            ctxt->sax->characters = on_text;
            ctxt->sax->cdataBlock = on_text;
            ctxt->sax->ignorableWhitespace = on_text;
        }
        ctxt->_private = ps;
    }
    return ctxt;
}

/* The parsed document, or NULL with the reason (a DTD, not well-formed XML). */
static xmlDoc *checked(xmlParserCtxtPtr ctxt, xmlDoc *doc, const char *what, char *err, size_t cap)
{
    if (((parse_state *)ctxt->_private)->dtd) {
        if (doc)
            xmlFreeDoc(doc);
        snprintf(err, cap, "%s has a DTD (<!DOCTYPE>), which office documents never have: not read", what);
        return NULL;
    }
    if (!doc || !ctxt->wellFormed) {
        if (doc)
            xmlFreeDoc(doc);
        snprintf(err, cap, "%s is not well-formed XML (damaged?)", what);
        return NULL;
    }
    return doc;
}

/* The document (NULL when streaming: then the handlers have had it all), or NULL
 * with err set; *ok says which. */
static xmlDoc *parse_with(const char *data, size_t len, const char *what, const zipxml_handlers *h, int *ok,
                          char *err, size_t cap)
{
    *ok = 0;
    if (len > (size_t)0x7fffffff) {
        snprintf(err, cap, "%s is too large", what);
        return NULL;
    }
    parse_state ps = {0, h};
    xmlParserCtxtPtr ctxt = new_context(&ps);
    if (!ctxt) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    xmlDoc *doc = checked(ctxt, xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, XML_OPTIONS), what, err, cap);
    xmlFreeParserCtxt(ctxt);
    *ok = doc != NULL;
    if (doc && h) {
        xmlFreeDoc(doc); /* the empty shell of a streamed parse */
        doc = NULL;
    }
    return doc;
}

static xmlDoc *parse_memory(const char *data, size_t len, const char *what, char *err, size_t cap)
{
    int ok;
    return parse_with(data, len, what, NULL, &ok, err, cap);
}

int zipxml_stream(zipxml *zx, const char *name, const zipxml_handlers *h, char *err, size_t cap)
{
    size_t len;
    char *data = read_entry(zx, name, &len, err, cap);
    if (!data)
        return -1;
    int ok;
    parse_with(data, len, name, h, &ok, err, cap);
    free(data);
    return ok ? 0 : -1;
}

xmlDoc *zipxml_memory_doc(const char *data, size_t len, char *err, size_t cap)
{
    return parse_memory(data, len, "the document", err, cap);
}

xmlDoc *zipxml_doc(zipxml *zx, const char *name, char *err, size_t cap)
{
    size_t len;
    char *data = read_entry(zx, name, &len, err, cap);
    if (!data)
        return NULL;
    xmlDoc *doc = parse_memory(data, len, name, err, cap);
    free(data);
    return doc;
}

xmlDoc *zipxml_file_doc(const char *path, char *err, size_t cap)
{
    parse_state ps = {0, NULL};
    xmlParserCtxtPtr ctxt = new_context(&ps);
    if (!ctxt) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    xmlDoc *doc = checked(ctxt, xmlCtxtReadFile(ctxt, path, NULL, XML_OPTIONS), "the document", err, cap);
    xmlFreeParserCtxt(ctxt);
    return doc;
}
