"""Errors: the one exception type the core raises for problems a user must be told about."""


class DocumentError(Exception):
    """A document could not be opened or saved.

    The message is a complete, plain Simplified Chinese sentence meant to be shown to the user
    as is (message box in the GUI, one line on stderr in the CLI). Programming errors are not
    wrapped in it; only conditions caused by the file, the disk or the user's input are.
    """


class ReadOnlyFile(DocumentError):
    """The file to overwrite is marked read-only: the user decides (the window asks; the CLI refuses)."""
