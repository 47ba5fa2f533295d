"""Cross-checking across articles: which reports are independent, which places,
events and figures agree, and the text measures the corpus-level stages share.

The corpus stages ``resolve``, ``fuse``, ``claims`` and ``stories`` are thin
wrappers over these modules.
"""
