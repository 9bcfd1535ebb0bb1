#pragma once

#include "Json.h"

#include <QDialog>

namespace lw::ui {

// A 412: someone changed the record since it was loaded. Shows both versions side by side;
// the user reloads (drops their edit) or overwrites (applies theirs over the new version).
class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    enum Choice { Reload = QDialog::Rejected, Overwrite = QDialog::Accepted };
    ConflictDialog(const Json &mine, const Json &theirs, QWidget *parent = nullptr);
};

} // namespace lw::ui
