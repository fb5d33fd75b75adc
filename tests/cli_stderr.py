"""What the CLI says on stderr, across the whole suite: every `python main.py <command> …` a
test runs is recorded (the window's own runs are not the CLI), and the run fails at the end if
any line a user would read is a traceback, an object address or not Chinese at all (issue 16).
Lines that show the user their own data are fine: only the message text is judged."""

from __future__ import annotations

import re
import subprocess

from assistant import COMMANDS

INTERNALS = re.compile(r"Traceback|object at 0x|Error\b|Exception\b|File \"")
HANZI = re.compile(r"[\u4e00-\u9fff]")

recorded: list[tuple[str, str]] = []  # (command, stderr)
_original_run = subprocess.run


def foreign_lines(stderr: str) -> list[str]:
    """Lines a Chinese user could not read: internals, or no Chinese at all."""
    return [line for line in stderr.splitlines()
            if line.strip() and (INTERNALS.search(line) or not HANZI.search(line))]


def recording_run(*args, **kwargs):
    """subprocess.run, keeping the stderr of every CLI call."""
    result = _original_run(*args, **kwargs)
    command = args[0] if args else kwargs.get("args")
    argv = [str(part) for part in command] if isinstance(command, (list, tuple)) else []
    script = next((number for number, part in enumerate(argv) if part.endswith("main.py")), None)
    if script is not None and argv[script + 1:script + 2] and argv[script + 1] in COMMANDS and result.stderr:
        stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode("utf-8", "replace")
        recorded.append((" ".join(argv[script + 1:script + 3]), stderr))
    return result


def report() -> list[str]:
    """Each foreign line once, with the command that printed it."""
    found = {f"{command}: {line}" for command, stderr in recorded for line in foreign_lines(stderr)}
    return sorted(found)
