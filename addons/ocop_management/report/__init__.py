from . import ocop_report_mixin
from . import ocop_progress_report_pdf
