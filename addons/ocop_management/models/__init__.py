from . import ocop_admin_unit
from . import ocop_product_group
from . import res_partner
from . import res_users
from . import ocop_product
from . import product_template
