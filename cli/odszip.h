/* The values of an .ods LibreOffice wrote, read without LibreOffice: its content.xml
 * (libzip, with a size limit) through the flat-ODF reader. */
#ifndef SOCINV_CLI_ODSZIP_H
#define SOCINV_CLI_ODSZIP_H

#include "inputs.h"

/* Largest content.xml read. */
#define ODSZIP_MAX_CONTENT ((size_t)256 << 20)

/* Read the sheets of the .ods open on `fd` (not closed) into `in`, extracting its
 * content.xml to a new file `scratch` (removed again). 0, or -1 with in->error set. */
int odszip_read(int fd, const char *scratch, input *in);

#endif
