#define _POSIX_C_SOURCE 200809L
/* Reading LibreOffice's flat ODF with libxml2: sheets, and text documents with tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "flatodf.h"

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

/* Repeats beyond this are trailing empty rows/columns (Calc writes 1048576-row sheets). */
#define MAX_REPEAT 10000
#define MAX_COLS 1024
/* Most cells of one sheet or document (48 bytes each here): Calc's own row limit,
 * and a bound that keeps a crafted .fods (a cell at row 1.000.000 of a wide sheet,
 * repeats of repeats) from taking gigabytes. A business case is a few thousand. */
#define MAX_ROWS 1048576
#define MAX_CELLS ((size_t)8 << 20)

/* A growing list of cells with their texts in one string pool. */
typedef struct {
    socinv_cell *cells;
    size_t rows, cols, cap_rows; /* cols: the row stride, grown in steps; at least width */
    size_t width;                /* the widest row: the grid's columns */
    char *pool;
    size_t pool_len, pool_cap;
    size_t *offsets; /* text offsets into the pool, fixed up at the end */
    size_t *formulas; /* 1 + pool offset of a cell's formula, 0 for none (same layout as cells) */
    int any_formula;
    int failed;
    int too_large;
} builder;

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

static size_t pool_add(builder *b, const char *s, size_t n)
{
    if (b->pool_len + n + 1 > b->pool_cap) {
        size_t cap = (b->pool_cap ? b->pool_cap * 2 : 4096) + n;
        char *p = realloc(b->pool, cap);
        if (!p) {
            b->failed = 1;
            return 0;
        }
        b->pool = p;
        b->pool_cap = cap;
    }
    size_t at = b->pool_len;
    memcpy(b->pool + at, s, n);
    b->pool[at + n] = '\0';
    b->pool_len += n + 1;
    return at;
}

/* Start a new row of `cols` cells (growing every row when the table is wider). */
static socinv_cell *new_row(builder *b, size_t cols)
{
    if (cols > b->width)
        b->width = cols;
    if (b->rows + 1 > MAX_ROWS || (b->rows + 1) * b->width > MAX_CELLS) {
        b->too_large = b->failed = 1;
        return NULL;
    }
    if (cols > b->cols) {
        /* widen: re-lay the rows so far, doubling the stride so that rows widening one
         * column at a time do not re-lay everything each time (finish() trims it) */
        if (cols < 2 * b->cols)
            cols = 2 * b->cols < MAX_COLS ? 2 * b->cols : MAX_COLS;
        size_t rows_cap = b->cap_rows ? b->cap_rows : 1;
        socinv_cell *w = calloc(rows_cap, cols * sizeof *w);
        size_t *o = calloc(rows_cap, cols * sizeof *o);
        size_t *fo = calloc(rows_cap, cols * sizeof *fo);
        if (!w || !o || !fo) {
            free(w);
            free(o);
            free(fo);
            b->failed = 1;
            return NULL;
        }
        for (size_t r = 0; r < b->rows; r++)
            for (size_t c = 0; c < b->cols; c++) {
                w[r * cols + c] = b->cells[r * b->cols + c];
                o[r * cols + c] = b->offsets[r * b->cols + c];
                fo[r * cols + c] = b->formulas[r * b->cols + c];
            }
        free(b->cells);
        free(b->offsets);
        free(b->formulas);
        b->cells = w;
        b->offsets = o;
        b->formulas = fo;
        b->cols = cols;
    }
    if (b->rows == b->cap_rows) {
        size_t cap = b->cap_rows ? b->cap_rows * 2 : 64;
        size_t width = b->cols ? b->cols : 1;
        socinv_cell *w = realloc(b->cells, cap * width * sizeof *w);
        if (w)
            b->cells = w;
        size_t *o = w ? realloc(b->offsets, cap * width * sizeof *o) : NULL;
        if (o)
            b->offsets = o;
        size_t *fo = o ? realloc(b->formulas, cap * width * sizeof *fo) : NULL;
        if (fo)
            b->formulas = fo;
        if (!w || !o || !fo) {
            b->failed = 1;
            return NULL;
        }
        b->cap_rows = cap;
    }
    socinv_cell *row = &b->cells[b->rows * b->cols];
    memset(row, 0, b->cols * sizeof *row);
    memset(&b->offsets[b->rows * b->cols], 0, b->cols * sizeof(size_t));
    memset(&b->formulas[b->rows * b->cols], 0, b->cols * sizeof(size_t));
    b->rows++;
    return row;
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
        b->cells[k].kind = SOCINV_CELL_TEXT;
        b->cells[k].len = len;
        b->offsets[k] = pool_add(b, (const char *)xmlBufferContent(buf), len);
    }
    xmlBufferFree(buf);
}

