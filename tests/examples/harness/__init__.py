"""Runs the site's snippets, unmodified, against the stand-in and checks their output."""
