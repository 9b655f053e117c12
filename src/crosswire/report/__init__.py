"""The briefing report: `report.md` and a self-contained `report.html` (see render.py)."""

from crosswire.report.data import ReportData, report_data, report_data_from_store
from crosswire.report.render import write_report

__all__ = ["ReportData", "report_data", "report_data_from_store", "write_report"]
