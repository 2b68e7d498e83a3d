"""Third-party code and data kept verbatim, each folder with its licence; never edited here, so it can be
compared with its source, and left out of ruff, mypy and the size rules that hold for the rest of the package.

- ``pattern``: Pattern's English Brill tagger and chunker (De Smedt & Daelemans 2012; Brill 1992), as TextBlob
  0.20.1 ships it. Vendored because TextBlob's public import loads NLTK and SciPy's statistics first (about
  1.6 s of every cold brief); this copy needs only the standard library.
"""
