from . import test_admin_unit
from . import test_producer
from . import test_product
from . import test_access
from . import test_ui
