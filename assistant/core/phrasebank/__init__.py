"""Phrase bank: corpus cleaning, phrase extraction, storage and queries."""
