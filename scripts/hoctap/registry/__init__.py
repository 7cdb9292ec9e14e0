"""Registry: the documents and their relations, the publication gate's decision, and the
editors' data files (quiz, focus areas, key points, timeline, abbreviations) read against them."""
