#include "Placeholders.h"

#include <QDateTime>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

enum class Kind { None, Seq, Uuid, Now };

struct Match
{
    Kind kind = Kind::None;
    qsizetype length = 0;
};

// Which placeholder (if any) starts at `at`, where text[at..] begins with "{{".
Match placeholderAt(QByteArrayView text, qsizetype at)
{
    const QByteArrayView rest = text.sliced(at);
    if (rest.startsWith("{{seq}}"))
        return {Kind::Seq, 7};
    if (rest.startsWith("{{uuid}}"))
        return {Kind::Uuid, 8};
    if (rest.startsWith("{{now}}"))
        return {Kind::Now, 7};
    return {};
}

} // namespace

PlaceholderExpander::PlaceholderExpander(quint64 seq, qint64 nowMs)
    : m_seq(seq)
    , m_nowMs(nowMs)
{
}

const QByteArray &PlaceholderExpander::uuid()
{
    if (m_uuid.isEmpty())
        m_uuid = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    return m_uuid;
}

const QByteArray &PlaceholderExpander::now()
{
    if (m_now.isEmpty())
        m_now = formatTime(m_nowMs >= 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch());
    return m_now;
}

QByteArray PlaceholderExpander::expand(QByteArrayView text, QList<Replacement> *replacements)
{
    if (replacements)
        replacements->clear();
    qsizetype from = 0;
    qsizetype hit = text.indexOf("{{");
    if (hit < 0)
        return text.toByteArray();
    QByteArray out;
    out.reserve(text.size() + 40);
    while (hit >= 0) {
        const Match m = placeholderAt(text, hit);
        if (m.kind == Kind::None) {
            out.append(text.sliced(from, hit + 1 - from));
            from = hit + 1;
            hit = text.indexOf("{{", from);
            continue;
        }
        out.append(text.sliced(from, hit - from));
        const qsizetype expandedOffset = out.size();
        switch (m.kind) {
        case Kind::Seq:
            if (m_seqText.isEmpty())
                m_seqText = QByteArray::number(m_seq);
            out.append(m_seqText);
            break;
        case Kind::Uuid:
            out.append(uuid());
            break;
        case Kind::Now:
            out.append(now());
            break;
        case Kind::None:
            break;
        }
        if (replacements)
            replacements->append({hit, m.length, expandedOffset, out.size() - expandedOffset});
        from = hit + m.length;
        hit = text.indexOf("{{", from);
    }
    out.append(text.sliced(from));
    return out;
}

QString PlaceholderExpander::expand(const QString &text)
{
    if (!text.contains(u"{{"_s))
        return text;
    return QString::fromUtf8(expand(QByteArrayView(text.toUtf8())));
}

bool PlaceholderExpander::containsPlaceholder(QByteArrayView text)
{
    for (qsizetype hit = text.indexOf("{{"); hit >= 0; hit = text.indexOf("{{", hit + 1)) {
        if (placeholderAt(text, hit).kind != Kind::None)
            return true;
    }
    return false;
}

bool PlaceholderExpander::containsPlaceholder(const QString &text)
{
    return text.contains(u"{{"_s) && containsPlaceholder(QByteArrayView(text.toUtf8()));
}

QByteArray PlaceholderExpander::formatTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
}

qsizetype PlaceholderExpander::sourceOffset(qsizetype expandedOffset, const QList<Replacement> &replacements)
{
    qsizetype shift = 0;
    for (const Replacement &r : replacements) {
        if (expandedOffset < r.expandedOffset)
            break;
        if (expandedOffset < r.expandedOffset + r.expandedLength)
            return r.sourceOffset;
        shift = (r.sourceOffset + r.sourceLength) - (r.expandedOffset + r.expandedLength);
    }
    return expandedOffset + shift;
}

} // namespace tideline
