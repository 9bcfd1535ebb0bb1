#pragma once

#include <QString>

namespace lw::ui {

// Puts a secret on the clipboard marked for password managers not to keep it, and clears it
// after `seconds` unless something else was copied meanwhile.
void copySecret(const QString &secret, int seconds = 30);

} // namespace lw::ui
