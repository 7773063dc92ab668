/* socinv/number.h — numbers as printed, and in the C locale's form whatever the locale. Part of socinv.h: include that. */
#ifndef SOCINV_NUMBER_H
#define SOCINV_NUMBER_H

#include "socinv/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Reading numbers as printed */
/**@{*/
typedef enum socinv_number_style {
    /** "1.200" and "-4.100" are thousands (Danish), "1,5" is a decimal; a lone
     * '.' followed by other than exactly 3 digits is a decimal point ("1.25") */
    SOCINV_NUMBERS_AUTO = 0,
    SOCINV_NUMBERS_DANISH = 1, /**< '.' thousands, ',' decimal */
    SOCINV_NUMBERS_PLAIN = 2   /**< ',' thousands, '.' decimal */
} socinv_number_style;

/**
 * Read a number as the seeds print it: "1.200", "-4.100", "- 1.350", "−504"
 * (Unicode minus), "1,5", "1.234,5", "200*" (footnote mark), "(250)" (negative),
 * "4 år" / "4 years" (unit after the number). A lone "-" or "–" is 0 (dash for
 * zero). Leading/trailing spaces (also no-break spaces) are ignored.
 * @return #SOCINV_E_PARSE if the text is not such a number; #SOCINV_E_LENGTH if empty.
 */
SOCINV_API socinv_status socinv_parse_number(const char *text, size_t len, socinv_number_style style,
                                  double *value);
/** v as printf's "%.*f", "%.*e" or "%.*g" (conv 'f', 'e', 'g'; prec 0..40) would print it in
 * the C locale, with '.' as the decimal point whatever LC_NUMERIC is. Returns the length of
 * the whole text (as snprintf; the text is cut to cap - 1 bytes), or -1 for a bad conv/prec. */
SOCINV_API int socinv_c_format(double v, char conv, int prec, char *buf, size_t cap);

/** strtod of a number in the C locale's form ('.' as the decimal point; a ',' ends it),
 * whatever LC_NUMERIC is. Reads at most 511 bytes of the number. */
SOCINV_API double socinv_c_parse(const char *s, char **end);

/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_NUMBER_H */
