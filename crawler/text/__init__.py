"""Text cleaning: boilerplate paragraphs, Unicode and whitespace normalisation."""
