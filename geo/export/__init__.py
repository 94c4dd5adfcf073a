"""Export: fusion of what documents say, the GeoJSON contract, drawn routes, and safe output files.

Nothing here imports spaCy: the export works on the records the analysis produced.
"""
