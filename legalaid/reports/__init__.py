"""PDF reports and forms from plain data (reportlab, embedded Chinese font); no Qt, no SQL."""
