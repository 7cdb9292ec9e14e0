"""Render: the MkDocs plugin that turns the registry into pages, cards and generated blocks."""
