"""legalaid — case management for legal-aid centres (法律援助中心)."""

__version__ = "0.1.0"
