"""WSGI entry point: `gunicorn gongkai.wsgi` in production, waitress in the embedded default."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

application = get_wsgi_application()
