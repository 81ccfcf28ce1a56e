#include "FuzzyMatch.h"

#include <QString>

#include <algorithm>

namespace tideline {

namespace {

constexpr int SubstringBase = 1000;
constexpr int SubsequenceBase = 100;
constexpr int WordStartBonus = 60;
constexpr int TextStartBonus = 40;
constexpr int ConsecutiveBonus = 8;

bool isWordStart(QStringView text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar prev = text.at(i - 1);
    const QChar cur = text.at(i);
    // After a space or punctuation (/ - _ . : ›), and at a camelCase hump.
    return (!prev.isLetterOrNumber() && cur.isLetterOrNumber()) || (prev.isLower() && cur.isUpper());
}

bool sameChar(QChar a, QChar b)
{
    return a == b || a.toCaseFolded() == b.toCaseFolded();
}

bool isSubsequence(QStringView term, QStringView text)
{
    qsizetype t = 0;
    for (qsizetype i = 0; i < text.size() && t < term.size(); ++i) {
        if (sameChar(term.at(t), text.at(i)))
            ++t;
    }
    return t == term.size();
}

// One term as a substring: the first occurrence at a word start, else the first one at all.
std::optional<FuzzyMatch> substringMatch(QStringView term, QStringView text)
{
    qsizetype best = -1;
    for (qsizetype from = 0;;) {
        const qsizetype at = text.indexOf(term, from, Qt::CaseInsensitive);
        if (at < 0)
            break;
        if (best < 0)
            best = at;
        if (isWordStart(text, at)) {
            best = at;
            break;
        }
        from = at + 1;
    }
    if (best < 0)
        return std::nullopt;
    FuzzyMatch m;
    m.score = SubstringBase + ConsecutiveBonus * int(term.size());
    if (isWordStart(text, best))
        m.score += WordStartBonus;
    if (best == 0)
        m.score += TextStartBonus;
    // Earlier is a little better.
    m.score -= int(qMin<qsizetype>(best, 50));
    for (qsizetype i = 0; i < term.size(); ++i)
        m.positions.append(int(best + i));
    return m;
}

// One term as a subsequence. Each character prefers the next word start that still leaves room
// for the rest of the term, else the next plain occurrence: "ows" in "Open workspace" takes
// O, w (word start) and s rather than the first w-like letters it meets.
std::optional<FuzzyMatch> subsequenceMatch(QStringView term, QStringView text)
{
    FuzzyMatch m;
    m.score = SubsequenceBase;
    qsizetype pos = 0;
    int previous = -2;
    for (qsizetype t = 0; t < term.size(); ++t) {
        const QChar c = term.at(t);
        qsizetype plain = -1;
        qsizetype wordStart = -1;
        for (qsizetype i = pos; i < text.size(); ++i) {
            if (!sameChar(c, text.at(i)))
                continue;
            if (plain < 0)
                plain = i;
            if (isWordStart(text, i)) {
                wordStart = i;
                break;
            }
        }
        if (plain < 0)
            return std::nullopt;
        // Continuing a run beats jumping to a word start.
        qsizetype chosen = plain;
        if (wordStart >= 0 && plain != previous + 1
            && isSubsequence(term.mid(t + 1), text.mid(wordStart + 1)))
            chosen = wordStart;
        if (chosen == previous + 1)
            m.score += ConsecutiveBonus;
        if (isWordStart(text, chosen))
            m.score += WordStartBonus / 3;
        else
            m.score -= 2;
        m.positions.append(int(chosen));
        previous = int(chosen);
        pos = chosen + 1;
    }
    return m;
}

} // namespace

std::optional<FuzzyMatch> fuzzyMatch(QStringView pattern, QStringView candidate)
{
    FuzzyMatch total;
    bool any = false;
    qsizetype start = 0;
    while (start < pattern.size()) {
        while (start < pattern.size() && pattern.at(start).isSpace())
            ++start;
        qsizetype end = start;
        while (end < pattern.size() && !pattern.at(end).isSpace())
            ++end;
        if (end > start) {
            const QStringView term = pattern.mid(start, end - start);
            std::optional<FuzzyMatch> m = substringMatch(term, candidate);
            if (!m)
                m = subsequenceMatch(term, candidate);
            if (!m)
                return std::nullopt;
            total.score += m->score;
            total.positions.append(m->positions);
            any = true;
        }
        start = end;
    }
    if (!any)
        return FuzzyMatch{};
    std::sort(total.positions.begin(), total.positions.end());
    total.positions.erase(std::unique(total.positions.begin(), total.positions.end()),
                          total.positions.end());
    // Among equally good matches the shorter candidate is the more specific one.
    total.score -= int(qMin<qsizetype>(candidate.size(), 200)) / 4;
    return total;
}

QList<int> fuzzyRank(QStringView pattern, const QStringList &candidates, int limit)
{
    struct Scored
    {
        int index;
        int score;
    };
    std::vector<Scored> scored;
    scored.reserve(size_t(candidates.size()));
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (const auto m = fuzzyMatch(pattern, candidates.at(i)))
            scored.push_back({int(i), m->score});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored &a, const Scored &b) { return a.score > b.score; });
    QList<int> result;
    const size_t count = limit >= 0 ? std::min(scored.size(), size_t(limit)) : scored.size();
    result.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i)
        result.append(scored[i].index);
    return result;
}

} // namespace tideline
