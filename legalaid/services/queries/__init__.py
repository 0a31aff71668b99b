"""Reading: case lists and one case, statistics, reports, the audit trail and the papers made from
what is stored."""
