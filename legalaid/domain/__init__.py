"""Pure legal-aid rules: no Qt, no SQL, standard library only."""
