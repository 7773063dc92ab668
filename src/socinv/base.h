/* socinv/base.h — the export macro, limits shared by every family, and status codes. Part of socinv.h: include that. */
#ifndef SOCINV_BASE_H
#define SOCINV_BASE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Exported from libsocinv.so; everything else in the library is hidden. */
#if defined(SOCINV_BUILDING) && defined(__GNUC__)
#define SOCINV_API __attribute__((visibility("default")))
#else
#define SOCINV_API
#endif

/** The digits of a numeric macro as a string literal ("100" for 100). */
#define SOCINV_STR_(x) #x
#define SOCINV_STR(x) SOCINV_STR_(x)

/** Largest number of values any single input may hold (rows × columns).
 * A length above this — which is what a negative length cast to size_t
 * becomes — is rejected with #SOCINV_E_LENGTH. 2^26 cells is 64 full
 * Calc columns. */
#define SOCINV_MAX_CELLS ((size_t)1 << 26)

/* ------------------------------------------------------------------------ */
/** @name Status codes
 * One list, so the enum and the messages cannot drift apart. */
/**@{*/
#define SOCINV_STATUS_LIST(X)                                                          \
    X(SOCINV_OK, "success")                                                            \
    X(SOCINV_NO_RESULT, "the rule has no result for these values (e.g. never pays back)") \
    X(SOCINV_E_NULL, "a required pointer argument is NULL")                            \
    X(SOCINV_E_LENGTH, "an input is empty, or longer than SOCINV_MAX_CELLS")           \
    X(SOCINV_E_SHAPE, "inputs that must have matching shapes do not")                  \
    X(SOCINV_E_NONFINITE, "an input number is NaN or infinite")                        \
    X(SOCINV_E_TYPE, "a value of the wrong type, such as text where a number is required") \
    X(SOCINV_E_RATE, "a rate is -100 % or below")                                      \
    X(SOCINV_E_SHARE, "a share is outside 0-1, or shares do not add up to 1")          \
    X(SOCINV_E_OPTION, "an option or keyword is not one the function knows")           \
    X(SOCINV_E_DOMAIN, "a parameter is outside its allowed range")                     \
    X(SOCINV_E_AREA, "an area (styringsomraade) is not recognised")                   \
    X(SOCINV_E_MISSING_YEAR, "a year is not in the index series")                      \
    X(SOCINV_E_INDEX, "an index value is zero or negative")                            \
    X(SOCINV_E_BUFFER, "an output buffer is too small")                                \
    X(SOCINV_E_OVERFLOW, "the result is too large to represent")                       \
    X(SOCINV_E_NOMEM, "out of memory")                                                 \
    X(SOCINV_E_PARSE, "text could not be read as a number")                            \
    X(SOCINV_E_NOTABLE, "no business-case table was found")

/** Result of every socinv function. */
typedef enum socinv_status {
#define SOCINV_ENUM_ITEM_(name, msg) name,
    SOCINV_STATUS_LIST(SOCINV_ENUM_ITEM_)
#undef SOCINV_ENUM_ITEM_
    SOCINV_STATUS_MAX /**< one past the last status; not a status */
} socinv_status;

/** English message for a status; "unknown status" for values out of range. */
SOCINV_API const char *socinv_strerror(socinv_status status);
/** The enumerator's name ("SOCINV_E_RATE"); "SOCINV_UNKNOWN" out of range. */
SOCINV_API const char *socinv_status_name(socinv_status status);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_BASE_H */
