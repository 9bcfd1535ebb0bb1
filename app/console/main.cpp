#include "ConsoleApplication.h"
#include "ConsoleCommandLine.h"

int main(int argc, char **argv)
{
    const int tokenCommand = lw::console::runTokenCommand(argc, argv);
    if (tokenCommand >= 0)
        return tokenCommand;
    return lw::console::runConsole(argc, argv);
}
