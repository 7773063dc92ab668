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
static int is_w(const xmlNode *n, const char *name) { return is_ns(n, NS_W, NS_W_STRICT, name); }
static int is_s(const xmlNode *n, const char *name) { return is_ns(n, NS_S, NS_S_STRICT, name); }

static const xmlNode *child_w(const xmlNode *n, const char *name)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (is_w(k, name))
            return k;
    return NULL;
}

static const xmlNode *child_s(const xmlNode *n, const char *name)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (is_s(k, name))
            return k;
    return NULL;
}

/* An attribute in the element's namespace or none (w:val, or a plain "r"); NULL if absent. */
static xmlChar *attr(const xmlNode *n, const char *name)
{
    xmlChar *v = n->ns ? xmlGetNsProp(n, (const xmlChar *)name, n->ns->href) : NULL;
    return v ? v : xmlGetNoNsProp(n, (const xmlChar *)name);
}

/* A small whole-number attribute (w:gridSpan, w:gridBefore), `dflt` when absent or odd. */
static long attr_count(const xmlNode *n, const char *name, long dflt, long max)
{
    xmlChar *v = n ? attr(n, name) : NULL;
    if (!v)
        return dflt;
    long x = strtol((const char *)v, NULL, 10);
    xmlFree(v);
    return x >= 1 && x <= max ? x : dflt;
}

/* ---- DOCX ---------------------------------------------------------------- */

/* The text a paragraph shows: runs' w:t, tabs, breaks; not deleted text of tracked
 * changes, field instructions, footnote references or drawings (text boxes). */
static void docx_text(const xmlNode *n, xmlBuffer *out)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (is_w(k, "t")) {
            xmlChar *t = xmlNodeGetContent(k);
            if (t) {
                xmlBufferCat(out, t);
                xmlFree(t);
            }
        } else if (is_w(k, "tab") || is_w(k, "ptab")) {
            xmlBufferCCat(out, "\t");
        } else if (is_w(k, "br") || is_w(k, "cr")) {
            xmlBufferCCat(out, "\n");
        } else if (is_w(k, "noBreakHyphen")) {
            xmlBufferCCat(out, "-");
        } else if (is_w(k, "del") || is_w(k, "moveFrom") || is_w(k, "delText") || is_w(k, "instrText") ||
                   is_w(k, "drawing") || is_w(k, "pict") || is_w(k, "object") || is_w(k, "rPr") ||
                   is_w(k, "pPr") || is_w(k, "footnoteReference") || is_w(k, "endnoteReference")) {
            continue;
        } else {
            docx_text(k, out); /* w:r, w:hyperlink, w:ins, w:smartTag, w:fldSimple, w:sdt... */
        }
    }
}

/* A cell's paragraphs joined by line ends (nested tables left out, as for ODF). */
static void docx_cell_text(const xmlNode *n, xmlBuffer *out)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (is_w(k, "p")) {
            if (xmlBufferLength(out))
                xmlBufferCCat(out, "\n");
            docx_text(k, out);
        } else if (is_w(k, "sdt") || is_w(k, "sdtContent") || is_w(k, "customXml")) {
            docx_cell_text(k, out);
        }
    }
}

/* The cells of a row, through content controls and custom XML around them. */
static size_t docx_cells(const xmlNode *tr, const xmlNode **cells, size_t cap)
{
    size_t n = 0;
    for (const xmlNode *k = tr->children; k && n < cap; k = k->next) {
        if (is_w(k, "tc"))
            cells[n++] = k;
        else if (is_w(k, "sdt") || is_w(k, "sdtContent") || is_w(k, "customXml"))
            n += docx_cells(k, cells + n, cap - n);
    }
    return n;
}

