#include "PayloadDiff.h"

#include "DecodedPayload.h"
#include "JsonDecoder.h"
#include "PrettyWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

using Change = PayloadDiff::Change;

QString compactJson(const QJsonValue &v)
{
    QString text;
    switch (v.type()) {
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        break;
    default: {
        // Serialise a scalar through a one-element array: Qt's own number formatting.
        const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        text = QString::fromUtf8(a.mid(1, a.size() - 2));
        break;
    }
    }
    return payload::elide(text);
}

class JsonComparer
{
public:
    explicit JsonComparer(PayloadDiff::Result &result) : m_result(result) {}

    void compare(const QString &path, const QJsonValue &a, const QJsonValue &b)
    {
        if (full())
            return;
        if (a.type() != b.type()) {
            add({Change::Kind::Changed, path, compactJson(a), compactJson(b)});
            return;
        }
        if (a.isObject()) {
            const QJsonObject oa = a.toObject();
            const QJsonObject ob = b.toObject();
            // Both key lists are sorted: one merge pass.
            const QStringList ka = oa.keys();
            const QStringList kb = ob.keys();
            qsizetype i = 0, j = 0;
            while ((i < ka.size() || j < kb.size()) && !full()) {
                if (j >= kb.size() || (i < ka.size() && ka.at(i) < kb.at(j))) {
                    add({Change::Kind::Removed, payload::memberPath(path, ka.at(i)), compactJson(oa.value(ka.at(i))), {}});
                    ++i;
                } else if (i >= ka.size() || kb.at(j) < ka.at(i)) {
                    add({Change::Kind::Added, payload::memberPath(path, kb.at(j)), {}, compactJson(ob.value(kb.at(j)))});
                    ++j;
                } else {
                    compare(payload::memberPath(path, ka.at(i)), oa.value(ka.at(i)), ob.value(kb.at(j)));
                    ++i;
                    ++j;
                }
            }
            return;
        }
        if (a.isArray()) {
            const QJsonArray aa = a.toArray();
            const QJsonArray ab = b.toArray();
            const qsizetype common = std::min(aa.size(), ab.size());
            for (qsizetype i = 0; i < common && !full(); ++i)
                compare(payload::indexPath(path, i), aa.at(i), ab.at(i));
            for (qsizetype i = common; i < aa.size() && !full(); ++i)
                add({Change::Kind::Removed, payload::indexPath(path, i), compactJson(aa.at(i)), {}});
            for (qsizetype i = common; i < ab.size() && !full(); ++i)
                add({Change::Kind::Added, payload::indexPath(path, i), {}, compactJson(ab.at(i))});
            return;
        }
        if (a != b)
            add({Change::Kind::Changed, path, compactJson(a), compactJson(b)});
    }

private:
    bool full()
    {
        if (m_result.changes.size() >= PayloadDiff::MaxChanges) {
            m_result.truncated = true;
            return true;
        }
        return false;
    }
    void add(Change change) { m_result.changes.append(std::move(change)); }

    PayloadDiff::Result &m_result;
};

QStringList splitLines(const QByteArray &bytes)
{
    QStringList lines = QString::fromUtf8(bytes).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty() && bytes.endsWith('\n'))
        lines.removeLast(); // a final newline ends the last line, it does not start another
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines;
}

void lineDiff(const QStringList &a, const QStringList &b, PayloadDiff::Result &result)
{
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;

    auto add = [&](Change::Kind kind, qsizetype ia, qsizetype ib) {
        if (result.changes.size() >= PayloadDiff::MaxChanges) {
            result.truncated = true;
            return;
        }
        Change c;
        c.kind = kind;
        if (kind == Change::Kind::Removed) {
            c.oldLine = int(prefix + ia + 1);
            c.oldValue = payload::elide(a.at(prefix + ia));
        } else {
            c.newLine = int(prefix + ib + 1);
            c.newValue = payload::elide(b.at(prefix + ib));
        }
        result.changes.append(c);
    };

    if (qint64(n) * qint64(m) > PayloadDiff::MaxLineCells) {
        // Too big for an exact diff within bounds: one removed block, one added block.
        result.truncated = true;
        for (qsizetype i = 0; i < n; ++i)
            add(Change::Kind::Removed, i, 0);
        for (qsizetype j = 0; j < m; ++j)
            add(Change::Kind::Added, 0, j);
        return;
    }
    // Longest common subsequence over the differing middle, suffix table for a forward walk.
    std::vector<quint32> lcs(size_t(n + 1) * size_t(m + 1), 0);
    auto at = [&](qsizetype i, qsizetype j) -> quint32 & { return lcs[size_t(i) * size_t(m + 1) + size_t(j)]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            at(i, j) = a.at(prefix + i) == b.at(prefix + j) ? at(i + 1, j + 1) + 1
                                                            : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(prefix + i) == b.at(prefix + j)) {
            ++i;
            ++j;
        } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
            add(Change::Kind::Removed, i++, 0);
        } else {
            add(Change::Kind::Added, 0, j++);
        }
    }
}

