"""Changing: every use case that writes (intake to archiving, subsidies and payments, the desk,
offices, accounts, settings, ledger import, setup and demo data)."""
