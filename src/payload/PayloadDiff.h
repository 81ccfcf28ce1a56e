#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tideline {

// Compares two payloads the way an operator reads them: key by key when both are JSON
// ($.items[2].qty changed 1 → 2), line by line when both are text, and as a summary of
// differing byte ranges otherwise. Work and output are bounded.
class PayloadDiff final
{
    Q_DECLARE_TR_FUNCTIONS(PayloadDiff)

public:
    static constexpr int MaxChanges = 1000;
    static constexpr qsizetype MaxJsonInput = 4 * 1024 * 1024;
    static constexpr qsizetype MaxTextInput = 16 * 1024 * 1024;
    static constexpr qint64 MaxLineCells = 4000000; // LCS table size before falling back to one block

    enum class Mode { Identical, Json, Lines, Bytes };

    struct Change
    {
        enum class Kind { Added, Removed, Changed };
        Kind kind = Kind::Changed;
        QString path;       // JSON: $.a.b[0]; lines: empty (see the line numbers); bytes: empty
        QString oldValue;   // compact JSON, line text, or hex preview
        QString newValue;
        int oldLine = 0;    // 1-based line numbers in line mode
        int newLine = 0;
        qint64 offset = -1; // byte mode: where the differing range starts
        qint64 length = 0;
    };

    struct Result
    {
        Mode mode = Mode::Identical;
        QList<Change> changes;
        bool truncated = false; // more changes than MaxChanges, or a coarse fallback was used
        QString summary;
    };

    static Result diff(const QByteArray &before, const QByteArray &after);
};

} // namespace tideline
