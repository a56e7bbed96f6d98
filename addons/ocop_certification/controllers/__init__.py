from . import portal
from . import verify
