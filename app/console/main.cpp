#include "ConsoleApplication.h"
#include "ConsoleCommandLine.h"

int main(int argc, char **argv)
{
    // Everything that needs no window works without a display.
    const int tokenCommand = lw::console::runTokenCommand(argc, argv);
    if (tokenCommand >= 0)
        return tokenCommand;
    const int headless = lw::console::runHeadlessCommand(argc, argv);
    if (headless >= 0)
        return headless;
    return lw::console::runConsole(argc, argv);
}
