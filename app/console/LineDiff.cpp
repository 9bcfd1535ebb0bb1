#include "LineDiff.h"

#include <algorithm>

namespace lw::console {

namespace {

// The longest common subsequence of two short texts, as Same/Removed/Added lines.
void alignMiddle(const QStringList &a, const QStringList &b, std::vector<DiffLine> &out)
{
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
}

} // namespace

std::vector<DiffLine> lineDiff(const QString &before, const QString &after, int maxLines)
{
    const QStringList a = before.isEmpty() ? QStringList() : before.split(QLatin1Char('\n'));
    const QStringList b = after.isEmpty() ? QStringList() : after.split(QLatin1Char('\n'));
    // The lines both texts start and end with are kept as they are; only the middle is aligned
    // (one record changed in a pipeline of a thousand is a short middle).
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    std::vector<DiffLine> out;
    for (qsizetype k = 0; k < head; ++k)
        out.push_back({DiffLine::Op::Same, a[k]});
    const QStringList midA = a.mid(head, a.size() - head - tail), midB = b.mid(head, b.size() - head - tail);
    if (midA.size() > maxLines || midB.size() > maxLines) {
        for (const QString &line : midA)
            out.push_back({DiffLine::Op::Removed, line});
        for (const QString &line : midB)
            out.push_back({DiffLine::Op::Added, line});
    } else {
        alignMiddle(midA, midB, out);
    }
    for (qsizetype k = a.size() - tail; k < a.size(); ++k)
        out.push_back({DiffLine::Op::Same, a[k]});
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
