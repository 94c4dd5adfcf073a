"""Events: troop movements and statement origins, read off spaCy's parse."""
