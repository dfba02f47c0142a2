// Help text and version of the pinsim command.
import { APP_VERSION } from '../session/record/version';

export const VERSION = APP_VERSION;

export const USAGE = `Usage: pinsim COMMAND [OPTIONS]

A console for a simulated Linux host with FS-DAX files, RDMA pins and layout leases.

Commands:
  serve [--port N] [--host ADDR] [--restore]
                                     start browser mode and print its URL (port 0: any free port;
                                     host defaults to 127.0.0.1); --restore restores the session
                                     a crash left unfinished instead of offering it in the window
  script [FILE|-] [--policy P] [--seed N] [--timeline OUT]
                                     run a shell script as root in /root on a fresh host and print
                                     what the terminal would show; exit status is the script's;
                                     --timeline writes the run's timeline to OUT.md, .html, .json
                                     or .csv
  export SESSION --format F [--terminal N] [-o OUT]
                                     write a saved session (replayed), a journalled session's
                                     folder or a timeline JSON as F: md, html (postmortems), json,
                                     csv (events), cast (asciicast v2 of terminal N, by number or
                                     id; default the first); to standard output without -o
  shell [--policy P] [--seed N]      an interactive terminal session on a fresh host
  drill list                         the drills: id, difficulty, design, title
  drill run NAME [--answers FILE]    play drill NAME: the answers' commands are typed into the
                                     trainee's terminal (without --answers: standard input,
                                     interactive at a terminal); prints the terminal, objectives,
                                     penalties, score and debrief; exit status 0 only if passed
  drill check FILE...                validate scenario files (errors give file:line:column)
  help, --help                       show this help
  --version                          show the version

Options for every host:
  --seed N        seed of the host's random numbers (default 1)
  --policy P      kernel design in force (default rfc-v2)

Drill scenarios (script, shell): --scenario NAME boots drill NAME's host (its design, files,
programs and trainee). Shipped drills are in resources/scenarios; yours go in
$PINSIM_SCENARIOS_DIR, else $XDG_CONFIG_HOME/pinsim/scenarios, else ~/.config/pinsim/scenarios.

Host setup (script, shell):
  --reflink       make /mnt/pmem's xfs with reflink=1 (off by default)
  --no-odp        an HCA without on-demand paging (IBV_ACCESS_ON_DEMAND fails)

Sessions are journalled under $PINSIM_STATE_DIR, else $XDG_STATE_HOME/pinsim, else
~/.local/state/pinsim.
`;
