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

// Texts over maxLines lines each are not aligned (the table would be quadratic): every line of
// `before` is then removed and every line of `after` added.
std::vector<DiffLine> lineDiff(const QString &before, const QString &after, int maxLines = 2000);

// "  same", "- removed", "+ added", one per line.
QString unifiedText(const std::vector<DiffLine> &diff);

} // namespace lw::console
