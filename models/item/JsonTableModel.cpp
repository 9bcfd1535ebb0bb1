#include "JsonTableModel.h"

#include "AccessModels.h"

#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QStringList>
#include <QTextDocument>

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
    std::vector<QString> texts, raws;
    std::vector<double> numbers;
    std::vector<Tone> tones;
    json.reserve(rows);
    names.reserve(rows);
    texts.reserve(rows * columns);
    raws.reserve(rows * columns);
    numbers.reserve(rows * columns);
    tones.reserve(rows * columns);
    for (simdjson::dom::element record : list) {
        json.push_back(simdjson::minify(record));
        std::string_view name;
        int64_t number = 0;
        if (record[m_keyField].get_string().get(name) == simdjson::SUCCESS)
            names.emplace_back(name);
        else if (record[m_keyField].get_int64().get(number) == simdjson::SUCCESS) // (the audit log's ids)
            names.push_back(std::to_string(number));
        else
            names.emplace_back();
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
            if (column.present) {
                Presented shown = column.present(text);
                tones.push_back(shown.tone);
                raws.push_back(std::move(text));
                texts.push_back(std::move(shown.text));
            } else {
                tones.push_back(column.kind == Column::Kind::Text ? statusTone(text) : Tone::None);
                raws.emplace_back();
                texts.push_back(std::move(text));
            }
            numbers.push_back(number);
        }
    }

    beginResetModel();
    m_json = std::move(json);
    m_names = std::move(names);
    m_texts = std::move(texts);
    m_raw = std::move(raws);
    m_tones = std::move(tones);
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

JsonTableModel::Tone JsonTableModel::statusTone(const QString &v)
{
    if (v.size() > 17 || v.size() < 2) // (the longest status word): most cells are not one
        return Tone::None;
    static const QHash<QString, Tone> tones = {
        {QStringLiteral("ALLOY_ONLINE"), Tone::Good},      {QStringLiteral("REMOTECFG_UP"), Tone::Good},
        {QStringLiteral("OK"), Tone::Good},                {QStringLiteral("active"), Tone::Good},
        {QStringLiteral("true"), Tone::Good},              {QStringLiteral("DEGRADED"), Tone::Warning},
        {QStringLiteral("REMOTECFG_PENDING"), Tone::Warning}, {QStringLiteral("ALLOY_UNKNOWN"), Tone::Warning},
        {QStringLiteral("UNKNOWN"), Tone::Warning},        {QStringLiteral("ALLOY_OFFLINE"), Tone::Bad},
        {QStringLiteral("REMOTECFG_DOWN"), Tone::Bad},     {QStringLiteral("REMOTECFG_FAILED"), Tone::Bad},
        {QStringLiteral("ERROR"), Tone::Bad},              {QStringLiteral("inactive"), Tone::Bad},
        {QStringLiteral("false"), Tone::Bad}};
    return tones.value(v, Tone::None);
}

QVariant JsonTableModel::toneColour(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return QColor(0x2e, 0x7d, 0x32);
    case Tone::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case Tone::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case Tone::Neutral:
        return QColor(0x75, 0x75, 0x75);
    case Tone::None:
        break;
    }
    return {};
}

QString JsonTableModel::ageText(const QString &rfc3339, qint64 nowMs)
{
    const auto ms = lw::parseRfc3339Millis(rfc3339.toStdString());
    if (!ms)
        return {};
    const qint64 seconds = (nowMs - *ms) / 1000;
    if (seconds < -60) // (a clock a little behind the server's is not "the future")
        return tr("in the future");
    if (seconds < 5)
        return tr("now");
    if (seconds < 120)
        return tr("%1 s ago").arg(seconds);
    if (seconds < 7200)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 d ago").arg(seconds / 86400);
}

namespace {

QString plainTip(const QString &text)
{
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text) : text;
}

// A small filled circle in the tone's colour, beside the words (colour is not the only cue: the
// words say it too).
QIcon toneIcon(JsonTableModel::Tone tone)
{
    static QIcon icons[5];
    QIcon &icon = icons[static_cast<int>(tone)];
    if (icon.isNull() && tone != JsonTableModel::Tone::None) {
        QPixmap pixmap(12, 12);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(JsonTableModel::toneColour(tone).value<QColor>());
        painter.drawEllipse(QRectF(1, 1, 10, 10));
        painter.end();
        icon = QIcon(pixmap);
    }
    return icon;
}

} // namespace

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
    const Column &column = m_columns[static_cast<size_t>(index.column())];
    const size_t cell = static_cast<size_t>(index.row()) * m_columns.size() + static_cast<size_t>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (column.kind == Column::Kind::Age) {
            const QString age = ageText(m_texts[cell], QDateTime::currentMSecsSinceEpoch());
            return age.isEmpty() ? m_texts[cell] : age;
        }
        return m_texts[cell];
    case Qt::ToolTipRole:
        if (column.kind == Column::Kind::Age) {
            const auto ms = lw::parseRfc3339Millis(m_texts[cell].toStdString());
            return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*ms), QLocale::LongFormat) : m_texts[cell];
        }
        // Values come from servers and agents: one that looks like markup is shown as the text it is.
        return plainTip(m_raw[cell].isEmpty() ? m_texts[cell] : m_raw[cell]);
    case SortRole:
        return sortKey(index.row(), index.column());
    case Qt::ForegroundRole:
        if (column.kind == Column::Kind::Expiry)
            return expiryColour(m_texts[cell], QDateTime::currentSecsSinceEpoch());
        return toneColour(m_tones[cell]);
    case Qt::DecorationRole:
        return column.present && m_tones[cell] != Tone::None ? QVariant(toneIcon(m_tones[cell])) : QVariant();
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
