"""The production stack of docker-compose.yml, as local processes on loopback ports: a throwaway
PostgreSQL, a redis-server, an S3 server (moto's server mode), two gunicorn replicas and Varnish
in front of them (docker/proxy/relacions.vcl). Used by the cluster test (tests/cluster) and by
the proxy benchmark (tests/benchmarks/proxy.py).

Nothing here is shared with another run: every process listens on a free port of its own and
keeps its files in one temporary folder.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers import ROOT, clean_env, free_port, random_secret_key, wait_for

VARNISHD = shutil.which("varnishd") or (
    "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
)
REDIS_SERVER = shutil.which("redis-server")
PROXY_DIR = ROOT / "docker" / "proxy"
BUCKET = "relacions-cluster"
S3_KEY = "cluster-access-key"
S3_SECRET = "cluster-secret-key"
START_TIMEOUT = 60


def missing_programs() -> list[str]:
    """What this machine lacks to run the stack (Debian packages: varnish, redis-server)."""
    return [
        name for name, path in (("varnishd", VARNISHD), ("redis-server", REDIS_SERVER)) if not path
    ]


def answers(url: str, status: int = 200) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == status
    except urllib.error.HTTPError as error:
        return error.code == status
    except OSError:
        return False


def stop_process(process: subprocess.Popen | None, sig=signal.SIGTERM) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Service:
    """One local process with its log file."""

    name = "service"
    process: subprocess.Popen | None = None

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.log_path = folder / f"{self.name}-{self.port}.log"

    def popen(self, command: list[str], env: dict | None = None, cwd: Path | None = None):
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            command,
            cwd=cwd or self.folder,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""

    def stop(self) -> None:
        stop_process(self.process)


class Redis(Service):
    name = "redis"

    def start(self) -> None:
        self.popen([REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", str(self.folder)])  # fmt: skip
        import redis

        client = redis.Redis(port=self.port)

        def ready():
            try:
                return client.ping()
            except redis.exceptions.ConnectionError:
                return False

        assert wait_for(ready, START_TIMEOUT), self.log()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


class ObjectStore(Service):
    """moto's S3 server (the HTTP API, signatures not checked, ACLs enforced), one bucket."""

    name = "s3"

    def start(self) -> None:
        env = {**os.environ, "AWS_ACCESS_KEY_ID": S3_KEY, "AWS_SECRET_ACCESS_KEY": S3_SECRET}
        self.popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                   env=env)  # fmt: skip
        assert wait_for(lambda: answers(f"{self.endpoint}/moto-api/"), START_TIMEOUT), self.log()
        self.client().create_bucket(Bucket=BUCKET)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=S3_KEY,
            aws_secret_access_key=S3_SECRET,
            region_name="us-east-1",
        )

    def env(self) -> dict[str, str]:
        return {
            "OBJECT_STORAGE_BUCKET": BUCKET,
            "OBJECT_STORAGE_ENDPOINT_URL": self.endpoint,
            "OBJECT_STORAGE_REGION": "us-east-1",
            "OBJECT_STORAGE_ACCESS_KEY_ID": S3_KEY,
            "OBJECT_STORAGE_SECRET_ACCESS_KEY": S3_SECRET,
        }

    def keys(self, prefix: str = "") -> list[str]:
        found = self.client().list_objects_v2(Bucket=BUCKET, Prefix=prefix)
        return [entry["Key"] for entry in found.get("Contents", [])]


class Replica(Service):
    """gunicorn serving the site (2 sync workers, DEBUG off), as one container of web1/web2."""

    name = "replica"

    def __init__(self, folder: Path, label: str):
        self.name = f"replica-{label}"
        super().__init__(folder)

    def start(self, env: dict[str, str]) -> None:
        self.popen(
            [str(Path(sys.executable).parent / "gunicorn"), "relacions.wsgi:application",
             "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{self.port}",
             "--no-control-socket", "--log-level", "warning", "--timeout", "60"],
            env=env, cwd=ROOT,
        )  # fmt: skip
        assert wait_for(lambda: answers(f"{self.base}/livez"), START_TIMEOUT), self.log()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """As a crashed host: every process of the replica killed at once, no clean shutdown."""
        import psutil

        master = psutil.Process(self.process.pid)
        for process in [*master.children(recursive=True), master]:
            process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


