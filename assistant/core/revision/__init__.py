"""修订稿: compare two rounds of a draft and write the changes as Word tracked changes."""
