"""Parts every screen uses: table models, the case table, form widgets and the PDF preview."""
