#pragma once

namespace lw::console {

// The windowed console: connects with --server/--token-file or the last profile (secret from
// the keychain), asks to pin an unknown certificate, and shows the MainWindow.
int runConsole(int argc, char **argv);

} // namespace lw::console
