#pragma once

// Invariants every decoder result must satisfy, checked by every fuzz target: a violation
// aborts, so libFuzzer records the input as a crash.

#include "payload/DecodedPayload.h"

#include <QByteArray>

#include <cstdlib>

namespace fuzz {

inline void check(bool condition)
{
    if (!condition)
        std::abort();
}

inline void checkResult(const tideline::DecodedPayload &d, const char *expectedId = nullptr)
{
    using namespace tideline;
    if (expectedId)
        check(d.decoderId == QLatin1String(expectedId));
    check(d.ok == d.error.isEmpty());
    check(d.text.size() <= PayloadLimits::MaxTextChars);
    check(d.fields.size() <= PayloadLimits::MaxFields);
    check(d.warnings.size() <= PayloadLimits::MaxWarnings + 1);
    for (const auto &f : d.fields)
        check(f.depth >= 0 && f.value.size() <= PayloadLimits::MaxValueChars);
    if (d.inner)
        checkResult(*d.inner);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    // A real copy: decoders may keep slices, and libFuzzer reuses its buffer.
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace fuzz
