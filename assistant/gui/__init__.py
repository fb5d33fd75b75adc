"""Qt desktop app: a thin layer over ``assistant.core``."""