static void docx_row(builder *b, const xmlNode *tr)
{
    const xmlNode *cells[GB_MAX_COLS];
    size_t n = docx_cells(tr, cells, GB_MAX_COLS);
    size_t width = (size_t)attr_count(child_w(child_w(tr, "trPr"), "gridBefore"), "val", 0, GB_MAX_COLS);
    size_t first = width;
    for (size_t i = 0; i < n; i++)
        width += (size_t)attr_count(child_w(child_w(cells[i], "tcPr"), "gridSpan"), "val", 1, GB_MAX_COLS);
    if (width > GB_MAX_COLS) {
        b->cut_cols += width - GB_MAX_COLS;
        width = GB_MAX_COLS;
    }
    if (!gb_room_for(b, 1, width) || !gb_new_row(b, width ? width : 1))
        return;
    size_t r = b->rows - 1, c = first;
    for (size_t i = 0; i < n && c < width; i++) {
        const xmlNode *pr = child_w(cells[i], "tcPr");
        const xmlNode *vmerge = child_w(pr, "vMerge");
        xmlChar *vm = vmerge ? attr(vmerge, "val") : NULL;
        int continued = vmerge && (!vm || strcmp((const char *)vm, "restart") != 0);
        if (vm)
            xmlFree(vm);
        if (!continued) { /* a cell merged with the one above shows nothing of its own */
            xmlBuffer *buf = xmlBufferCreate();
            if (!buf) {
                b->failed = 1;
                return;
            }
            docx_cell_text(cells[i], buf);
            gb_set_text(b, r * b->cols + c, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
            xmlBufferFree(buf);
        }
        c += (size_t)attr_count(child_w(pr, "gridSpan"), "val", 1, GB_MAX_COLS);
    }
}

static void docx_table(builder *b, const xmlNode *tbl)
{
    for (const xmlNode *k = tbl->children; k && !b->failed; k = k->next) {
        if (is_w(k, "tr"))
            docx_row(b, k);
        else if (is_w(k, "sdt") || is_w(k, "sdtContent") || is_w(k, "customXml"))
            docx_table(b, k);
    }
}

/* Paragraphs and tables of the body in order, one row per paragraph or table row. */
static void docx_body(builder *b, const xmlNode *parent)
{
    for (const xmlNode *n = parent->children; n && !b->failed; n = n->next) {
        if (is_w(n, "p")) {
            if (!gb_room_for(b, 1, 1) || !gb_new_row(b, 1))
                return;
            xmlBuffer *buf = xmlBufferCreate();
            if (!buf) {
                b->failed = 1;
                return;
            }
            docx_text(n, buf);
            gb_set_text(b, (b->rows - 1) * b->cols, (const char *)xmlBufferContent(buf),
                        (size_t)xmlBufferLength(buf));
            xmlBufferFree(buf);
        } else if (is_w(n, "tbl")) {
            docx_table(b, n);
        } else if (is_w(n, "sdt") || is_w(n, "sdtContent") || is_w(n, "customXml")) {
            docx_body(b, n);
        }
    }
}

int ooxml_read_docx(const char *file, input *in)
{
    zipxml *zx = zipxml_open(file, in->error, sizeof in->error);
    if (!zx)
        return -1;
    int rc = ooxml_docx_from(zx, in);
    zipxml_close(zx);
    return rc;
}

int ooxml_docx_from(zipxml *zx, input *in)
{
    in->kind = INPUT_DOCUMENT;
    xmlDoc *doc = zipxml_doc(zx, "word/document.xml", in->error, sizeof in->error);
    if (!doc)
        return -1;
    const xmlNode *body = child_w(xmlDocGetRootElement(doc), "body");
    int rc = -1;
    if (!body) {
        snprintf(in->error, sizeof in->error, "word/document.xml has no w:body: not a Word document");
    } else {
        builder b = {0};
        docx_body(&b, body);
        rc = gb_finish(&b, in, "");
        gb_drop(&b);
    }
    xmlFreeDoc(doc);
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

int ooxml_read_xlsx(const char *file, input *in)
{
    zipxml *zx = zipxml_open(file, in->error, sizeof in->error);
    if (!zx)
        return -1;
    int rc = ooxml_xlsx_from(zx, in);
    zipxml_close(zx);
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
