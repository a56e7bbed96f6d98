from . import test_evaluation
from . import test_dossier
from . import test_certification_access
from . import test_criteria
from . import test_criteria_import_export
from . import test_query_counts
from . import test_ui
from . import test_reports
