/* Reading DOCX and XLSX (see ooxml.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "gridbuild.h"
#include "ooxml.h"
#include "zipxml.h"

/* Transitional and Strict OOXML name the same elements in different namespaces. */
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define NS_S "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_S_STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_R_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* A WordprocessingML (w) or SpreadsheetML (s) element of this local name? */
static int is_ns(const xmlNode *n, const char *ns1, const char *ns2, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->name, name) &&
           (!strcmp((const char *)n->ns->href, ns1) || !strcmp((const char *)n->ns->href, ns2));
}
static int is_s(const xmlNode *n, const char *name) { return is_ns(n, NS_S, NS_S_STRICT, name); }

static const xmlNode *child_s(const xmlNode *n, const char *name)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (is_s(k, name))
            return k;
    return NULL;
}

/* ---- DOCX ---------------------------------------------------------------- */
/* word/document.xml is streamed (it is megabytes for a document of tables, and a
 * tree of it costs several times the parse): the body's paragraphs become rows of
 * one cell, its tables rows of cells. Element depths mark where each paragraph,
 * table, row, cell and w:t began (0: not inside one). */

typedef struct {
    size_t span;    /* grid columns the cell covers (w:gridSpan) */
    int continued;  /* merged with the cell above (w:vMerge without "restart"): shows nothing */
    size_t at, len; /* its text in the row's buffer */
} docx_cell;

typedef struct {
    builder *b;
    size_t depth, skip; /* skip: the depth of a subtree left out */
    int in_body;
    size_t table, row, cell, par, t; /* depths */
    xmlBuffer *text;                 /* the paragraph's or the cell's text */
    xmlBuffer *row_text;             /* the texts of the row's cells */
    docx_cell *cells;
    size_t ncells, cap, grid_before;
    docx_cell now; /* the span and merge of the cell being read, from its w:tcPr */
} docx_reader;

static int w_uri(const char *uri)
{
    return !strcmp(uri, NS_W) || !strcmp(uri, NS_W_STRICT);
}

/* Wrappers whose content is the document's own (content controls, custom XML). */
static int wrapper(const char *local)
{
    return !strcmp(local, "sdt") || !strcmp(local, "sdtContent") || !strcmp(local, "customXml");
}

/* Inside a paragraph, what is not the text it shows: deleted text of tracked changes,
 * field instructions, footnote references, drawings (text boxes), properties. */
static int not_shown(const char *local)
{
    static const char *const names[] = {"del", "moveFrom", "delText", "instrText", "drawing", "pict", "object",
                                        "rPr", "pPr", "footnoteReference", "endnoteReference", NULL};
    for (const char *const *n = names; *n; n++)
        if (!strcmp(local, *n))
            return 1;
    return 0;
}

/* The w:val attribute (libxml2's SAX2 layout: local name, prefix, URI, value start, end). */
static const xmlChar **val_attr(int nattr, const xmlChar **attrs)
{
    for (int i = 0; i < nattr; i++)
        if (!strcmp((const char *)attrs[5 * i], "val"))
            return attrs + 5 * i;
    return NULL;
}

/* w:val as a count in 1..max, dflt when absent or out of range. */
static size_t val_count(int nattr, const xmlChar **attrs, size_t dflt, size_t max)
{
    const xmlChar **a = val_attr(nattr, attrs);
    size_t v = 0;
    for (const xmlChar *p = a ? a[3] : NULL; p && p < a[4] && *p >= '0' && *p <= '9' && v <= max; p++)
        v = v * 10 + (size_t)(*p - '0');
    return v >= 1 && v <= max ? v : dflt;
}

static int val_is(int nattr, const xmlChar **attrs, const char *value)
{
    const xmlChar **a = val_attr(nattr, attrs);
    return a && (size_t)(a[4] - a[3]) == strlen(value) && !memcmp(a[3], value, strlen(value));
}

