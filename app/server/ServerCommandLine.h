#pragma once

namespace lw::server {

// logwardend's command line: `serve` (default), `issue-jwt`, --help, --version.
int runServerCommandLine(int argc, char **argv);

} // namespace lw::server
