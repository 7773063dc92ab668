/* Reading untrusted office files: ZIP archives with libzip and XML with libxml2,
 * under limits. Every reader of DOCX, XLSX, ODS, ODT (and flat ODF) parses
 * through here, so the guards are in one place:
 *  - an entry is read into memory only up to ZX_MAX_ENTRY bytes, and only if it
 *    does not expand more than ZX_MAX_RATIO times (a zip bomb), with at most
 *    ZX_MAX_TOTAL bytes read from one archive; the sizes the archive states are
 *    checked again while inflating (they may lie);
 *  - entries are looked up by fixed names: no path from an archive is ever used
 *    as a file name (nothing is extracted to disk);
 *  - encrypted entries are refused with a clear error (so is a password-protected
 *    OOXML file, which is not a ZIP archive but an OLE container);
 *  - XML is parsed without entity substitution, DTD loading, network access or
 *    XML_PARSE_HUGE, and a document with a DTD at all (<!DOCTYPE>: office files
 *    never have one, and it is where expanding entities are declared) is refused.
 * libzip (not libarchive or minizip): made for random access to named ZIP entries,
 * stating sizes and encryption before reading, in Debian as libzip-dev. */
#ifndef SOCINV_CLI_ZIPXML_H
#define SOCINV_CLI_ZIPXML_H

#include <stddef.h>

#include <libxml/tree.h>

#define ZX_MAX_ENTRY ((size_t)64 << 20)
#define ZX_MAX_TOTAL ((size_t)256 << 20)
#define ZX_MAX_RATIO 200
#define ZX_MAX_ENTRIES 65535

typedef struct zipxml zipxml;

/* Open a ZIP archive (a regular file: it is opened without waiting on a FIFO).
 * NULL with a one-line reason in err. */
zipxml *zipxml_open(const char *path, char *err, size_t cap);
/* The same from an open regular file (not closed; read from the start): what a caller
 * that checked the descriptor (fstat: owner, links) reads, without opening the path again. */
zipxml *zipxml_open_fd(int fd, char *err, size_t cap);
/* The same from bytes in memory (the fuzz target); data must outlive the archive. */
zipxml *zipxml_open_memory(const void *data, size_t len, char *err, size_t cap);
void zipxml_close(zipxml *zx);
/* Does the archive hold an entry of this name? */
int zipxml_has(zipxml *zx, const char *name);
/* Parse entry `name` as XML. NULL with a reason in err (absent, too large,
 * encrypted, damaged, not XML, has a DTD). Free with xmlFreeDoc. */
xmlDoc *zipxml_doc(zipxml *zx, const char *name, char *err, size_t cap);
/* Stream entry `name` through callbacks instead of building a tree (the large parts:
 * a Word document's body is megabytes of XML): elements with their local name,
 * namespace URI and attributes (libxml2's SAX2 layout: 5 pointers each, local name,
 * prefix, URI, value start, value end), and text. Same guards as zipxml_doc.
 * 0, or -1 with a reason in err. */
typedef struct zipxml_handlers {
    void (*start)(void *user, const char *local, const char *uri, int nattr, const xmlChar **attrs);
    void (*end)(void *user, const char *local, const char *uri);
    void (*text)(void *user, const char *s, int len);
    void *user;
} zipxml_handlers;
int zipxml_stream(zipxml *zx, const char *name, const zipxml_handlers *h, char *err, size_t cap);
/* Parse a file as XML (flat ODF) under the same rules. */
xmlDoc *zipxml_file_doc(const char *path, char *err, size_t cap);
/* Parse bytes as XML under the same rules (what the fuzz target drives). */
xmlDoc *zipxml_memory_doc(const char *data, size_t len, char *err, size_t cap);

#endif
