#define _POSIX_C_SOURCE 200809L
/* Reading ODF with libxml2, flat (.fods/.fodt, also what LibreOffice converts other formats
 * to) or zipped (.ods/.odt: content.xml holds the same office:body): sheets, and text
 * documents with tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "flatodf.h"
#include "gridbuild.h"
#include "zipxml.h"

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

/* Repeats beyond this are trailing empty rows/columns (Calc writes 1048576-row sheets). */
#define MAX_REPEAT 10000
#define MAX_COLS GB_MAX_COLS
#define MAX_ROWS GB_MAX_ROWS
#define MAX_CELLS GB_MAX_CELLS

static int is(const xmlNode *n, const char *ns, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, ns) &&
           !strcmp((const char *)n->name, name);
}

static long attr_long(const xmlNode *n, const char *ns, const char *name, long dflt)
{
    xmlChar *v = xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)ns);
    if (!v)
        return dflt;
    long x = strtol((const char *)v, NULL, 10);
    xmlFree(v);
    return x > 0 ? x : dflt;
}

/* The text of a paragraph (text:p, text:h) or of an element inside one (span, link).
 * Text nodes follow ODF's white-space rule (§6.1.2: tab, CR and LF count as spaces and a
 * run of them is one space); the explicit ones are text:s, text:tab and text:line-break.
 * Not the paragraph's own text: notes (the body of a footnote, whose number would stick
 * to an amount: "1.200" + "1"), comments, frames (images, text boxes), the cached
 * number of a numbered heading or list item, deleted text of tracked changes. */
static void para_text(const xmlNode *n, xmlBuffer *out)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            const char *t = (const char *)k->content;
            while (t && *t) {
                size_t run = strcspn(t, " \t\r\n");
                if (run)
                    xmlBufferAdd(out, (const xmlChar *)t, (int)run);
                t += run;
                if (*t) {
                    xmlBufferCCat(out, " ");
                    t += strspn(t, " \t\r\n");
                }
            }
        } else if (is(k, NS_TEXT, "s")) {
            long c = attr_long(k, NS_TEXT, "c", 1);
            for (long i = 0; i < c && i < 1000; i++)
                xmlBufferCCat(out, " ");
        } else if (is(k, NS_TEXT, "tab")) {
            xmlBufferCCat(out, "\t");
        } else if (is(k, NS_TEXT, "line-break")) {
            xmlBufferCCat(out, "\n");
        } else if (is(k, NS_TEXT, "note") || is(k, NS_OFFICE, "annotation") || is(k, NS_TEXT, "number") ||
                   is(k, NS_TEXT, "tracked-changes") || is(k, NS_DRAW, "frame") || is(k, NS_DRAW, "a")) {
            continue;
        } else if (k->type == XML_ELEMENT_NODE) {
            para_text(k, out); /* text:span, text:a, text:ruby, fields: their text is what is shown */
        }
    }
}

/* The text of a table cell: its paragraphs (also inside lists and sections) joined by
 * line ends. White space between the elements is the file's indentation, not text. */
static void cell_text(const xmlNode *n, xmlBuffer *out)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (is(k, NS_TEXT, "p") || is(k, NS_TEXT, "h")) {
            if (xmlBufferLength(out))
                xmlBufferCCat(out, "\n");
            para_text(k, out);
        } else if (is(k, NS_TEXT, "list") || is(k, NS_TEXT, "list-item") || is(k, NS_TEXT, "list-header") ||
                   is(k, NS_TEXT, "section")) {
            cell_text(k, out);
        }
    }
}

/* The text gathered in buf becomes cell k's (nothing when empty); buf is freed. */
static void put_text(builder *b, size_t k, xmlBuffer *buf)
{
    size_t len = (size_t)xmlBufferLength(buf);
    if (len) {
        gb_set_text(b, k, (const char *)xmlBufferContent(buf), len);
    }
    xmlBufferFree(buf);
}

/* An array formula's rows or columns as the file gives them (0: not given or not
 * positive, as attr_long reads them), 1 to max. */
static size_t span(long given, long max)
{
    return given < 1 ? 1 : given > max ? (size_t)max : (size_t)given;
}

