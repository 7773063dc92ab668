/* Reading a PDF with poppler (GLib binding): each page's text with one box per
 * character (poppler_page_get_text + poppler_page_get_text_layout, which are index
 * for index the same characters), cut into words at white space; pdflayout.c turns
 * the words into rows and cells. The file is read into memory first (with a size
 * limit) and checked to be a PDF, so a misnamed file gets a plain message. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <poppler.h>

#include "pdf.h"
#include "pdflayout.h"

/* Poppler reports damage it repairs ("Syntax Error: ...") on stderr, and GLib
 * warnings go there too: while poppler works, stderr points at /dev/null. */
typedef struct {
    int saved;
} quiet;

static void silent_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
    (void)domain, (void)level, (void)message, (void)data;
}

static void quiet_begin(quiet *q)
{
    fflush(stderr);
    g_log_set_default_handler(silent_log, NULL);
    q->saved = dup(2);
    int null = q->saved >= 0 ? open("/dev/null", O_WRONLY | O_CLOEXEC) : -1;
    if (null >= 0) {
        dup2(null, 2);
        close(null);
    }
}

static void quiet_end(quiet *q)
{
    if (q->saved >= 0) {
        dup2(q->saved, 2);
        close(q->saved);
    }
    g_log_set_default_handler(g_log_default_handler, NULL);
}

/* The whole file, if it is a regular file within PDF_MAX_BYTES. O_NONBLOCK: a FIFO
 * named .pdf is refused at once instead of waiting for a writer. */
static char *read_all(const char *path, size_t *len, input *in)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd < 0) {
        snprintf(in->error, sizeof in->error, "cannot open: %s", strerror(errno));
        return NULL;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(in->error, sizeof in->error, "not a regular file");
        close(fd);
        return NULL;
    }
    if ((unsigned long long)st.st_size > PDF_MAX_BYTES) {
        snprintf(in->error, sizeof in->error, "too large: %lld bytes (socinv reads PDFs up to %zu MB)",
                 (long long)st.st_size, PDF_MAX_BYTES >> 20);
        close(fd);
        return NULL;
    }
    size_t n = (size_t)st.st_size, got = 0;
    char *buf = malloc(n ? n : 1);
    while (buf && got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (!buf || got != n) {
        free(buf);
        snprintf(in->error, sizeof in->error, "cannot read it");
        return NULL;
    }
    *len = n;
    return buf;
}

/* A PDF starts with "%PDF-" (the standard lets up to 1024 bytes of anything come first). */
static int looks_like_pdf(const char *buf, size_t n)
{
    size_t lim = n < 1024 + 5 ? n : 1024 + 5;
    for (size_t i = 0; i + 5 <= lim; i++)
        if (!memcmp(buf + i, "%PDF-", 5))
            return 1;
    return 0;
}

static int is_space_at(const char *t)
{
    unsigned char c = (unsigned char)t[0];
    return c <= ' ' || (c == 0xC2 && (unsigned char)t[1] == 0xA0); /* controls, space, no-break space */
}

/* Does character box r continue the word whose last character box is prev? Poppler's
 * text puts no space between the cells of a table row when they are close, nor
 * always between lines, so words are also cut where the boxes stop touching: a gap
 * of a quarter of the text height, a step back, or another line. */
static int adjacent(const PopplerRectangle *prev, const PopplerRectangle *r)
{
    double h = prev->y2 - prev->y1, mid = (r->y1 + r->y2) / 2;
    return r->x1 >= prev->x1 - 0.1 && r->x1 - prev->x2 <= 0.25 * h && mid >= prev->y1 && mid <= prev->y2;
}

/* The words of one page: runs of characters between white space, each with the
 * union of its characters' boxes. Returns 0, or pdf_words_add's error. */
