"""What the commands and queries stand on: the call's context, office scope, permissions, whole-file
writes, search terms, the calendar, a case's clock and change steps, and the ledger file formats.
Imports neither commands nor queries."""
