#include "socinv.h"

static const char *const messages[] = {
#define SI_MSG_(name, msg) msg,
    SOCINV_STATUS_LIST(SI_MSG_)
#undef SI_MSG_
};

static const char *const names[] = {
#define SI_NAME_(name, msg) #name,
    SOCINV_STATUS_LIST(SI_NAME_)
#undef SI_NAME_
};

const char *socinv_strerror(socinv_status status)
{
    if ((unsigned)status >= SOCINV_STATUS_MAX)
        return "unknown status";
    return messages[status];
}

const char *socinv_status_name(socinv_status status)
{
    if ((unsigned)status >= SOCINV_STATUS_MAX)
        return "SOCINV_UNKNOWN";
    return names[status];
}
