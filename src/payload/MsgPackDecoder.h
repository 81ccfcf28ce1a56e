#pragma once

#include "DecodedPayload.h"

#include <QCoreApplication>

namespace tideline {

// MessagePack view (https://github.com/msgpack/msgpack/blob/master/spec.md), hand-written and
// bounded: every length is checked against the bytes left before anything is read or
// reserved, nesting and item counts are capped, and the timestamp extension (type -1) is shown
// as a date. Several top-level objects in one payload are decoded as a stream.
class MsgPackDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(MsgPackDecoder)

public:
    static constexpr QLatin1String Id{"msgpack"};
    static constexpr qint64 MaxItems = 250000;
    static constexpr qsizetype MaxTopLevelItems = 10000;

    static DecodedPayload decode(const QByteArray &payload, const DecodeContext &context = {});
};

static_assert(PayloadDecoder<MsgPackDecoder>);

} // namespace tideline
