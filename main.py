"""公文写作助手: start the app, or hand a subcommand to the command line (python main.py -h)."""

import sys

from assistant.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
