"""公文写作助手 — an offline writing assistant for Chinese official documents."""

__version__ = "0.1.0"
APP_NAME = "公文写作助手"
