#pragma once

#include <QList>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace tideline {

// How well a typed pattern matches a candidate (a command, a topic, a queue name).
struct FuzzyMatch
{
    int score = 0;         // higher is better; only comparable between matches of one pattern
    QList<int> positions;  // indexes in the candidate of the matched characters, ascending
};

// Fuzzy-ish matching for the command palette, case-insensitive.
//
// The pattern is split at white space into terms, and every term must match: as a substring
// (best, especially at the start of a word) or else as a subsequence whose characters appear
// in order ("nwc" finds "New workspace connection"). Word starts — after a space or one of
// / - _ . : › and at a lower-to-upper case change — and runs of consecutive characters score
// higher; shorter candidates win ties. An empty pattern matches everything with score 0.
std::optional<FuzzyMatch> fuzzyMatch(QStringView pattern, QStringView candidate);

// Indexes into `candidates` that match `pattern`, best first (equal scores keep the input
// order), at most `limit` of them when limit >= 0.
QList<int> fuzzyRank(QStringView pattern, const QStringList &candidates, int limit = -1);

} // namespace tideline
