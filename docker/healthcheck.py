"""The container's health check: GET /livez on the local gunicorn, exit 0 when it answers 200.

Uses only the standard library (the slim image has no curl). The Host header is taken from
ALLOWED_HOSTS so Django accepts it, and X-Forwarded-Proto: https keeps the HTTPS redirect out of
the way, as the reverse proxy in front would.
"""

import os
import sys
import urllib.request


def allowed_host() -> str:
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    host = hosts[0] if hosts else "localhost"
    if host == "*":
        return "localhost"
    # ".example.org" allows example.org and its subdomains.
    return host.lstrip(".")


def main(argv: list[str]) -> int:
    port = argv[1] if len(argv) > 1 else "8000"  # the port gunicorn binds in the image
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/livez",
        headers={"Host": allowed_host(), "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=4) as response:
            return 0 if response.status == 200 else 1
    except Exception as error:  # any failure (refused, timeout, 4xx/5xx) means unhealthy
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
