#ifndef CPHONENUMBER_PLUS_NUMBER_H
#define CPHONENUMBER_PLUS_NUMBER_H
#include "cphonenumber.h"

namespace cphonenumber {

/* Fills *info for a number written as '+', digits and the separators ' ', '-', '(', ')', '.', with the
   verdicts libphonenumber's parse, GetNumberType, IsPossibleNumber, E.164 formatting and
   GetRegionCodeForNumber give, computed from its own metadata without its regular-expression engine.
   False, with *info untouched, for any number where that is not certain (a national prefix or leading
   zero after the country code, a country whose patterns are outside the supported syntax...): the
   caller then asks libphonenumber. */
bool analyzePlusNumber(const char *number, cphonenumber_info *info);

}  // namespace cphonenumber
#endif
