#include "PrettyWriter.h"

using namespace Qt::StringLiterals;

namespace tideline::payload {

PrettyWriter::PrettyWriter(qsizetype maxChars, int indentWidth, QString separator)
    : m_separator(std::move(separator)), m_maxChars(maxChars), m_indentWidth(indentWidth)
{
}

void PrettyWriter::append(QStringView text)
{
    if (m_full)
        return;
    if (m_text.size() + text.size() > m_maxChars) {
        m_text += text.left(std::max<qsizetype>(0, m_maxChars - m_text.size()));
        m_full = true;
        return;
    }
    m_text += text;
}

void PrettyWriter::appendNewline()
{
    const qsizetype width = qsizetype(m_levels.size()) * m_indentWidth;
    if (m_spaces.size() < width)
        m_spaces = QString(width * 2, u' ');
    append(u"\n");
    append(QStringView(m_spaces).left(width));
}

void PrettyWriter::beginMember(const QString &key)
{
    if (!m_levels.empty()) {
        Level &level = m_levels.back();
        if (level.members > 0)
            append(m_separator);
        ++level.members;
        appendNewline();
    }
    if (!key.isEmpty()) {
        append(key);
        append(u": ");
    }
}

void PrettyWriter::scalar(const QString &key, const QString &rendered)
{
    if (m_full)
        return;
    beginMember(key);
    append(rendered);
}

void PrettyWriter::open(const QString &key, QStringView opener)
{
    // Levels are tracked even when full so close() stays balanced.
    if (!m_full) {
        beginMember(key);
        append(opener);
    }
    m_levels.push_back({});
}

void PrettyWriter::nextRootValue()
{
    if (m_levels.empty() && !m_text.isEmpty())
        append(u"\n");
}

void PrettyWriter::close(QStringView closer)
{
    if (m_levels.empty())
        return;
    const bool hadMembers = m_levels.back().members > 0;
    m_levels.pop_back();
    if (m_full)
        return;
    if (hadMembers)
        appendNewline();
    append(closer);
}

QString PrettyWriter::take()
{
    return std::move(m_text);
}

static bool isIdentifier(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char16_t c = key.at(i).unicode();
        const bool alpha = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$';
        const bool digit = c >= u'0' && c <= u'9';
        if (!(alpha || (i > 0 && digit)))
            return false;
    }
    return true;
}

QString memberPath(const QString &parent, const QString &key)
{
    if (isIdentifier(key))
        return parent + u'.' + key;
    QString escaped = key;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return parent + u"['"_s + escaped + u"']"_s;
}

QString indexPath(const QString &parent, qint64 index)
{
    return parent + u'[' + QString::number(index) + u']';
}

QString quoteJsonString(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"': out += u"\\\""; break;
        case u'\\': out += u"\\\\"; break;
        case u'\n': out += u"\\n"; break;
        case u'\r': out += u"\\r"; break;
        case u'\t': out += u"\\t"; break;
        case u'\b': out += u"\\b"; break;
        case u'\f': out += u"\\f"; break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

} // namespace tideline::payload
