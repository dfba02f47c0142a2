// Help text and version of the pinsim command.
export const VERSION = '0.1.0';

export const USAGE = `Usage: pinsim COMMAND [OPTIONS]

A console for a simulated Linux host with FS-DAX files, RDMA pins and layout leases.

Commands:
  serve [--port N] [--host ADDR]     start browser mode and print its URL (port 0: any free port;
                                     host defaults to 127.0.0.1)
  script [FILE|-] [--policy P] [--seed N]
                                     run a shell script as root in /root on a fresh host and print
                                     what the terminal would show; exit status is the script's
  shell [--policy P] [--seed N]      an interactive terminal session on a fresh host
  help, --help                       show this help
  --version                          show the version

Options for every host:
  --seed N        seed of the host's random numbers (default 1)
  --policy P      kernel design in force (default rfc-v2)
`;