class Proxy(Service):
    """Varnish with the project's VCL, the replicas as its backends."""

    name = "varnish"

    def __init__(self, folder: Path):
        super().__init__(folder)
        self.purge_port = free_port()
        self.workdir = folder / "varnish"

    def start(self, replicas: list[Replica]) -> None:
        vcl_dir = self.folder / "vcl"
        vcl_dir.mkdir(exist_ok=True)
        lines = []
        for index, replica in enumerate(replicas):
            lines.append(
                f'backend r{index} {{ .host = "127.0.0.1"; .port = "{replica.port}"; '
                ".probe = livez; }"
            )
        adds = "".join(f"    app.add_backend(r{index});\n" for index in range(len(replicas)))
        lines.append(f"sub relacions_backends {{\n{adds}}}")
        (vcl_dir / "backends.vcl").write_text("\n".join(lines) + "\n")
        self.popen([VARNISHD, "-F", "-j", "none", "-n", str(self.workdir),
                    "-a", f"127.0.0.1:{self.port}", "-a", f"purge=127.0.0.1:{self.purge_port}",
                    "-T", f"127.0.0.1:{free_port()}", "-p", f"vcl_path={vcl_dir}:{PROXY_DIR}",
                    "-f", str(PROXY_DIR / "relacions.vcl"), "-s", "malloc,128m"])  # fmt: skip
        assert wait_for(lambda: answers(f"{self.base}/livez"), START_TIMEOUT), self.log()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def purge_url(self) -> str:
        return f"http://127.0.0.1:{self.purge_port}/"

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)
        for child in _children(self.process.pid):
            os.kill(child, signal.SIGSTOP)

    def resume(self) -> None:
        for child in _children(self.process.pid):
            os.kill(child, signal.SIGCONT)
        self.process.send_signal(signal.SIGCONT)


def _children(pid: int) -> list[int]:
    import psutil

    return [child.pid for child in psutil.Process(pid).children(recursive=True)]


def manage(*args: str, env: dict[str, str], timeout: int = 300) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


@dataclass
class Stack:
    """The started stack; `stop()` ends every process it started."""

    folder: Path
    env: dict[str, str]
    redis: Redis
    store: ObjectStore
    replicas: list[Replica]
    proxy: Proxy
    services: list[Service] = field(default_factory=list)

    def stop(self) -> None:
        for service in reversed(self.services):
            try:
                service.stop()
            except Exception:  # noqa: BLE001 — the others are stopped whatever one does
                pass


def start_stack(database_url: str, *, folder: Path | None = None, replicas: int = 2,
                proxy_seconds: int = 10, setup=None) -> Stack:  # fmt: skip
    """Start Redis, the object store, `replicas` gunicorn processes and Varnish against
    `database_url` (migrated here); `setup(env)` runs once the database is migrated."""
    folder = folder or Path(tempfile.mkdtemp(prefix="relacions-cluster-"))
    started: list[Service] = []
    redis_server, store = Redis(folder), ObjectStore(folder)
    proxy = Proxy(folder)
    replica_list = [Replica(folder, chr(ord("a") + index)) for index in range(replicas)]
    try:
        for service in (redis_server, store):
            service.start()
            started.append(service)
        env = clean_env(
            SECRET_KEY=random_secret_key(),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=database_url,
            REDIS_URL=redis_server.url,
            STATIC_ROOT=str(folder / "static"),
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
            SECURE_HSTS_SECONDS="0",
            PAGE_CACHE="true",
            PROXY_PURGE_URLS=proxy.purge_url,
            PROXY_CACHE_SECONDS=str(proxy_seconds),
            LOG_LEVEL="WARNING",
            **store.env(),
        )
        manage("migrate", "--no-input", "-v", "0", env=env)
        manage("collectstatic", "--no-input", "-v", "0", env=env)
        if setup:
            setup(env)
        for replica in replica_list:
            replica.start(env)
            started.append(replica)
        proxy.start(replica_list)
        started.append(proxy)
    except BaseException:
        for service in reversed(started):
            service.stop()
        raise
    return Stack(folder, env, redis_server, store, replica_list, proxy, started)


def wait_until(predicate, timeout: float = 10.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
