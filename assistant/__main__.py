"""``python -m assistant`` and the installed ``gongwen-assistant`` command: same as main.py."""

import sys


def main() -> int:
    from .streams import use_utf8_streams

    use_utf8_streams()
    from . import COMMANDS

    argv = sys.argv[1:]
    if argv[:1] == ["--self-test"]:
        from .selftest import run as self_test

        return self_test(argv[1:])
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        from .cli import main as cli_main

        return cli_main(argv)
    from .gui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
