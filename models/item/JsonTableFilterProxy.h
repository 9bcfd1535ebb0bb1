#pragma once

#include <QSortFilterProxyModel>

#include <vector>

namespace lw {

class JsonTableModel;

// Sorts by JsonTableModel::SortRole and keeps the rows where any cell contains the filter text
// (case-insensitive). Reads the model's cached cell texts directly instead of through QVariant,
// and when a keystroke only narrows the filter ("c4" -> "c42") it re-checks only the rows the
// previous text kept: one keystroke over 100k collectors must stay under 50 ms.
class JsonTableFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit JsonTableFilterProxy(JsonTableModel *source, QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void forgetVerdicts();

    JsonTableModel *m_source;
    QString m_text;
    bool m_narrowing = false;
    mutable std::vector<signed char> m_verdicts; // per source row: -1 unknown, 0 rejected, 1 kept
};

} // namespace lw
