"""Helpers for the tests that hold the reference pages to the installed SDK and the stand-in."""