static void set_cell(builder *b, size_t r, size_t c, const xmlNode *cell)
{
    socinv_cell *x = &b->cells[r * b->cols + c];
    xmlChar *formula = xmlGetNsProp(cell, (const xmlChar *)"formula", (const xmlChar *)NS_TABLE);
    if (formula) {
        b->formulas[r * b->cols + c] = 1 + pool_add(b, (const char *)formula, strlen((const char *)formula));
        b->any_formula = 1;
        xmlFree(formula);
    }
    xmlChar *type = xmlGetNsProp(cell, (const xmlChar *)"value-type", (const xmlChar *)NS_OFFICE);
    if (type && (!strcmp((char *)type, "float") || !strcmp((char *)type, "currency") ||
                 !strcmp((char *)type, "percentage"))) {
        xmlChar *v = xmlGetNsProp(cell, (const xmlChar *)"value", (const xmlChar *)NS_OFFICE);
        if (v) {
            x->kind = SOCINV_CELL_NUMBER;
            x->num = socinv_c_parse((const char *)v, NULL); /* ODF values are in the C locale's form */
            xmlFree(v);
            xmlFree(type);
            return;
        }
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

static size_t row_width(const xmlNode *row)
{
    size_t w = 0, used = 0;
    for (const xmlNode *c = row->children; c; c = c->next) {
        if (!is(c, NS_TABLE, "table-cell") && !is(c, NS_TABLE, "covered-table-cell"))
            continue;
        long rep = attr_long(c, NS_TABLE, "number-columns-repeated", 1);
        w += (size_t)rep;
        if (cell_has_content(c))
            used = w;
        if (w > MAX_COLS)
            break;
    }
    return used < MAX_COLS ? used : MAX_COLS;
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
        size_t width = row_width(n);
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
            if (!new_row(b, 1))
                return;
        for (long k = 0; k < rep && !b->failed; k++) {
            if (!new_row(b, width))
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
            socinv_cell *row = new_row(b, 1);
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

/* Close a builder into a part: text pointers into the pool. */
static int finish(builder *b, input *in, const char *name)
{
    if (b->too_large) {
        snprintf(in->error, sizeof in->error, "%s%s%stoo large to audit (more than %zu cells or %d rows)",
                 name && *name ? "sheet '" : "", name && *name ? name : "", name && *name ? "' is " : "",
                 (size_t)MAX_CELLS, MAX_ROWS);
        return -1;
    }
    if (b->failed) {
        snprintf(in->error, sizeof in->error, "out of memory reading the converted document");
        return -1;
    }
    if (b->rows == 0 || b->width == 0)
        return 0;
    if (b->cols > b->width) {
        /* trim the stride to the widest row, in place (rows only move down in memory) */
        for (size_t r = 0; r < b->rows; r++) {
            memmove(&b->cells[r * b->width], &b->cells[r * b->cols], b->width * sizeof *b->cells);
            memmove(&b->offsets[r * b->width], &b->offsets[r * b->cols], b->width * sizeof *b->offsets);
            memmove(&b->formulas[r * b->width], &b->formulas[r * b->cols], b->width * sizeof *b->formulas);
        }
        b->cols = b->width;
    }
    input_part *parts = realloc(in->parts, (in->nparts + 1) * sizeof *parts);
    if (!parts)
        return -1;
    in->parts = parts;
    input_part *p = &parts[in->nparts++];
    memset(p, 0, sizeof *p);
    p->name = strdup(name ? name : "");
    for (size_t i = 0; i < b->rows * b->cols; i++)
        if (b->cells[i].kind == SOCINV_CELL_TEXT)
            b->cells[i].text = b->pool + b->offsets[i];
    if (b->any_formula) {
        p->formulas = calloc(b->rows * b->cols, sizeof *p->formulas);
        if (!p->formulas) {
            b->failed = 1;
            return -1;
        }
        for (size_t i = 0; i < b->rows * b->cols; i++)
            if (b->formulas[i])
                p->formulas[i] = b->pool + b->formulas[i] - 1;
    }
    p->cells_owned = b->cells;
    p->text_owned = b->pool;
    p->grid.cells = b->cells;
    p->grid.rows = b->rows;
    p->grid.cols = b->cols;
    free(b->offsets);
    free(b->formulas);
    memset(b, 0, sizeof *b);
    return 0;
}

static void drop(builder *b)
{
    free(b->cells);
    free(b->offsets);
    free(b->formulas);
    free(b->pool);
    memset(b, 0, sizeof *b);
}

static const xmlNode *child(const xmlNode *n, const char *ns, const char *name)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (is(k, ns, name))
            return k;
    return NULL;
}

int flatodf_read(const char *file, input *in)
{
    xmlDoc *doc = xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (!doc) {
        snprintf(in->error, sizeof in->error, "the converted document is not readable XML");
        return -1;
    }
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
            rc = finish(&b, in, name ? (const char *)name : "");
            if (name)
                xmlFree(name);
            drop(&b);
        }
    } else if (text) {
        in->kind = INPUT_DOCUMENT;
        builder b = {0};
        add_text_body(&b, text);
        rc = finish(&b, in, "");
        drop(&b);
    } else {
        snprintf(in->error, sizeof in->error, "neither a spreadsheet nor a text document");
        rc = -1;
    }
    xmlFreeDoc(doc);
    return rc;
}
