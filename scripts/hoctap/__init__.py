"""hoctap — the study site of Liên đoàn Lao động tỉnh Lai Châu.

The folders are the layers, each importing only those before it (tests/test_layers.py):

    text → content → registry → importing → sharing → checks → search → render → build → publish → desk
      → commands, and cli.py, the `hoctap` command over them all
"""
