#include "JsonTableModel.h"

#include "AccessModels.h"

#include <QColor>
#include <QDateTime>

namespace lw {

JsonTableModel::JsonTableModel(std::vector<Column> columns, QObject *parent)
    : QAbstractTableModel(parent), m_columns(std::move(columns))
{
    for (const Column &c : m_columns)
        m_pointers.emplace_back(c.pointer);
    m_sortKeys.resize(m_columns.size());
}

void JsonTableModel::setRecords(std::vector<Json> records)
{
    beginResetModel();
    m_records = std::move(records);
    m_texts.assign(m_records.size() * m_columns.size(), QString());
    for (auto &keys : m_sortKeys)
        keys.clear();
    endResetModel();
}

int JsonTableModel::indexOfName(const std::string &name) const
{
    for (size_t i = 0; i < m_records.size(); ++i) {
        if (m_records[i].value("name", m_records[i].value("id", "")) == name)
            return static_cast<int>(i);
    }
    return -1;
}

int JsonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int JsonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

const Json *JsonTableModel::cell(int row, int column) const
{
    const Json &rec = m_records[static_cast<size_t>(row)];
    const Json::json_pointer &ptr = m_pointers[static_cast<size_t>(column)];
    return rec.contains(ptr) ? &rec.at(ptr) : nullptr;
}

const QString &JsonTableModel::cellText(int row, int column) const
{
    QString &cached = m_texts[static_cast<size_t>(row) * m_columns.size() + static_cast<size_t>(column)];
    if (!cached.isNull())
        return cached;
    const Json *v = cell(row, column);
    QString text;
    if (v) {
        if (v->is_string())
            text = QString::fromStdString(v->get<std::string>());
        else if (v->is_boolean())
            text = v->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v->is_array()) {
            QStringList items;
            for (const Json &item : *v)
                items << QString::fromStdString(item.is_string() ? item.get<std::string>() : item.dump());
            text = items.join(QStringLiteral(", "));
        } else if (!v->is_null())
            text = QString::fromStdString(v->dump());
    }
    if (text.isNull())
        text = QLatin1String(""); // empty but not null: marks the cell as computed
    cached = std::move(text);
    return cached;
}

const QVariant &JsonTableModel::sortKey(int row, int column) const
{
    std::vector<QVariant> &keys = m_sortKeys[static_cast<size_t>(column)];
    if (keys.empty()) {
        keys.reserve(m_records.size());
        for (int r = 0; r < rowCount(); ++r) {
            const Json *v = cell(r, column);
            keys.push_back(v && v->is_number() ? QVariant(v->get<double>()) : QVariant(cellText(r, column).toLower()));
        }
    }
    return keys[static_cast<size_t>(row)];
}

QVariant JsonTableModel::statusColour(const QString &v)
{
    static const QStringList good = {"ALLOY_ONLINE", "REMOTECFG_UP", "OK", "active", "true"};
    static const QStringList warn = {"DEGRADED", "REMOTECFG_PENDING", "ALLOY_UNKNOWN", "UNKNOWN"};
    static const QStringList bad = {"ALLOY_OFFLINE", "REMOTECFG_DOWN", "REMOTECFG_FAILED", "ERROR", "inactive", "false"};
    if (good.contains(v))
        return QColor(0x2e, 0x7d, 0x32);
    if (warn.contains(v))
        return QColor(0xb2, 0x6a, 0x00);
    if (bad.contains(v))
        return QColor(0xc6, 0x28, 0x28);
    return {};
}

QVariant JsonTableModel::expiryColour(const QString &rfc3339, qint64 nowSeconds)
{
    auto ms = lw::parseRfc3339Millis(rfc3339.toStdString());
    if (!ms)
        return {};
    const qint64 left = *ms / 1000 - nowSeconds;
    if (left <= 0)
        return QColor(0xc6, 0x28, 0x28);
    if (left < 7 * 86400)
        return QColor(0xb2, 0x6a, 0x00);
    return {};
}

QVariant JsonTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cellText(index.row(), index.column());
    case SortRole:
        return sortKey(index.row(), index.column());
    case Qt::ForegroundRole:
        if (m_columns[static_cast<size_t>(index.column())].kind == Column::Kind::Expiry)
            return expiryColour(cellText(index.row(), index.column()), QDateTime::currentSecsSinceEpoch());
        return statusColour(cellText(index.row(), index.column()));
    default:
        return {};
    }
}

QVariant JsonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < columnCount())
        return m_columns[static_cast<size_t>(section)].header;
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace lw
