"""What a page needs to travel beyond the screen: its share title and address, QR codes, preview
images, slide decks and the conference's calendar.

Between the registry and the render: it knows documents and the site's address, not MkDocs, so the
plugin (previews, decks) and the publishing commands (PDF, poster) share one set of answers.
"""