static void set_cell(builder *b, size_t r, size_t c, const xmlNode *cell)
{
    xmlChar *formula = xmlGetNsProp(cell, (const xmlChar *)"formula", (const xmlChar *)NS_TABLE);
    if (formula) {
        /* an array formula: its result's size (the other cells hold values only) */
        long rows = attr_long(cell, NS_TABLE, "number-matrix-rows-spanned", 0);
        long cols = attr_long(cell, NS_TABLE, "number-matrix-columns-spanned", 0);
        if (rows || cols)
            gb_set_array_formula(b, r, c, (const char *)formula, span(rows, MAX_ROWS), span(cols, MAX_COLS));
        else
            gb_set_formula(b, r * b->cols + c, (const char *)formula);
        xmlFree(formula);
    }
    xmlChar *type = xmlGetNsProp(cell, (const xmlChar *)"value-type", (const xmlChar *)NS_OFFICE);
    if (type && (!strcmp((char *)type, "float") || !strcmp((char *)type, "currency") ||
                 !strcmp((char *)type, "percentage"))) {
        xmlChar *v = xmlGetNsProp(cell, (const xmlChar *)"value", (const xmlChar *)NS_OFFICE);
        double num;
        if (v && gb_xml_number((const char *)v, &num) == 0) {
            gb_set_number(b, r * b->cols + c, num);
            xmlFree(v);
            xmlFree(type);
            return;
        }
        if (v)
            xmlFree(v);
    }
    if (type)
        xmlFree(type);
    xmlBuffer *buf = xmlBufferCreate();
    if (!buf) {
        b->failed = 1;
        return;
    }
    cell_text(cell, buf);
    put_text(b, r * b->cols + c, buf);
}

/* Does a row element hold any cell with content? (to stop expanding trailing repeats) */
static int cell_has_content(const xmlNode *cell)
{
    if (xmlHasNsProp(cell, (const xmlChar *)"value-type", (const xmlChar *)NS_OFFICE))
        return 1;
    for (const xmlNode *k = cell->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE)
            return 1;
    return 0;
}

/* Columns up to the last cell with content (at most MAX_COLS); cells with content
 * beyond MAX_COLS are counted in *cut, for the warning that they were not read. */
static size_t row_width(const xmlNode *row, size_t *cut)
{
    size_t w = 0, used = 0;
    for (const xmlNode *c = row->children; c; c = c->next) {
        if (!is(c, NS_TABLE, "table-cell") && !is(c, NS_TABLE, "covered-table-cell"))
            continue;
        long rep = attr_long(c, NS_TABLE, "number-columns-repeated", 1);
        size_t start = w;
        w += (size_t)(rep < (1L << 20) ? rep : (1L << 20)); /* a sheet has 16384 columns at most */
        if (!cell_has_content(c))
            continue;
        if (w <= MAX_COLS) {
            used = w;
        } else {
            if (start < MAX_COLS)
                used = MAX_COLS;
            *cut += w - (start > MAX_COLS ? start : MAX_COLS);
        }
    }
    return used;
}

/* Rows of a table:table (row groups and header rows included) appended to b. */
static void add_table_rows(builder *b, const xmlNode *table, size_t *pending_blank)
{
    for (const xmlNode *n = table->children; n && !b->failed; n = n->next) {
        if (is(n, NS_TABLE, "table-row-group") || is(n, NS_TABLE, "table-header-rows") ||
            is(n, NS_TABLE, "table-rows")) {
            add_table_rows(b, n, pending_blank);
            continue;
        }
        if (!is(n, NS_TABLE, "table-row"))
            continue;
        long rep = attr_long(n, NS_TABLE, "number-rows-repeated", 1);
        size_t width = row_width(n, &b->cut_cols);
        if (width == 0) { /* blank rows: kept only if something follows */
            *pending_blank += (size_t)(rep < MAX_REPEAT ? rep : MAX_REPEAT);
            continue;
        }
        if (rep > MAX_REPEAT)
            rep = MAX_REPEAT;
        /* say "too large" before making the rows, not after a gigabyte of them */
        size_t w = width > b->width ? width : b->width;
        if (b->rows + *pending_blank + (size_t)rep > MAX_ROWS ||
            (b->rows + *pending_blank + (size_t)rep) * w > MAX_CELLS) {
            b->too_large = b->failed = 1;
            return;
        }
        for (; *pending_blank; (*pending_blank)--)
            if (!gb_new_row(b, 1))
                return;
        for (long k = 0; k < rep && !b->failed; k++) {
            if (!gb_new_row(b, width))
                return;
            size_t r = b->rows - 1, c = 0;
            for (const xmlNode *cell = n->children; cell && c < width; cell = cell->next) {
                if (!is(cell, NS_TABLE, "table-cell") && !is(cell, NS_TABLE, "covered-table-cell"))
                    continue;
                long crep = attr_long(cell, NS_TABLE, "number-columns-repeated", 1);
                for (long j = 0; j < crep && c < width; j++, c++)
                    if (is(cell, NS_TABLE, "table-cell"))
                        set_cell(b, r, c, cell);
            }
        }
    }
}