static void docx_row_end(docx_reader *r)
{
    builder *b = r->b;
    size_t width = r->grid_before;
    for (size_t i = 0; i < r->ncells; i++)
        width += r->cells[i].span;
    if (width > GB_MAX_COLS) {
        b->cut_cols += width - GB_MAX_COLS;
        width = GB_MAX_COLS;
    }
    if (gb_room_for(b, 1, width ? width : 1) && gb_new_row(b, width ? width : 1)) {
        const char *texts = (const char *)xmlBufferContent(r->row_text);
        size_t row = b->rows - 1, c = r->grid_before;
        for (size_t i = 0; i < r->ncells && c < width; c += r->cells[i++].span)
            if (!r->cells[i].continued)
                gb_set_text(b, row * b->cols + c, texts + r->cells[i].at, r->cells[i].len);
    }
    r->ncells = 0;
    r->grid_before = 0;
    xmlBufferEmpty(r->row_text);
}

static void docx_cell_end(docx_reader *r)
{
    if (r->ncells == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        docx_cell *c = realloc(r->cells, cap * sizeof *c);
        if (!c) {
            r->b->failed = 1;
            return;
        }
        r->cells = c;
        r->cap = cap;
    }
    docx_cell *c = &r->cells[r->ncells++];
    *c = r->now;
    c->at = (size_t)xmlBufferLength(r->row_text);
    c->len = (size_t)xmlBufferLength(r->text);
    xmlBufferAdd(r->row_text, xmlBufferContent(r->text), xmlBufferLength(r->text));
}

/* Inside a paragraph being read: its runs' text, tabs and breaks; runs, hyperlinks,
 * insertions, smart tags and fields are walked into (their text is what is shown). */
static void docx_par_start(docx_reader *r, const char *local)
{
    if (not_shown(local))
        r->skip = r->depth;
    else if (!strcmp(local, "t"))
        r->t = r->depth;
    else if (!strcmp(local, "tab") || !strcmp(local, "ptab"))
        xmlBufferCCat(r->text, "\t");
    else if (!strcmp(local, "br") || !strcmp(local, "cr"))
        xmlBufferCCat(r->text, "\n");
    else if (!strcmp(local, "noBreakHyphen"))
        xmlBufferCCat(r->text, "-");
}

/* Inside a table cell, outside its paragraphs. */
static void docx_cell_start(docx_reader *r, const char *local, int nattr, const xmlChar **attrs)
{
    if (!strcmp(local, "p")) {
        if (xmlBufferLength(r->text))
            xmlBufferCCat(r->text, "\n"); /* a cell's paragraphs, one a line */
        r->par = r->depth;
    } else if (!strcmp(local, "gridSpan")) {
        r->now.span = val_count(nattr, attrs, 1, GB_MAX_COLS);
    } else if (!strcmp(local, "vMerge")) {
        r->now.continued = !val_is(nattr, attrs, "restart");
    } else if (strcmp(local, "tcPr") != 0) {
        r->skip = r->depth; /* nested tables, as for ODF, and everything else */
    }
}

/* Inside the body, outside paragraphs: tables, their rows and cells. */
static void docx_body_start(docx_reader *r, const char *local, int nattr, const xmlChar **attrs)
{
    if (r->cell) {
        docx_cell_start(r, local, nattr, attrs);
    } else if (r->row) {
        if (!strcmp(local, "tc")) {
            r->cell = r->depth;
            xmlBufferEmpty(r->text);
            r->now.span = 1;
            r->now.continued = 0;
        } else if (!strcmp(local, "gridBefore")) {
            r->grid_before = val_count(nattr, attrs, 0, GB_MAX_COLS);
        } else if (strcmp(local, "trPr") != 0) {
            r->skip = r->depth;
        }
    } else if (r->table) {
        if (!strcmp(local, "tr"))
            r->row = r->depth;
        else
            r->skip = r->depth;
    } else if (!strcmp(local, "p")) {
        r->par = r->depth;
        xmlBufferEmpty(r->text);
    } else if (!strcmp(local, "tbl")) {
        r->table = r->depth;
    } else {
        r->skip = r->depth; /* section properties and the like */
    }
}

static void docx_start(void *user, const char *local, const char *uri, int nattr, const xmlChar **attrs)
{
    docx_reader *r = user;
    r->depth++;
    if (r->skip || r->b->failed)
        return;
    if (r->par) {
        if (w_uri(uri))
            docx_par_start(r, local);
        return;
    }
    if (!w_uri(uri))
        r->skip = r->depth; /* another vocabulary (markup compatibility, math) outside paragraphs */
    else if (wrapper(local) || (!r->in_body && !strcmp(local, "document")))
        return;
    else if (!r->in_body && !strcmp(local, "body"))
        r->in_body = 1;
    else if (!r->in_body)
        r->skip = r->depth;
    else
        docx_body_start(r, local, nattr, attrs);
}

