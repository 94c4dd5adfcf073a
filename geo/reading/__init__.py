"""Reading: input files to documents (every input accounted for), and the zones of each document."""