void byteDiff(const QByteArray &a, const QByteArray &b, PayloadDiff::Result &result, qint64 *differing)
{
    const qsizetype common = std::min(a.size(), b.size());
    constexpr qsizetype Block = 4096;
    qsizetype runStart = -1;
    auto closeRun = [&](qsizetype end) {
        if (runStart < 0)
            return;
        if (result.changes.size() < PayloadDiff::MaxChanges) {
            Change c;
            c.kind = Change::Kind::Changed;
            c.offset = runStart;
            c.length = end - runStart;
            c.oldValue = payload::hexPreview(QByteArrayView(a).sliced(runStart, end - runStart), 16);
            c.newValue = payload::hexPreview(QByteArrayView(b).sliced(runStart, end - runStart), 16);
            result.changes.append(c);
        } else {
            result.truncated = true;
        }
        runStart = -1;
    };
    for (qsizetype block = 0; block < common; block += Block) {
        const qsizetype len = std::min(Block, common - block);
        if (runStart < 0 && std::memcmp(a.constData() + block, b.constData() + block, size_t(len)) == 0)
            continue; // fast path: identical block
        for (qsizetype k = block; k < block + len; ++k) {
            if (a.at(k) != b.at(k)) {
                ++*differing;
                if (runStart < 0)
                    runStart = k;
            } else {
                closeRun(k);
            }
        }
    }
    closeRun(common);
    if (a.size() != b.size()) {
        Change c;
        c.kind = a.size() > b.size() ? Change::Kind::Removed : Change::Kind::Added;
        c.offset = common;
        c.length = std::abs(a.size() - b.size());
        (a.size() > b.size() ? c.oldValue : c.newValue) =
            payload::hexPreview(QByteArrayView(a.size() > b.size() ? a : b).sliced(common), 16);
        if (result.changes.size() < PayloadDiff::MaxChanges)
            result.changes.append(c);
        else
            result.truncated = true;
    }
}

} // namespace

PayloadDiff::Result PayloadDiff::diff(const QByteArray &before, const QByteArray &after)
{
    Result result;
    if (before == after) {
        result.mode = Mode::Identical;
        result.summary = tr("The payloads are identical (%1).").arg(payload::formatSize(before.size()));
        return result;
    }

    if (before.size() <= MaxJsonInput && after.size() <= MaxJsonInput) {
        const auto a = JsonDecoder::parse(before);
        if (a.ok) {
            const auto b = JsonDecoder::parse(after);
            if (b.ok) {
                result.mode = Mode::Json;
                JsonComparer(result).compare(u"$"_s, a.value, b.value);
                if (result.changes.isEmpty())
                    result.summary = tr("Same JSON value, different formatting.");
                else
                    result.summary = tr("%n JSON change(s)", nullptr, int(result.changes.size()));
                if (result.truncated)
                    result.summary = tr("More than %n JSON change(s); the first are listed.", nullptr, MaxChanges);
                return result;
            }
        }
    }

    if (before.size() <= MaxTextInput && after.size() <= MaxTextInput && payload::isValidUtf8(before)
        && payload::isValidUtf8(after)) {
        result.mode = Mode::Lines;
        lineDiff(splitLines(before), splitLines(after), result);
        int removed = 0, added = 0;
        for (const auto &c : std::as_const(result.changes))
            (c.kind == Change::Kind::Removed ? removed : added) += 1;
        result.summary = tr("%1 line(s) removed, %2 added").arg(removed).arg(added);
        if (result.truncated)
            result.summary = tr("%1 (shortened: the difference is too large to list exactly)").arg(result.summary);
        return result;
    }

    result.mode = Mode::Bytes;
    qint64 differing = 0;
    byteDiff(before, after, result, &differing);
    result.summary = tr("%1 → %2; %n byte(s) differ in the common part", nullptr, int(std::min<qint64>(differing, INT_MAX)))
                         .arg(payload::formatSize(before.size()), payload::formatSize(after.size()));
    return result;
}

} // namespace tideline
