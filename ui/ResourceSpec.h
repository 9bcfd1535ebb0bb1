#pragma once

#include "JsonTableModel.h"
#include "RecordForm.h"

#include <QString>

#include <functional>
#include <vector>

namespace lw::ui {

// What one tab shows and how it talks to the API.
struct ResourceSpec {
    QString title;
    QString listPath;             // GET: the list
    std::string listKey;          // the array in the list body ("sources", "items", "collectors")
    QString itemPath;             // prefix of one record: "/api/v2/logs/sources/"
    std::string itemKey;          // the record in a single-resource body ("source"; "" when unwrapped)
    std::vector<lw::JsonTableModel::Column> columns;
    Json newTemplate;             // what New starts from; null: no New
    bool editable = true;
    bool softDelete = false;      // GEL admin API: "delete" sets status inactive (PUT with If-Match)
    int autoRefreshSeconds = 0;
    // Client-side validation with the server's rules (lw_models): the error and its field, or empty.
    std::function<Problem(const Json &)> validate;
    // Fields the server computes, removed before editing.
    std::vector<std::string> readOnlyFields;
    // Shows details of the selected record (e.g. a collector's rendered pipeline); may be empty.
    QString detailPathSuffix; // e.g. "/config": GET itemPath + name + suffix, shown under the JSON
    // Tenant-scoped resources: "{tenant}" in listPath/itemPath is the tenant picked in the tab.
    bool tenantScoped = false;
    // One record, in words ("source", "access policy"): for "New source" and "Delete source "x"?".
    QString singular;
    // The field that names a record in itemPath ("name"; collectors: "id").
    std::string keyField = "name";
    // Records with "before" and "after" (the audit log): the selected one's changes as a diff.
    bool showChanges = false;
    // Sources and targets ("source", "target"): a save first shows the agents' pipeline now and
    // after the change (the server's dry run) and goes on only when the user applies it.
    std::string previewKind;
    // The record as a form (New and Edit show it, with the JSON on an "Advanced" tab); may be empty.
    std::function<RecordForm *(const FormContext &)> form;
    // The first column's initial order (the audit log: newest first).
    Qt::SortOrder initialOrder = Qt::AscendingOrder;
};

} // namespace lw::ui
