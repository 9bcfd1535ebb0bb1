#pragma once

class QCoreApplication;

namespace lw::console {

// `logwarden token generate|inspect …` runs without a display; returns -1 when the arguments
// are not a token command (the caller then starts the window).
int runTokenCommand(int argc, char **argv);

} // namespace lw::console
