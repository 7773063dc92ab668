/* The table memo: what the glue made of a whole printed table (a recognised
 * business case, its audit), kept across calls and handed to a later call given
 * the same cells, so that the template's NETIMPACT cells (one per year and basis)
 * and its CASECHECK read and recognise their one table once per recalculation,
 * not once per cell. A table matches only when every cell is the same: the same
 * type, a number's bits, a text's UTF-16 units. uno_dispatch.c looks a range up
 * before decoding it; the glue finds the payload with sv_table_payload() and
 * keeps a new one with sv_table_keep() (call.h).
 *
 * One lock guards the memo: a call takes it (or, when another call holds it,
 * goes without the memo and does all the work itself) and holds it until it
 * returns, so an entry it was given is neither replaced nor freed meanwhile. */
#ifndef SOCINV_UNO_MEMO_H
#define SOCINV_UNO_MEMO_H

#include "call.h"
#include "uno_addin.h"

/* A range of at least this many cells and three columns, whose first cell is
 * text, is looked up: a printed table has a label column and two years or more,
 * and a header (NETIMPACT's columns of kinds and areas are not looked up). */
#define SV_MEMO_MIN_CELLS 16

/* Take the memo for this call: 1, or 0 when another call holds it. */
int sv_memo_lock(void);
void sv_memo_unlock(void);

/* The range rows (nrows x ncols [][]any) as the memo holds it: its decoded cells
 * and the payload kept for it, or NULL. The caller holds the lock. */
const sv_cell *sv_memo_find(const uno_Sequence *rows, size_t nrows, size_t ncols, void **payload);

/* Keep payload for the range rows of call's argument arg (its decoded cells
 * args[arg].cells, copied): sv_call.memo.keep while the call holds the lock. 1
 * when kept (the memo owns it: free_payload frees it when its entry is
 * replaced), 0 when not (a range the memo does not hold: too big, ragged, a
 * value other than a number or text). */
int sv_memo_keep(sv_call *c, void *payload, void (*free_payload)(void *));

#endif
