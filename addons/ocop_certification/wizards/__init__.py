from . import ocop_dossier_return
from . import ocop_dossier_decision
from . import ocop_evaluation_reopen
from . import ocop_session_forward
from . import ocop_criteria_set_export
from . import ocop_criteria_set_import
from . import ocop_mark_usage_suspend
from . import ocop_certificate_revoke
