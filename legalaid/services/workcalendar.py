"""China's official holidays and make-up working days, from the chinese-calendar package."""

from __future__ import annotations

from datetime import date

import chinese_calendar


class ChineseHolidayCalendar:
    """Implements ``legalaid.domain.workdays.HolidayCalendar``."""

    def is_workday(self, day: date) -> bool | None:
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            # Beyond the package's data (future years): the caller falls back to weekends.
            return None
