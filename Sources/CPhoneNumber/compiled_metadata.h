#ifndef CPHONENUMBER_COMPILED_METADATA_H
#define CPHONENUMBER_COMPILED_METADATA_H
#include <string>
#include <vector>

namespace cphonenumber {

/* The number descriptions GetNumberTypeHelper consults, in the order it consults them after the general
   one (fixed line and mobile last). */
enum DescIndex {
    kGeneralDesc, kPremiumRate, kTollFree, kSharedCost, kVoip, kPersonalNumber, kPager, kUan, kVoicemail,
    kFixedLine, kMobile, kDescCount
};

struct NumberDesc {
    /* Empty when the metadata has none: libphonenumber then never matches the description. */
    std::string pattern;
    /* Empty: any length; [-1]: no number of this kind exists. */
    std::vector<int> possibleLengths;
};

/* One PhoneMetadata entry of libphonenumber's compiled-in collection (the fields the type check and the
   national-prefix stripping of a parse read). */
struct RegionMetadata {
    std::string id;  // "GB"; "001" for a non-geographical entity
    int countryCode = 0;
    NumberDesc descs[kDescCount];
    bool sameMobileAndFixedLinePattern = false;
    bool hasLeadingDigits = false;
    std::string leadingDigits;
    std::string nationalPrefixForParsing;
};

/* The metadata the linked libphonenumber was built with, decoded once from the same bytes its
   PhoneNumberUtil parses at start-up (metadata_get), so that both always judge by the same data. */
const std::vector<RegionMetadata> &compiledInMetadata();

}  // namespace cphonenumber
#endif
