"""Text units shared by the checker, the phrase bank and the export: hanzi, sentences and
clauses, enumerations and headings, and the jieba segmenter. One place for each, so the same
regex is never written twice and drifts."""
