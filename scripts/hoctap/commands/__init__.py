"""Commands: `hoctap build` (beside the site, swapped in when it passed) and `hoctap serve`."""
