#pragma once

#include <QString>

#include <functional>

class QComboBox;
class QLabel;
class QObject;
class QProgressBar;

namespace lw::console {
class ApiClient;
}

namespace lw::ui {

// What every tab shows the same way: a thin busy bar while requests run, errors in red.
void setUpBusyBar(QProgressBar *bar);
void setUpErrorLabel(QLabel *label);

// Refills `picker` with the server's tenant names, keeping the chosen one when it still exists,
// without emitting its change signals. `done` gets the error ("" on success), while `context` lives.
void loadTenantNames(console::ApiClient &client, QComboBox *picker, QObject *context,
                     std::function<void(const QString &error)> done);

} // namespace lw::ui
