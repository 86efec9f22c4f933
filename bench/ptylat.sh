#!/usr/bin/env bash
# Runs ../shared/tools/ptylat.py with one fix to its terminal emulator, pyte: when a wide
# (CJK) character's left half is overwritten, pyte keeps its right half as an empty cell, and
# `Screen.display` then fails on it (IndexError on ''). A terminal shows that cell as blank, so
# the patched `display` does too; nothing else of ptylat or pyte changes.
set -euo pipefail
ptylat=${PTYLAT:-"$(dirname "$0")/../../shared/tools/ptylat.py"}
exec python3 - "$ptylat" "$@" <<'PY'
import runpy, sys
import pyte.screens
from wcwidth import wcwidth

def display(self):
    def render(line):
        wide = False
        for x in range(self.columns):
            if wide:
                wide = False
                continue
            char = line[x].data or " "
            wide = wcwidth(char[0]) == 2
            yield char
    return ["".join(render(self.buffer[y])) for y in range(self.lines)]

pyte.screens.Screen.display = property(display)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
PY
