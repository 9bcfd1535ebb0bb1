#pragma once

#include "Json.h"

#include <QAbstractTableModel>

#include <vector>

namespace lw {

// One table of API records (sources, collectors, tenants…): each column reads a JSON pointer of
// the record. Qt::UserRole gives typed sort keys; status-like values get a coloured badge.
class JsonTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Column {
        QString header;
        std::string pointer; // e.g. "/journald/syslogIdentifier"
        enum class Kind { Text, Expiry } kind = Kind::Text; // Expiry: red when past, amber within a week
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit JsonTableModel(std::vector<Column> columns, QObject *parent = nullptr);

    void setRecords(std::vector<Json> records);
    const Json &record(int row) const { return m_records.at(static_cast<size_t>(row)); }
    int indexOfName(const std::string &name) const;
    // The text a cell shows (cached after the first read).
    const QString &cellText(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Colour for a status value, or invalid when the value is not a status.
    static QVariant statusColour(const QString &value);
    static QVariant expiryColour(const QString &rfc3339, qint64 nowSeconds);

private:
    const Json *cell(int row, int column) const;
    const QVariant &sortKey(int row, int column) const;
    std::vector<Column> m_columns;
    std::vector<Json::json_pointer> m_pointers;
    std::vector<Json> m_records;
    // Sorting and filtering read every cell of a column many times; reading them through JSON
    // pointers each time made one header click on 100k rows take ~0.7 s. Texts are cached per
    // cell on first use (a null QString means not yet computed), sort keys per column.
    mutable std::vector<QString> m_texts; // row-major, rows x columns
    mutable std::vector<std::vector<QVariant>> m_sortKeys;
};

} // namespace lw
