#include "ServerCommandLine.h"

int main(int argc, char **argv)
{
    return lw::server::runServerCommandLine(argc, argv);
}
