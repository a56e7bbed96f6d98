from . import ocop_product_idea_decision
from . import ocop_business_plan_decision
from . import ocop_lead_capture
from . import ocop_progress_report_return
