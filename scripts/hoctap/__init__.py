"""hoctap — the study site of Liên đoàn Lao động tỉnh Lai Châu.

The package reads as the pipeline it implements:

    content (front matter schema) → registry (documents and relations)
      → checks (small functions returning findings) → render (the MkDocs plugin)
      → publish (releases, bundle, PDF)
"""
