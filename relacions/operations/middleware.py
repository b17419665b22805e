"""DatabaseUnavailableMiddleware: the database watchdog around every request, and the 503 page
for a view or template whose database is gone (database.py says how)."""

import logging

from django.db import connection

from .database import is_database_unavailable, query_watchdog
from .views import service_unavailable

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with connection.execute_wrapper(query_watchdog):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.error("Database unavailable, answered 503 for %s: %s", request.path, exception)
        return service_unavailable(request)
