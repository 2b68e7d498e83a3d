"""Pattern's English tagger and chunker: ``text.py`` is TextBlob 0.20.1's ``textblob/_text.py`` (SHA-256
d198f26dffcf573d49a7ff680a7bcf712fb15f8f195d1472b50aed6cbe2a6fb2), ``en/`` four of TextBlob's data files.
BSD (Pattern) and MIT (TextBlob): see LICENSE-pattern.txt and LICENSE-textblob.txt."""
