"""Text: what every other layer reads text with (findings, Vietnamese, dates, symbols,
source texts, HTML tokens, the site's words); it imports nothing of the package above it."""
