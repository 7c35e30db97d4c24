// versus-connect: holds idle TCP connections to a server inside the runtime under test, for idle_connections.
// A helper process, not a harness call, so that embedded and external runtimes start it the same way (a child process
// with two pipes) and the runtime's memory never holds the connecting side.
//
// Usage: versus-connect PORT [--websocket]
//   --websocket: each connection is a WebSocket (an HTTP/1.1 upgrade to / answered with 101), not bare TCP.
// Reads commands on stdin, one a line, and answers each on stdout:
//   hold N   ->  held N              (N connections to 127.0.0.1:PORT established, opening or closing as needed)
//            ->  short H REASON      (only H could be held: REASON says why, e.g. the open-file limit)
// End of stdin (the workload finished, failed, was cancelled or died) closes every connection and exits.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "connection_holder.h"

int main(int argc, char** argv)
{
    const long port = argc >= 2 ? std::strtol(argv[1], nullptr, 10) : 0;
    const bool webSocket = argc == 3 && std::string(argv[2]) == "--websocket";
    if (port <= 0 || port > 65535 || argc > 3 || (argc == 3 && !webSocket)) {
        std::cerr << "usage: versus-connect PORT [--websocket] (commands on stdin: hold N)\n";
        return 2;
    }
    versus::ConnectionHolder holder(static_cast<std::uint16_t>(port),
                                    webSocket ? versus::ConnectionKind::WebSocket : versus::ConnectionKind::Tcp);
    std::string command;
    std::size_t count = 0;
    while (std::cin >> command >> count) {
        if (command != "hold") {
            std::cout << "short " << holder.held() << " unknown command '" << command << "'" << std::endl;
            continue;
        }
        versus::raiseOpenFileLimit(count + 64);
        const versus::HoldOutcome outcome = holder.hold(count);
        if (outcome.error.empty())
            std::cout << "held " << outcome.held << std::endl;
        else
            std::cout << "short " << outcome.held << " " << outcome.error << std::endl;
    }
    return 0;
}
