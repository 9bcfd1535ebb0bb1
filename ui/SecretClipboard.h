#pragma once

#include <QString>

namespace lw::ui {

// Puts a secret on the clipboard marked for password managers not to keep it, and clears it
// after `seconds` unless something else was copied meanwhile.
inline constexpr int SecretClipboardSeconds = 30;
void copySecret(const QString &secret, int seconds = SecretClipboardSeconds);

} // namespace lw::ui
