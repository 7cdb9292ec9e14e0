"""Content: a page of `docs/` read and validated against the front-matter schema, and the
folder's tree walked as MkDocs will see it."""
