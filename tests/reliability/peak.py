"""Run a command and write its own peak RSS (KiB) to a file: `peak.py OUT CMD...`.

Linux carries a process's peak RSS across exec (signal->maxrss), so a supplint started
straight from a 400 MB pytest reports pytest's peak. This small runner is started first
(its own peak is a few MB), then starts the command: the command's wait4 rusage is its own.
The runner exits as the command did, so callers see the same exit status.
"""

import os
import signal
import sys


def main() -> None:
    out, command = sys.argv[1], sys.argv[2:]
    pid = os.fork()
    if pid == 0:
        try:
            # Python ignores SIGPIPE and exec keeps ignored signals; restore what a shell gives.
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _pid, status, usage = os.wait4(pid, 0)
    with open(out, "w") as handle:
        handle.write(str(usage.ru_maxrss))
    if os.WIFSIGNALED(status):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    os._exit(os.waitstatus_to_exitcode(status))


main()