static void docx_end(void *user, const char *local, const char *uri)
{
    (void)local, (void)uri;
    docx_reader *r = user;
    size_t d = r->depth--;
    if (r->skip) {
        if (r->skip == d)
            r->skip = 0;
        return;
    }
    if (r->t == d) {
        r->t = 0;
    } else if (r->par == d) {
        r->par = 0;
        if (!r->cell && gb_room_for(r->b, 1, 1) && gb_new_row(r->b, 1)) /* a paragraph of the body */
            gb_set_text(r->b, (r->b->rows - 1) * r->b->cols, (const char *)xmlBufferContent(r->text),
                        (size_t)xmlBufferLength(r->text));
    } else if (r->cell == d) {
        r->cell = 0;
        docx_cell_end(r);
    } else if (r->row == d) {
        r->row = 0;
        docx_row_end(r);
    } else if (r->table == d) {
        r->table = 0;
    }
}

static void docx_chars(void *user, const char *s, int len)
{
    docx_reader *r = user;
    if (r->t && !r->skip)
        xmlBufferAdd(r->text, (const xmlChar *)s, len);
}

int ooxml_docx_from(zipxml *zx, input *in)
{
    in->kind = INPUT_DOCUMENT;
    builder b = {0};
    docx_reader r;
    memset(&r, 0, sizeof r);
    r.b = &b;
    r.text = xmlBufferCreate();
    r.row_text = xmlBufferCreate();
    int rc = -1;
    if (!r.text || !r.row_text) {
        snprintf(in->error, sizeof in->error, "out of memory");
    } else {
        zipxml_handlers h = {docx_start, docx_end, docx_chars, &r};
        rc = zipxml_stream(zx, "word/document.xml", &h, in->error, sizeof in->error);
        if (rc == 0 && !r.in_body) {
            snprintf(in->error, sizeof in->error, "word/document.xml has no w:body: not a Word document");
            rc = -1;
        }
        if (rc == 0)
            rc = gb_finish(&b, in, "");
    }
    gb_drop(&b);
    if (r.text)
        xmlBufferFree(r.text);
    if (r.row_text)
        xmlBufferFree(r.row_text);
    free(r.cells);
    return rc;
}

/* ---- XLSX ---------------------------------------------------------------- */

typedef struct {
    char **items; /* the shared strings, in order */
    size_t n;
} strings;

static void strings_free(strings *s)
{
    for (size_t i = 0; i < s->n; i++)
        xmlFree(s->items[i]);
    free(s->items);
}

/* A string item (si, is): its t, or its runs' t; not the phonetic guide (rPh). */
static void xlsx_text(const xmlNode *n, xmlBuffer *out)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (is_s(k, "t")) {
            xmlChar *t = xmlNodeGetContent(k);
            if (t) {
                xmlBufferCat(out, t);
                xmlFree(t);
            }
        } else if (is_s(k, "r")) {
            xlsx_text(k, out);
        }
    }
}

static int xlsx_strings(zipxml *zx, strings *s, char *err, size_t cap)
{
    memset(s, 0, sizeof *s);
    if (!zipxml_has(zx, "xl/sharedStrings.xml"))
        return 0; /* a workbook of numbers only */
    xmlDoc *doc = zipxml_doc(zx, "xl/sharedStrings.xml", err, cap);
    if (!doc)
        return -1;
    const xmlNode *sst = xmlDocGetRootElement(doc);
    size_t count = 0;
    for (const xmlNode *k = sst ? sst->children : NULL; k; k = k->next)
        count += is_s(k, "si");
    s->items = calloc(count ? count : 1, sizeof *s->items);
    int rc = s->items ? 0 : -1;
    for (const xmlNode *k = sst ? sst->children : NULL; k && rc == 0; k = k->next) {
        if (!is_s(k, "si"))
            continue;
        xmlBuffer *buf = xmlBufferCreate();
        if (!buf) {
            rc = -1;
            break;
        }
        xlsx_text(k, buf);
        s->items[s->n++] = (char *)xmlStrdup(xmlBufferContent(buf));
        xmlBufferFree(buf);
    }
    if (rc != 0)
        snprintf(err, cap, "out of memory");
    xmlFreeDoc(doc);
    return rc;
}

