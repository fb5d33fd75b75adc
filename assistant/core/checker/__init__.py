"""Checker: flags weak and repetitive phrasing in 公文 drafts. Rules are data in resources/rules/."""
