#!/usr/bin/env python3
"""save_to_screen.py - from saving a briefing to seeing it in the reader, in a pty.

Usage: save_to_screen.py FILE ROUNDS -- COMMAND [ARGS...]

The reader runs on a pseudo-terminal read through pyte (as ../shared/tools/ptylat.py does).
Once its screen is stable, FILE's first `title = "..."` line is changed to a new marker and
written as editors write (a temporary file renamed over it); the time from the rename to the
marker on screen is one sample. FILE should be the newest briefing, whose title the library
list shows on its first row. Prints p50, p95 and max in milliseconds. FILE is put back as it
was at the end.
"""

import os
import pty
import re
import select
import signal
import sys
import time

import pyte


def main():
    if "--" not in sys.argv or len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    split = sys.argv.index("--")
    path, rounds = sys.argv[1], int(sys.argv[2])
    command = sys.argv[split + 1:]
    cols, rows = 160, 48
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)})
        os.execvp(command[0], command)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def pump(timeout):
        ready, _, _ = select.select([fd], [], [], timeout)
        if ready:
            try:
                stream.feed(os.read(fd, 1 << 16))
            except OSError:
                return False
            return True
        return False

    def text():
        return "\n".join(screen.display)

    # Stable: nothing drawn for a second.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if not pump(1.0):
            break
    original = open(path, encoding="utf-8").read()
    samples = []
    try:
        for n in range(rounds):
            marker = f"SAVED{n:04d}X"
            edited = re.sub(r'^title = "', f'title = "{marker} ', original, count=1, flags=re.M)
            temporary = path + ".tmp~"
            with open(temporary, "w", encoding="utf-8") as f:
                f.write(edited)
            saved = time.perf_counter()
            os.rename(temporary, path)
            seen = None
            until = time.monotonic() + 10
            while time.monotonic() < until:
                pump(0.002)
                if marker in text():
                    seen = time.perf_counter()
                    break
            if seen is None:
                print(f"round {n}: the marker never showed", file=sys.stderr)
                continue
            samples.append((seen - saved) * 1000)
            # Let the reader settle before the next save.
            end = time.monotonic() + 0.5
            while time.monotonic() < end:
                pump(0.05)
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        os.write(fd, b"q")
        time.sleep(0.2)
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    if not samples:
        print("no samples")
        return 1
    samples.sort()
    pick = lambda p: samples[min(len(samples) - 1, round((len(samples) - 1) * p))]
    print(f"save to screen: n {len(samples)}  p50 {pick(0.5):.1f} ms  p95 {pick(0.95):.1f} ms  max {samples[-1]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