/* "C12" -> column 2, row 11 (from 0); -1 when it is not a cell reference. */
static int cell_ref(const char *s, size_t *row, size_t *col)
{
    size_t c = 0, r = 0, i = 0;
    for (; s[i] >= 'A' && s[i] <= 'Z' && i < 4; i++)
        c = c * 26 + (size_t)(s[i] - 'A' + 1);
    size_t digits = i;
    for (; s[i] >= '0' && s[i] <= '9' && i - digits < 8; i++)
        r = r * 10 + (size_t)(s[i] - '0');
    if (digits == 0 || i == digits || s[i] || c == 0 || r == 0)
        return -1;
    *row = r - 1;
    *col = c - 1;
    return 0;
}

/* Where a cell goes: its own reference, else the one after the previous cell. */
static size_t cell_column(const xmlNode *c, size_t next)
{
    xmlChar *ref = xmlGetNoNsProp(c, (const xmlChar *)"r");
    size_t row, col = next;
    if (ref && cell_ref((const char *)ref, &row, &col) != 0)
        col = next;
    if (ref)
        xmlFree(ref);
    return col;
}

/* One cell's value into cell k: a shared or inline string, a number, other text. */
static void xlsx_cell(builder *b, size_t k, const xmlNode *c, const strings *ss)
{
    xmlChar *type = xmlGetNoNsProp(c, (const xmlChar *)"t");
    const xmlNode *v = child_s(c, "v");
    xmlChar *val = v ? xmlNodeGetContent(v) : NULL;
    const char *t = type ? (const char *)type : "n";
    double num;
    if (!strcmp(t, "inlineStr")) {
        xmlBuffer *buf = xmlBufferCreate();
        const xmlNode *is = child_s(c, "is");
        if (buf && is)
            xlsx_text(is, buf);
        if (buf) {
            gb_set_text(b, k, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
            xmlBufferFree(buf);
        }
    } else if (val && !strcmp(t, "s")) {
        double idx;
        if (gb_xml_number((const char *)val, &idx) == 0 && idx >= 0 && idx < (double)ss->n)
            gb_set_text(b, k, ss->items[(size_t)idx], strlen(ss->items[(size_t)idx]));
    } else if (val && (!strcmp(t, "n") || !strcmp(t, "b")) && gb_xml_number((const char *)val, &num) == 0) {
        gb_set_number(b, k, num);
    } else if (val) { /* str (a formula's text), e (#DIV/0!), d (a date as text) */
        gb_set_text(b, k, (const char *)val, strlen((const char *)val));
    }
    if (val)
        xmlFree(val);
    if (type)
        xmlFree(type);
}

/* The widest column a row's cells reach (+1), and whether some lie beyond GB_MAX_COLS. */
static size_t xlsx_row_width(const xmlNode *row, size_t *cut)
{
    size_t width = 0, next = 0;
    for (const xmlNode *c = row->children; c; c = c->next) {
        if (!is_s(c, "c"))
            continue;
        size_t col = cell_column(c, next);
        next = col + 1;
        if (!child_s(c, "v") && !child_s(c, "is"))
            continue; /* a styled empty cell */
        if (col >= GB_MAX_COLS)
            (*cut)++;
        else if (col + 1 > width)
            width = col + 1;
    }
    return width;
}

static void xlsx_sheet_rows(builder *b, const xmlNode *data, const strings *ss)
{
    size_t next_row = 0;
    for (const xmlNode *row = data->children; row && !b->failed; row = row->next) {
        if (!is_s(row, "row"))
            continue;
        size_t r = next_row;
        xmlChar *ref = xmlGetNoNsProp(row, (const xmlChar *)"r");
        if (ref) {
            long x = strtol((const char *)ref, NULL, 10);
            if (x >= 1 && (size_t)x - 1 >= next_row && x <= GB_MAX_ROWS)
                r = (size_t)x - 1; /* rows go down; a row out of order is taken as the next */
            xmlFree(ref);
        }
        next_row = r + 1;
        size_t width = xlsx_row_width(row, &b->cut_cols);
        if (width == 0)
            continue; /* blank rows are made only when something follows them */
        if (!gb_room_for(b, r + 1 - b->rows, width))
            return;
        while (b->rows < r)
            if (!gb_new_row(b, 1))
                return;
        if (!gb_new_row(b, width))
            return;
        size_t next = 0;
        for (const xmlNode *c = row->children; c; c = c->next) {
            if (!is_s(c, "c"))
                continue;
            size_t col = cell_column(c, next);
            next = col + 1;
            if (col < width)
                xlsx_cell(b, r * b->cols + col, c, ss);
        }
    }
}

/* The archive entry of a workbook relationship's target ("worksheets/sheet1.xml" is
 * xl/worksheets/sheet1.xml, "/xl/worksheets/sheet1.xml" as it is); only used to look
 * an entry up, never as a file name. */
static int rel_target(const xmlDoc *rels, const char *id, char *entry, size_t cap)
{
    const xmlNode *root = xmlDocGetRootElement(rels);
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "Relationship") != 0)
            continue;
        xmlChar *rid = xmlGetNoNsProp(k, (const xmlChar *)"Id");
        xmlChar *target = xmlGetNoNsProp(k, (const xmlChar *)"Target");
        int match = rid && target && !strcmp((const char *)rid, id);
        if (match) {
            const char *t = (const char *)target;
            snprintf(entry, cap, "%s%s", t[0] == '/' ? "" : "xl/", t[0] == '/' ? t + 1 : t);
        }
        if (rid)
            xmlFree(rid);
        if (target)
            xmlFree(target);
        if (match)
            return 0;
    }
    return -1;
}

