"""One case: its window and tabs, and the dialogs of its steps (受理, 指派, 更正 …)."""
