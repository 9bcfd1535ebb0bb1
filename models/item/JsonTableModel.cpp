#include "JsonTableModel.h"

#include "AccessModels.h"

#include <QColor>
#include <QDateTime>

namespace lw {

JsonTableModel::JsonTableModel(std::vector<Column> columns, QObject *parent)
    : QAbstractTableModel(parent), m_columns(std::move(columns))
{
}

void JsonTableModel::setRecords(std::vector<Json> records)
{
    beginResetModel();
    m_records = std::move(records);
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

const Json *JsonTableModel::cell(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return nullptr;
    const Json &rec = m_records[static_cast<size_t>(index.row())];
    const Json::json_pointer ptr(m_columns[static_cast<size_t>(index.column())].pointer);
    return rec.contains(ptr) ? &rec.at(ptr) : nullptr;
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
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Json *v = cell(index);
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
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text;
    case SortRole:
        if (v && v->is_number())
            return v->get<double>();
        return text.toLower();
    case Qt::ForegroundRole:
        if (m_columns[static_cast<size_t>(index.column())].kind == Column::Kind::Expiry)
            return expiryColour(text, QDateTime::currentSecsSinceEpoch());
        return statusColour(text);
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
