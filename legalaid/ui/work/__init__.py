"""How the window runs work: the database worker (operation), background tasks and readings,
change notices, and Python's garbage collection kept on the GUI thread (collector)."""
