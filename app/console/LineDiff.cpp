#include "LineDiff.h"

#include <algorithm>

namespace lw::console {

std::vector<DiffLine> lineDiff(const QString &before, const QString &after, int maxLines)
{
    const QStringList a = before.isEmpty() ? QStringList() : before.split(QLatin1Char('\n'));
    const QStringList b = after.isEmpty() ? QStringList() : after.split(QLatin1Char('\n'));
    std::vector<DiffLine> out;
    if (a.size() > maxLines || b.size() > maxLines) {
        for (const QString &line : a)
            out.push_back({DiffLine::Op::Removed, line});
        for (const QString &line : b)
            out.push_back({DiffLine::Op::Added, line});
        return out;
    }
    // lcs[i][j]: the length of the common subsequence of a[i..] and b[j..], filled from the end
    // (at most 2001 x 2001 ints, 16 MB, with the default limit).
    const size_t n = static_cast<size_t>(a.size()), m = static_cast<size_t>(b.size());
    std::vector<int> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> int & { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
        for (size_t j = m; j-- > 0;)
            at(i, j) = a[qsizetype(i)] == b[qsizetype(j)] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[qsizetype(i)] == b[qsizetype(j)]) {
            out.push_back({DiffLine::Op::Same, a[qsizetype(i)]});
            ++i, ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            out.push_back({DiffLine::Op::Removed, a[qsizetype(i++)]});
        } else {
            out.push_back({DiffLine::Op::Added, b[qsizetype(j++)]});
        }
    }
    for (; i < n; ++i)
        out.push_back({DiffLine::Op::Removed, a[qsizetype(i)]});
    for (; j < m; ++j)
        out.push_back({DiffLine::Op::Added, b[qsizetype(j)]});
    return out;
}

QString unifiedText(const std::vector<DiffLine> &diff)
{
    QStringList lines;
    for (const DiffLine &d : diff)
        lines << (d.op == DiffLine::Op::Same ? QStringLiteral("  ") : d.op == DiffLine::Op::Removed ? QStringLiteral("- ")
                                                                                                  : QStringLiteral("+ "))
                     + d.text;
    return lines.join(QLatin1Char('\n'));
}

} // namespace lw::console
