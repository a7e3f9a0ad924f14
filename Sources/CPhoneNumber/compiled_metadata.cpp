#include "compiled_metadata.h"

#include <phonenumbers/phonemetadata.pb.h>

#include <cstdint>

// Exported by libphonenumber (metadata.h is not installed): the serialized PhoneMetadataCollection that
// PhoneNumberUtil loads. Reading the same bytes keeps the fast path on exactly the library's data.
namespace i18n {
namespace phonenumbers {
int metadata_size();
const void *metadata_get();
}  // namespace phonenumbers
}  // namespace i18n

namespace cphonenumber {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberDesc;

/* Protocol-buffer wire format, just enough for these messages (field numbers from the generated header). */
struct WireReader {
    const uint8_t *position;
    const uint8_t *end;
    bool failed = false;

    bool more() const { return !failed && position < end; }

    uint64_t varint() {
        uint64_t value = 0;
        for (int shift = 0; shift < 64 && position < end; shift += 7) {
            uint8_t byte = *position++;
            value |= uint64_t(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return value;
        }
        failed = true;
        return 0;
    }

    /* The bytes of a length-delimited field. */
    WireReader nested() {
        uint64_t length = varint();
        if (failed || length > uint64_t(end - position)) {
            failed = true;
            return WireReader{end, end};
        }
        WireReader inner{position, position + length};
        position += length;
        return inner;
    }

    void skip(int wireType) {
        switch (wireType) {
        case 0: varint(); break;
        case 1: position = end - position >= 8 ? position + 8 : (failed = true, end); break;
        case 2: nested(); break;
        case 5: position = end - position >= 4 ? position + 4 : (failed = true, end); break;
        default: failed = true;
        }
    }
};

std::string text(WireReader field) { return std::string(reinterpret_cast<const char *>(field.position), size_t(field.end - field.position)); }

bool readDesc(WireReader in, NumberDesc *desc) {
    while (in.more()) {
        uint64_t key = in.varint();
        int field = int(key >> 3), wireType = int(key & 7);
        if (field == PhoneNumberDesc::kNationalNumberPatternFieldNumber && wireType == 2) {
            desc->pattern = text(in.nested());
        } else if (field == PhoneNumberDesc::kPossibleLengthFieldNumber && wireType == 0) {
            desc->possibleLengths.push_back(int(int32_t(in.varint())));
        } else if (field == PhoneNumberDesc::kPossibleLengthFieldNumber && wireType == 2) {
            WireReader packed = in.nested();
            while (packed.more()) desc->possibleLengths.push_back(int(int32_t(packed.varint())));
            if (packed.failed) return false;
        } else {
            in.skip(wireType);
        }
    }
    return !in.failed;
}

int descIndex(int field) {
    switch (field) {
    case PhoneMetadata::kGeneralDescFieldNumber: return kGeneralDesc;
    case PhoneMetadata::kPremiumRateFieldNumber: return kPremiumRate;
    case PhoneMetadata::kTollFreeFieldNumber: return kTollFree;
    case PhoneMetadata::kSharedCostFieldNumber: return kSharedCost;
    case PhoneMetadata::kVoipFieldNumber: return kVoip;
    case PhoneMetadata::kPersonalNumberFieldNumber: return kPersonalNumber;
    case PhoneMetadata::kPagerFieldNumber: return kPager;
    case PhoneMetadata::kUanFieldNumber: return kUan;
    case PhoneMetadata::kVoicemailFieldNumber: return kVoicemail;
    case PhoneMetadata::kFixedLineFieldNumber: return kFixedLine;
    case PhoneMetadata::kMobileFieldNumber: return kMobile;
    default: return -1;
    }
}

bool readRegion(WireReader in, RegionMetadata *region) {
    while (in.more()) {
        uint64_t key = in.varint();
        int field = int(key >> 3), wireType = int(key & 7);
        int desc = descIndex(field);
        if (desc >= 0 && wireType == 2) {
            if (!readDesc(in.nested(), &region->descs[desc])) return false;
        } else if (field == PhoneMetadata::kIdFieldNumber && wireType == 2) {
            region->id = text(in.nested());
        } else if (field == PhoneMetadata::kCountryCodeFieldNumber && wireType == 0) {
            region->countryCode = int(in.varint());
        } else if (field == PhoneMetadata::kSameMobileAndFixedLinePatternFieldNumber && wireType == 0) {
            region->sameMobileAndFixedLinePattern = in.varint() != 0;
        } else if (field == PhoneMetadata::kLeadingDigitsFieldNumber && wireType == 2) {
            region->hasLeadingDigits = true;
            region->leadingDigits = text(in.nested());
        } else if (field == PhoneMetadata::kNationalPrefixForParsingFieldNumber && wireType == 2) {
            region->nationalPrefixForParsing = text(in.nested());
        } else {
            in.skip(wireType);
        }
    }
    return !in.failed;
}

std::vector<RegionMetadata> decode() {
    const auto *bytes = static_cast<const uint8_t *>(i18n::phonenumbers::metadata_get());
    WireReader in{bytes, bytes + i18n::phonenumbers::metadata_size()};
    std::vector<RegionMetadata> regions;
    while (in.more()) {
        uint64_t key = in.varint();
        int field = int(key >> 3), wireType = int(key & 7);
        if (field == PhoneMetadataCollection::kMetadataFieldNumber && wireType == 2) {
            RegionMetadata region;
            if (!readRegion(in.nested(), &region)) return {};
            regions.push_back(std::move(region));
        } else {
            in.skip(wireType);
        }
    }
    // Undecodable data leaves no fast path: every number then goes through libphonenumber itself.
    if (in.failed) return {};
    return regions;
}

}  // namespace

const std::vector<RegionMetadata> &compiledInMetadata() {
    static const std::vector<RegionMetadata> regions = decode();
    return regions;
}

}  // namespace cphonenumber
