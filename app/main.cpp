// versus: the workbench window by default; headless subcommands (list, run, ...) on the same core.
#include "cli.h"

int main(int argc, char** argv)
{
    return versus::cli::main(argc, argv);
}
