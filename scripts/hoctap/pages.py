"""Names of what every build writes besides the editors' pages, known to the kit, the plugin and
the PDF alike: the PDF's name is in the site's links and in `hoctap pdf`'s output."""

PDF_NAME = "tai-lieu-hoc-tap.pdf"
"""The combined PDF "Tài liệu học tập", at the root of the site."""