static int page_words(PopplerPage *page, pdf_words *w)
{
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    int rc = 0;
    if (text && poppler_page_get_text_layout(page, &rects, &nrects) && g_utf8_validate(text, -1, NULL)) {
        const char *start = NULL;
        PopplerRectangle box = {0, 0, 0, 0};
        guint ci = 0;
        for (const char *p = text; rc == 0; p = g_utf8_next_char(p), ci++) {
            int end = !*p || ci >= nrects || is_space_at(p);
            if (start && (end || !adjacent(&rects[ci - 1], &rects[ci]))) {
                rc = pdf_words_add(w, box.x1, box.y1, box.x2, box.y2, start, (size_t)(p - start));
                start = NULL;
            }
            if (!*p || ci >= nrects)
                break;
            if (end)
                continue;
            const PopplerRectangle *r = &rects[ci];
            if (!start) {
                start = p;
                box = *r;
            }
            box.x1 = r->x1 < box.x1 ? r->x1 : box.x1;
            box.y1 = r->y1 < box.y1 ? r->y1 : box.y1;
            box.x2 = r->x2 > box.x2 ? r->x2 : box.x2;
            box.y2 = r->y2 > box.y2 ? r->y2 : box.y2;
        }
    }
    g_free(rects);
    g_free(text);
    return rc;
}

static int document_words(PopplerDocument *doc, pdf_words *w, input *in)
{
    int pages = poppler_document_get_n_pages(doc);
    if (pages > PDF_MAX_PAGES) {
        snprintf(in->error, sizeof in->error, "too many pages: %d (socinv reads PDFs of up to %d pages)", pages,
                 PDF_MAX_PAGES);
        return -1;
    }
    for (int i = 0; i < pages; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        double width = 0, height = 0;
        if (page)
            poppler_page_get_size(page, &width, &height);
        int rc = pdf_words_page(w, height);
        if (rc == 0 && page)
            rc = page_words(page, w);
        if (page)
            g_object_unref(page);
        if (rc == -2) {
            snprintf(in->error, sizeof in->error,
                     "too much text: more than " PDF_MAX_WORDS_TEXT " words (the most socinv reads from one PDF)");
            return -1;
        }
        if (rc != 0) {
            snprintf(in->error, sizeof in->error, "out of memory");
            return -1;
        }
    }
    if (w->n == 0) {
        snprintf(in->error, sizeof in->error,
                 "scanned PDF: no text (its %d page%s only images; socinv reads the text layer: run OCR first)",
                 pages, pages == 1 ? " has" : "s have");
        return -1;
    }
    return 0;
}

static PopplerDocument *open_document(char *buf, size_t n, input *in)
{
    GBytes *bytes = g_bytes_new_with_free_func(buf, n, free, buf);
    GError *err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes); /* the document keeps its own reference */
    if (doc)
        return doc;
    if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED)
        snprintf(in->error, sizeof in->error,
                 "encrypted PDF: it needs a password to open (socinv cannot read it; save a copy without one)");
    else
        snprintf(in->error, sizeof in->error, "damaged PDF: poppler cannot read it (%s)",
                 err ? err->message : "no reason given");
    if (err)
        g_error_free(err);
    return NULL;
}

int pdf_read(const char *path, input *in)
{
    size_t n = 0;
    char *buf = read_all(path, &n, in);
    if (!buf)
        return -1;
    if (!looks_like_pdf(buf, n)) {
        free(buf);
        snprintf(in->error, sizeof in->error,
                 "not a PDF file: it does not start with %%PDF- (damaged, or not what its name says)");
        return -1;
    }
    in->kind = INPUT_DOCUMENT;
    pdf_words w = {0};
    quiet q;
    quiet_begin(&q);
    PopplerDocument *doc = open_document(buf, n, in); /* buf is the document's now */
    int rc = doc ? document_words(doc, &w, in) : -1;
    if (doc)
        g_object_unref(doc);
    quiet_end(&q);
    if (rc == 0) {
        in->parts = calloc(1, sizeof *in->parts);
        if (!in->parts || pdf_layout(&w, &in->parts[0], in->error, sizeof in->error) != 0) {
            if (!in->error[0])
                snprintf(in->error, sizeof in->error, "out of memory");
            rc = -1;
        } else {
            in->nparts = 1;
        }
    }
    pdf_words_free(&w);
    return rc;
}
