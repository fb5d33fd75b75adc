"""公文写作助手 — an offline writing assistant for Chinese official documents."""

__version__ = "0.1.0"
APP_NAME = "公文写作助手"
# The command line's subcommands: main.py hands these to the CLI and anything else to the window,
# deciding without importing the CLI (and the whole core with it) on the way to the window.
COMMANDS = {"text", "roundtrip", "convert", "check", "phrases", "alternatives", "phrasebank", "export", "review",
            "revise", "compare"}