static int xlsx_sheet(zipxml *zx, const xmlDoc *rels, const xmlNode *sheet, const strings *ss, input *in)
{
    xmlChar *name = xmlGetNoNsProp(sheet, (const xmlChar *)"name");
    xmlChar *id = xmlGetNsProp(sheet, (const xmlChar *)"id", (const xmlChar *)NS_R);
    if (!id)
        id = xmlGetNsProp(sheet, (const xmlChar *)"id", (const xmlChar *)NS_R_STRICT);
    char entry[512];
    int rc = 0;
    if (!id || rel_target(rels, (const char *)id, entry, sizeof entry) != 0) {
        snprintf(in->error, sizeof in->error, "sheet '%s' has no part in the workbook: damaged?",
                 name ? (const char *)name : "");
        rc = -1;
    } else {
        xmlDoc *doc = zipxml_doc(zx, entry, in->error, sizeof in->error);
        const xmlNode *data = doc ? child_s(xmlDocGetRootElement(doc), "sheetData") : NULL;
        builder b = {0};
        if (data)
            xlsx_sheet_rows(&b, data, ss);
        rc = doc ? gb_finish(&b, in, name ? (const char *)name : "") : -1;
        gb_drop(&b);
        if (doc)
            xmlFreeDoc(doc);
    }
    if (name)
        xmlFree(name);
    if (id)
        xmlFree(id);
    return rc;
}

int ooxml_xlsx_from(zipxml *zx, input *in)
{
    in->kind = INPUT_SHEET;
    strings ss;
    xmlDoc *wb = zipxml_doc(zx, "xl/workbook.xml", in->error, sizeof in->error);
    xmlDoc *rels = wb ? zipxml_doc(zx, "xl/_rels/workbook.xml.rels", in->error, sizeof in->error) : NULL;
    int rc = rels ? xlsx_strings(zx, &ss, in->error, sizeof in->error) : -1;
    if (rc == 0) {
        const xmlNode *sheets = child_s(xmlDocGetRootElement(wb), "sheets");
        if (!sheets) {
            snprintf(in->error, sizeof in->error, "xl/workbook.xml names no sheets: not an Excel workbook");
            rc = -1;
        }
        for (const xmlNode *s = sheets ? sheets->children : NULL; s && rc == 0; s = s->next)
            if (is_s(s, "sheet"))
                rc = xlsx_sheet(zx, rels, s, &ss, in);
        strings_free(&ss);
    }
    if (rels)
        xmlFreeDoc(rels);
    if (wb)
        xmlFreeDoc(wb);
    return rc;
}
