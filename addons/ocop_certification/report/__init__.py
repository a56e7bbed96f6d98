from . import ocop_reports
