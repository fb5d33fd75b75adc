"""公文写作助手: start the app, or hand a subcommand to the command line (python main.py -h)."""

import sys


def main() -> int:
    from assistant.cli import COMMANDS

    argv = sys.argv[1:]
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        from assistant.cli import main as cli_main

        return cli_main(argv)
    from assistant.gui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
