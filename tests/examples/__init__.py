"""Every example runs as a reader runs it, against the stand-in, and prints its golden output."""
