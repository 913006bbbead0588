"""Downloader middlewares: incremental skipping of articles exported by earlier runs."""