/* Text documents: paragraphs and tables in order; nested sections and lists walked. */
static void add_text_body(builder *b, const xmlNode *parent)
{
    size_t none = 0;
    for (const xmlNode *n = parent->children; n && !b->failed; n = n->next) {
        if (is(n, NS_TEXT, "p") || is(n, NS_TEXT, "h")) {
            socinv_cell *row = gb_new_row(b, 1);
            if (!row)
                return;
            xmlBuffer *buf = xmlBufferCreate();
            if (!buf) {
                b->failed = 1;
                return;
            }
            para_text(n, buf);
            put_text(b, (b->rows - 1) * b->cols, buf);
        } else if (is(n, NS_TABLE, "table")) {
            add_table_rows(b, n, &none);
        } else if (is(n, NS_TEXT, "tracked-changes") || is(n, NS_OFFICE, "annotation") ||
                   is(n, NS_OFFICE, "forms")) {
            continue; /* deleted text, comments, form controls: not what the document shows */
        } else if (n->type == XML_ELEMENT_NODE) {
            add_text_body(b, n); /* sections, lists, list items, indexes, frames */
        }
    }
}

static const xmlNode *child(const xmlNode *n, const char *ns, const char *name)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (is(k, ns, name))
            return k;
    return NULL;
}

/* The sheets or the text of an ODF document's office:body (flat or zipped). */
static int read_body(const xmlDoc *doc, input *in)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *body = child(root, NS_OFFICE, "body");
    const xmlNode *sheet = child(body, NS_OFFICE, "spreadsheet");
    const xmlNode *text = child(body, NS_OFFICE, "text");
    int rc = 0;
    if (sheet) {
        in->kind = INPUT_SHEET;
        for (const xmlNode *t = sheet->children; t && rc == 0; t = t->next) {
            if (!is(t, NS_TABLE, "table"))
                continue;
            builder b = {0};
            size_t pending = 0;
            add_table_rows(&b, t, &pending);
            xmlChar *name = xmlGetNsProp(t, (const xmlChar *)"name", (const xmlChar *)NS_TABLE);
            rc = gb_finish(&b, in, name ? (const char *)name : "");
            if (name)
                xmlFree(name);
            gb_drop(&b);
        }
    } else if (text) {
        in->kind = INPUT_DOCUMENT;
        builder b = {0};
        add_text_body(&b, text);
        rc = gb_finish(&b, in, "");
        gb_drop(&b);
    } else {
        snprintf(in->error, sizeof in->error, "neither a spreadsheet nor a text document");
        rc = -1;
    }
    return rc;
}

int flatodf_read(const char *file, input *in)
{
    xmlDoc *doc = zipxml_file_doc(file, in->error, sizeof in->error);
    if (!doc)
        return -1;
    int rc = read_body(doc, in);
    xmlFreeDoc(doc);
    return rc;
}

int flatodf_read_from(zipxml *zx, input *in)
{
    xmlDoc *doc = zipxml_doc(zx, "content.xml", in->error, sizeof in->error);
    if (!doc)
        return -1;
    int rc = read_body(doc, in);
    xmlFreeDoc(doc);
    return rc;
}

int flatodf_read_memory(const char *data, size_t len, input *in)
{
    xmlDoc *doc = zipxml_memory_doc(data, len, in->error, sizeof in->error);
    if (!doc)
        return -1;
    int rc = read_body(doc, in);
    xmlFreeDoc(doc);
    return rc;
}
