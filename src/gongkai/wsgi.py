"""WSGI entry point: `gunicorn gongkai.wsgi` in production, waitress in the embedded default.

The Django app is wrapped by the static-site server: every path Django does not claim (/staff/,
/api/, /admin/, /static/, /search/, /apply/, /verify/, /media/) is served from the current
build of the public site, chosen by host name (gongkai.publishing.server). With nginx in front,
nginx serves the site itself and only proxies those paths (docs/publishing.md).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

django_application = get_wsgi_application()

from gongkai.publishing.server import StaticSite, site_root_for_host  # noqa: E402

application = StaticSite(django_application, site_root_for_host)
