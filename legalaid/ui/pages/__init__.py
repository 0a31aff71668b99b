"""The main window's sections (待办期限, 我的案件, 法律帮助 … 设置) and the dialogs they open."""
