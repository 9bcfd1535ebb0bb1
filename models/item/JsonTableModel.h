#pragma once

#include "Json.h"

#include <QAbstractTableModel>

#include <functional>
#include <memory>
#include <vector>

namespace simdjson::dom {
class parser;
}

namespace lw {

// One table of API records (sources, collectors, tenants…): each column reads a JSON pointer of
// the record. Qt::UserRole gives typed sort keys; status-like values get a coloured badge.
class JsonTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // How a value reads: its words, and whether it is good, a warning or bad (colour and icon).
    enum class Tone : quint8 { None, Good, Warning, Bad, Neutral }; // Neutral: known to be not known yet
    struct Presented {
        QString text;
        Tone tone = Tone::None;
    };
    struct Column {
        QString header;
        std::string pointer; // e.g. "/journald/syslogIdentifier"
        // Expiry: red when past, amber within a week. Age: "12 s ago", the time itself in the tooltip.
        enum class Kind { Text, Expiry, Age } kind = Kind::Text;
        // Words for the raw value (ALLOY_ONLINE → "Online", green); the table shows, filters and
        // sorts by them, the raw value is the tooltip. None: the value as it is, toned by statusTone().
        std::function<Presented(const QString &raw)> present = {};
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit JsonTableModel(std::vector<Column> columns, QObject *parent = nullptr);
    ~JsonTableModel() override;

    void setRecords(const std::vector<Json> &records);
    // Loads the array `listKey` of a JSON body (e.g. {"collectors": […]}). Returns false, and
    // keeps the rows shown, when the body is not such JSON.
    bool loadRecords(const QByteArray &body, const std::string &listKey);
    Json record(int row) const; // parsed from the row's stored JSON
    // The field that names a row in the API's paths: "name" (the default), or "id" for collectors,
    // whose optional name is a label and may be empty or shared.
    void setKeyField(std::string field) { m_keyField = std::move(field); }
    const std::string &name(int row) const { return m_names.at(static_cast<size_t>(row)); } // the key field's value
    int indexOfName(const std::string &name) const;
    // The text a cell shows (cached after the first read).
    const QString &cellText(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The tone of a status value ("ALLOY_ONLINE", "inactive", "false"…), None when it is not one.
    static Tone statusTone(const QString &value);
    static QVariant toneColour(Tone tone);
    static QVariant expiryColour(const QString &rfc3339, qint64 nowSeconds);
    // "now", "12 s ago", "5 min ago", "3 h ago", "2 d ago" (translated); empty when not a time.
    static QString ageText(const QString &rfc3339, qint64 nowMs);

private:
    const QVariant &sortKey(int row, int column) const;
    std::vector<Column> m_columns;
    // A compact row store: 100,000 collectors held as nlohmann records took ~600 MiB and
    // parsing them ~1 s. Each row keeps its minified JSON (for record()), its name, and the text
    // and numeric value of each cell, all read once at load with simdjson.
    std::vector<std::string> m_json;
    std::vector<std::string> m_names;
    std::string m_keyField = "name";
    std::vector<QString> m_texts;  // row-major, rows x columns
    std::vector<QString> m_raw;    // row-major, the raw value where a column presents it in words (else empty)
    std::vector<Tone> m_tones;     // row-major
    std::vector<double> m_numbers; // row-major; NaN where the cell is not a number
    mutable std::vector<std::vector<QVariant>> m_sortKeys; // per column, built on the first sort
    // Kept between loads: its buffers (~5x the largest body) would otherwise be allocated and
    // faulted in again on every auto-refresh, ~100 ms for 100,000 collectors.
    std::unique_ptr<simdjson::dom::parser> m_parser;
};

} // namespace lw
