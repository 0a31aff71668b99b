"""How the window runs work: the database worker (operation), background tasks and readings, change
notices."""
