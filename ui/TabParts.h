#pragma once

#include <QString>

#include <functional>
#include <vector>

class QComboBox;
class QLabel;
class QObject;
class QProgressBar;

namespace lw::console {
class ApiClient;
struct DiffLine;
}

namespace lw::ui {

// What every tab shows the same way: a thin busy bar while requests run, errors in red.
void setUpBusyBar(QProgressBar *bar);
void setUpErrorLabel(QLabel *label);

// A line diff as HTML for a QPlainTextEdit: removed lines red with "- ", added green with "+ ",
// the rest plain (colour is never the only cue). With context >= 0 only that many unchanged lines
// are kept around each change, and "⋯" stands for the ones left out.
QString diffHtml(const std::vector<console::DiffLine> &diff, int context = -1);

// Refills `picker` with the server's tenant names, keeping the chosen one when it still exists,
// without emitting its change signals. `done` gets the error ("" on success), while `context` lives.
void loadTenantNames(console::ApiClient &client, QComboBox *picker, QObject *context,
                     std::function<void(const QString &error)> done);

} // namespace lw::ui
