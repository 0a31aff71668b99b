"""A clerk's session in a separate process, so that its exit status can be checked.

    python gui_session.py soak DB ACTIONS     refresh every page, page the list, open and
                                              close case windows until ACTIONS are done
    python gui_session.py intake DB           open the intake dialog, close it, quit

The database is created (with demo cases) when it does not exist. Prints the number of
actions done; the exit status is the process's own: a crash shows as a signal or abort.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.storage.database import Database
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.shell.application import load_chinese_font
from legalaid.ui.shell.i18n import install_translations
from legalaid.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 20)


def context(path: Path) -> Context:
    db = Database(str(path))
    fresh = not path.exists()
    initialise(db)
    ctx = Context(db=db, today=lambda: TODAY, now=lambda: datetime(2026, 11, 20, 9, 0))
    if fresh:
        generate_demo(ctx, cases=600, year=2026, seed=7)
    return ctx


def soak(app: QApplication, ctx: Context, wanted: int, settings: QSettings) -> int:
    from legalaid.services.queries.cases import find_cases

    window = MainWindow(ctx, settings)
    window.resize(1366, 740)
    window.show()
    case_ids = [row.id for row in find_cases(ctx, limit=40)]
    done = rounds(app, ctx, window, case_ids, wanted)
    window.close()
    window.deleteLater()
    app.processEvents()
    return done


def rounds(
    app: QApplication, ctx: Context, window: MainWindow, case_ids: list[int], wanted: int
) -> int:
    """Every section refreshed, the list paged and filtered, two case windows opened and
    closed; repeated until ``wanted`` actions are done."""
    model = window.cases.model
    done = 0
    round_no = 0
    while done < wanted:
        for section in window.visible_sections:
            window.show_section(section)
            page = window.pages.widget(section)
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
            while window.loader.loading:  # a section read in the background arrives
                app.processEvents()
            app.processEvents()
            done += 1
        window.show_section(window.CASES)
        for step in range(20):  # page down the list as a scrolling clerk does
            root = model.index(-1, -1)
            if step % 10 == 0:
                window.cases.refresh()  # back to the first page
            elif model.canFetchMore(root):
                model.fetchMore(root)
            window.cases.table.scrollToBottom()
            app.processEvents()
            done += 1
        states = window.cases.state
        for step in range(10):  # filter by state, then search by name and by pinyin initials
            states.setCurrentIndex((round_no + step) % states.count())
            window.cases.search.setText(("张", "zs", "")[step % 3])
            window.cases.refresh()
            app.processEvents()
            done += 1
        states.setCurrentIndex(0)
        for case_id in (
            case_ids[round_no % len(case_ids) :: len(case_ids)][:1]
            + case_ids[(round_no + 7) % len(case_ids) :: len(case_ids)][:1]
        ):
            dialog = CaseDialog(ctx, case_id, parent=window)
            dialog.show()
            app.processEvents()
            dialog.close()
            dialog.deleteLater()
            # Deferred deletes run when control returns to the event loop, not in processEvents.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            done += 2
        window.refresh_all()
        window.update_status()
        done += 1
        round_no += 1
    return done


def intake(app: QApplication, ctx: Context, settings: QSettings) -> int:
    window = MainWindow(ctx, settings)
    window.show()
    app.processEvents()

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close_dialog)
            return
        dialog.close()  # as the clerk closing it with the window's ✕

    QTimer.singleShot(0, close_dialog)
    window.register_application()  # opens the intake dialog modally, as 新建申请 does
    QTimer.singleShot(0, window.close)
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 2


def main() -> int:
    mode, path = sys.argv[1], Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    install_translations(app)
    load_chinese_font(app)
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    ctx = context(path)
    nones = sys.getrefcount(None)
    done = (
        soak(app, ctx, int(sys.argv[3]), settings) if mode == "soak" else intake(app, ctx, settings)
    )
    ctx.db.dispose()
    print(f"actions {done}", flush=True)
    print(f"references to None {nones} -> {sys.getrefcount(None)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
