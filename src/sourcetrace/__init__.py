"""sourcetrace: how a news or opinion article sources its claims.

    >>> import sourcetrace
    >>> article = sourcetrace.audit("examples/article.txt")
    >>> [f.code for f in article.findings]
"""

import logging

from .model import Article, Failure
from .pipeline import audit, audit_many
from .settings import Settings

__version__ = "0.1.0"
SCHEMA = "sourcetrace/1"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Article", "Failure", "Settings", "audit", "audit_many", "SCHEMA", "__version__"]
