"""The spaCy model (loaded once per process, run in bounded pieces) and conflictmap's components."""
