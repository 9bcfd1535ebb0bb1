#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace lw::console {

// A line diff of two texts (an audit entry's before and after, a pipeline now and proposed):
// the lines of the longest common subsequence are kept, the others removed or added.
struct DiffLine {
    enum class Op { Same, Removed, Added } op;
    QString text;
};

// The common first and last lines are kept as they are; a middle over maxLines lines on either
// side is not aligned (the table would be quadratic): its lines are all removed, then all added.
std::vector<DiffLine> lineDiff(const QString &before, const QString &after, int maxLines = 2000);

// "  same", "- removed", "+ added", one per line.
QString unifiedText(const std::vector<DiffLine> &diff);

} // namespace lw::console
