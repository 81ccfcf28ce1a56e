#include "TopicFilter.h"

using namespace Qt::StringLiterals;

namespace tideline {

namespace {
// The MQTT limit: topic names and filters are UTF-8 strings of at most 65,535 bytes.
constexpr qsizetype kMaxTopicBytes = 65535;

bool fail(QString *why, const QString &reason)
{
    if (why)
        *why = reason;
    return false;
}

// Checks the parts every topic string shares: not empty, no NUL, not too long.
bool checkCommon(const QString &s, QString *why, bool isFilter)
{
    if (s.isEmpty())
        return fail(why, isFilter ? TopicFilter::tr("A topic filter must not be empty.")
                                  : TopicFilter::tr("A topic must not be empty."));
    if (s.contains(QChar(0)))
        return fail(why, TopicFilter::tr("A topic must not contain the NUL character."));
    if (s.toUtf8().size() > kMaxTopicBytes)
        return fail(why, TopicFilter::tr("A topic must not be longer than 65,535 bytes in UTF-8."));
    return true;
}

bool checkFilterLevels(QStringView filter, QString *why)
{
    const qsizetype hash = filter.indexOf(u'#');
    if (hash >= 0) {
        if (hash != filter.size() - 1)
            return fail(why, TopicFilter::tr("'#' must be the last level of a filter, as in \"a/b/#\"."));
        if (hash > 0 && filter[hash - 1] != u'/')
            return fail(why, TopicFilter::tr("'#' must be a whole level: write \"a/#\", not \"a#\"."));
    }
    for (qsizetype i = filter.indexOf(u'+'); i >= 0; i = filter.indexOf(u'+', i + 1)) {
        const bool startsLevel = i == 0 || filter[i - 1] == u'/';
        const bool endsLevel = i + 1 == filter.size() || filter[i + 1] == u'/';
        if (!startsLevel || !endsLevel)
            return fail(why, TopicFilter::tr("'+' must be a whole level: write \"a/+/b\", not \"a+/b\"."));
    }
    return true;
}

bool isValidWildcardPattern(const QString &pattern)
{
    return TopicFilter::isValidFilter(pattern, nullptr);
}
} // namespace

TopicFilter::TopicFilter(const QString &pattern)
    : m_pattern(pattern)
{
    if ((pattern.contains(u'+') || pattern.contains(u'#')) && isValidWildcardPattern(pattern)
        && !pattern.startsWith(u"$share/"_s)) {
        m_wildcard = true;
        m_levels = pattern.split(u'/');
    }
}

bool TopicFilter::matches(const QString &topic) const
{
    return matches(QStringView(topic));
}

bool TopicFilter::matches(QStringView topic) const
{
    if (m_pattern.isEmpty())
        return true;
    if (!m_wildcard)
        return topic.contains(m_pattern, Qt::CaseInsensitive);

    // A filter starting with a wildcard does not match topics starting with '$' (§4.7.2).
    if (topic.startsWith(u'$') && (m_levels.front() == u"+"_s || m_levels.front() == u"#"_s))
        return false;

    qsizetype start = 0;
    bool topicDone = false;
    for (const QString &level : m_levels) {
        if (level == u"#"_s)
            return true; // the rest, including nothing: "a/#" matches "a"
        if (topicDone)
            return false;
        qsizetype slash = topic.indexOf(u'/', start);
        const qsizetype end = slash < 0 ? topic.size() : slash;
        if (level != u"+"_s && topic.sliced(start, end - start) != level)
            return false;
        if (slash < 0)
            topicDone = true;
        else
            start = slash + 1;
    }
    return topicDone;
}

bool TopicFilter::isValidFilter(const QString &filter, QString *why)
{
    if (!checkCommon(filter, why, true))
        return false;
    QStringView rest(filter);
    // Shared subscription: "$share/<ShareName>/<filter>", ShareName one level without wildcards.
    if (filter.startsWith(u"$share/"_s)) {
        rest = rest.sliced(7);
        const qsizetype slash = rest.indexOf(u'/');
        const QStringView group = slash < 0 ? rest : rest.first(slash);
        if (group.isEmpty())
            return fail(why, TopicFilter::tr("A shared subscription needs a group name: \"$share/group/filter\"."));
        if (group.contains(u'+') || group.contains(u'#'))
            return fail(why, TopicFilter::tr("The group name of a shared subscription must not contain '+' or '#'."));
        if (slash < 0 || slash + 1 == rest.size())
            return fail(why, TopicFilter::tr("A shared subscription needs a filter after the group name: \"$share/group/filter\"."));
        rest = rest.sliced(slash + 1);
    }
    return checkFilterLevels(rest, why);
}

bool TopicFilter::isValidTopicName(const QString &topic, QString *why)
{
    if (!checkCommon(topic, why, false))
        return false;
    if (topic.contains(u'+') || topic.contains(u'#'))
        return fail(why, TopicFilter::tr("A topic to publish to must not contain the wildcards '+' or '#'."));
    return true;
}

} // namespace tideline
