"""Use cases: the single path by which the GUI and the command line change anything."""
