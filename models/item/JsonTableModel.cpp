#include "JsonTableModel.h"

#include "AccessModels.h"

#include <QColor>
#include <QStringList>
#include <QDateTime>

#include <simdjson.h>

#include <cmath>
#include <limits>

namespace lw {

JsonTableModel::JsonTableModel(std::vector<Column> columns, QObject *parent)
    : QAbstractTableModel(parent), m_columns(std::move(columns)), m_parser(std::make_unique<simdjson::dom::parser>())
{
    m_sortKeys.resize(m_columns.size());
}

JsonTableModel::~JsonTableModel() = default;

namespace {

QString utf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The text of a cell as the table shows it: strings as they are, arrays joined with ", ",
// anything else as compact JSON; absent or null is empty.
QString cellTextOf(simdjson::dom::element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::STRING:
        return utf8(std::string_view(value));
    case simdjson::dom::element_type::NULL_VALUE:
        return QString();
    case simdjson::dom::element_type::ARRAY: {
        QStringList items;
        for (simdjson::dom::element item : simdjson::dom::array(value))
            items << (item.is_string() ? utf8(std::string_view(item)) : utf8(simdjson::minify(item)));
        return items.join(QStringLiteral(", "));
    }
    default:
        return utf8(simdjson::minify(value));
    }
}

} // namespace

void JsonTableModel::setRecords(const std::vector<Json> &records)
{
    // One reading path for every source of rows: these few records go through the same parser.
    const std::string body = Json{{"records", records}}.dump();
    loadRecords(QByteArray::fromRawData(body.data(), static_cast<qsizetype>(body.size())), "records");
}

bool JsonTableModel::loadRecords(const QByteArray &body, const std::string &listKey)
{
    simdjson::dom::element root;
    simdjson::dom::array list;
    if (m_parser->parse(body.constData(), static_cast<size_t>(body.size())).get(root) != simdjson::SUCCESS
        || root[listKey].get_array().get(list) != simdjson::SUCCESS)
        return false;

    const size_t columns = m_columns.size();
    const size_t rows = list.size();
    std::vector<std::string> json, names;
    std::vector<QString> texts;
    std::vector<double> numbers;
    json.reserve(rows);
    names.reserve(rows);
    texts.reserve(rows * columns);
    numbers.reserve(rows * columns);
    for (simdjson::dom::element record : list) {
        json.push_back(simdjson::minify(record));
        std::string_view name;
        if (record[m_keyField].get_string().get(name) != simdjson::SUCCESS)
            name = {};
        names.emplace_back(name);
    }
    // Cells in a pass of their own, so their texts sit together in memory: a filter keystroke
    // scans them all, and interleaved with the records' JSON it ran at about half the speed.
    for (simdjson::dom::element record : list) {
        for (const Column &column : m_columns) {
            simdjson::dom::element value;
            double number = std::numeric_limits<double>::quiet_NaN();
            QString text;
            if (record.at_pointer(column.pointer).get(value) == simdjson::SUCCESS) {
                text = cellTextOf(value);
                if (value.is_number())
                    number = double(value);
            }
            texts.push_back(std::move(text));
            numbers.push_back(number);
        }
    }

    beginResetModel();
    m_json = std::move(json);
    m_names = std::move(names);
    m_texts = std::move(texts);
    m_numbers = std::move(numbers);
    for (auto &keys : m_sortKeys)
        keys.clear();
    endResetModel();
    return true;
}

Json JsonTableModel::record(int row) const
{
    return Json::parse(m_json.at(static_cast<size_t>(row)));
}

int JsonTableModel::indexOfName(const std::string &name) const
{
    for (size_t i = 0; i < m_names.size(); ++i) {
        if (m_names[i] == name)
            return static_cast<int>(i);
    }
    return -1;
}

int JsonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_names.size());
}

int JsonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

const QString &JsonTableModel::cellText(int row, int column) const
{
    return m_texts[static_cast<size_t>(row) * m_columns.size() + static_cast<size_t>(column)];
}

const QVariant &JsonTableModel::sortKey(int row, int column) const
{
    std::vector<QVariant> &keys = m_sortKeys[static_cast<size_t>(column)];
    if (keys.empty()) {
        keys.reserve(m_names.size());
        for (int r = 0; r < rowCount(); ++r) {
            const double number = m_numbers[static_cast<size_t>(r) * m_columns.size() + static_cast<size_t>(column)];
            keys.push_back(std::isnan(number) ? QVariant(cellText(r, column).toLower()) : QVariant(number));
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
