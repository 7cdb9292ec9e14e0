"""`python -m hoctap`: the same command as `hoctap`."""

from .cli import main

raise SystemExit(main())
