#include "JsonTableFilterProxy.h"

#include "JsonTableModel.h"

namespace lw {

JsonTableFilterProxy::JsonTableFilterProxy(JsonTableModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setSortRole(JsonTableModel::SortRole);
    connect(source, &QAbstractItemModel::modelReset, this, &JsonTableFilterProxy::forgetVerdicts);
    connect(source, &QAbstractItemModel::rowsInserted, this, &JsonTableFilterProxy::forgetVerdicts);
    connect(source, &QAbstractItemModel::rowsRemoved, this, &JsonTableFilterProxy::forgetVerdicts);
    connect(source, &QAbstractItemModel::dataChanged, this, &JsonTableFilterProxy::forgetVerdicts);
}

void JsonTableFilterProxy::forgetVerdicts()
{
    m_verdicts.clear();
}

void JsonTableFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    // A row the old text rejected cannot match a text that contains the old one.
    m_narrowing = !m_text.isEmpty() && text.contains(m_text, Qt::CaseInsensitive);
    if (!m_narrowing)
        m_verdicts.clear();
    m_text = text;
    invalidateFilter();
    m_narrowing = false;
}

bool JsonTableFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || m_text.isEmpty())
        return true;
    const auto row = static_cast<size_t>(sourceRow);
    if (m_verdicts.size() != static_cast<size_t>(m_source->rowCount()))
        m_verdicts.assign(static_cast<size_t>(m_source->rowCount()), -1);
    if (m_narrowing && m_verdicts[row] == 0)
        return false;
    bool kept = false;
    for (int column = 0; column < m_source->columnCount() && !kept; ++column)
        kept = m_source->cellText(sourceRow, column).contains(m_text, Qt::CaseInsensitive);
    m_verdicts[row] = kept ? 1 : 0;
    return kept;
}

} // namespace lw
