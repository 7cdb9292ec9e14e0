"""Build: MkDocs run in this process with our plugin, its warnings turned into findings."""
