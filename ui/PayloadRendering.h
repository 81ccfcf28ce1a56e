#pragma once

#include "payload/DecodedPayload.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace tideline {

// Everything the payload view needs to show one payload, prepared away from the widgets: the
// decoding, the text as it will be displayed (capped), the spots to mark in it and a scaled
// image preview. A plain value built by render() on any thread (QImage is thread-safe; no
// QPixmap, no widgets), so big payloads are prepared on a worker thread and handed over whole.
struct RenderedPayload
{
    QString decoderId;        // the decoder whose result this is
    bool automatic = true;    // chosen by detection, not by the operator
    QStringList candidates;   // detection result, best first
    DecodedPayload decoded;
    qint64 inputSize = 0;

    QString displayText;      // what the text view shows: at most MaxDisplayChars
    bool displayCut = false;  // displayText stops before the decoder's text did
    bool rawShown = false;    // decoding failed: displayText is the payload itself
    bool fixedLayout = false; // hex dumps: no wrapping
    // Character ranges in displayText to mark: invalid UTF-8 (U+FFFD) and the error position.
    QList<QPair<qsizetype, qsizetype>> invalidMarks;
    qsizetype errorPosition = -1;

    QImage image;             // image payloads: a preview at most MaxImagePreview
    QSize imageSize;          // the full size

    // What a wrapper carried: CloudEvents data, base64-decoded bytes.
    std::shared_ptr<const RenderedPayload> data;
};

class PayloadRendering final
{
    Q_DECLARE_TR_FUNCTIONS(PayloadRendering)

public:
    // A text view lays out a long line all at once and pays per line for many lines
    // (measured: one 64K-character line takes ~200 ms); these caps keep one update short.
    static constexpr qsizetype MaxDisplayChars = 256 * 1024;
    static constexpr qsizetype MaxDisplayLines = 4000;
    // Lines longer than this are shown folded (a marker ends each piece) for the same reason.
    static constexpr qsizetype MaxDisplayLineChars = 1024;
    static constexpr int MaxMarks = 2000;
    static constexpr int MaxImagePreview = 1600;

    // Decodes with decoderId, or with the best detected decoder when decoderId is empty.
    static RenderedPayload render(const QString &decoderId, const QString &topic,
                                  const QByteArray &payload, const MessageProperties *properties);
    // Prepares an existing decoding of `bytes` (nested data of a wrapper).
    static RenderedPayload prepare(DecodedPayload decoded, const QByteArray &bytes);

    // "148 B", "1.5 MiB": compact sizes for tables and captions (no plural forms needed).
    static QString sizeText(qint64 bytes);

    // "JSON", "MessagePack", "Sparkplug B", … for a decoder id.
    static QString decoderName(const QString &decoderId);
    // Every decoder id in the order the selector lists them.
    static QStringList decoderOrder();

    // Caps a text for display: at most MaxDisplayChars and MaxDisplayLines, lines longer
    // than MaxDisplayLineChars folded with a marker. Sets *cut when something was left out;
    // positions (character offsets into text) are moved to where they end up, or -1 when cut.
    static QString displayable(const QString &text, bool *cut, QList<qsizetype *> positions = {});
    static constexpr QChar FoldMarker{u'\u21B5'}; // ↵
};

} // namespace tideline
