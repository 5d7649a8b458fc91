"""Snippet cases, one module per page: each defines CASES."""
