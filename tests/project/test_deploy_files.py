"""The deployment files, checked as far as a machine without a Docker engine allows.

docker-compose.yml and .env.example are read as data; the Dockerfile's own commands (collectstatic
with its build-time values, the entrypoint, gunicorn with its CMD, the health check) are run here
for real with the project's virtual environment.
"""

import http.client
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import yaml

from tests.helpers import (
    PRODUCTION_HOST,
    SUBPROCESS_TIMEOUT,
    clean_env,
    database_url,
    free_port,
    production_env,
    settings_env_vars,
)

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
DOCKERIGNORE = ROOT / ".dockerignore"
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
HEALTHCHECK = ROOT / "docker" / "healthcheck.py"
BASE_IMAGE = "python:3.13-slim"
WAIT_SECONDS = 30


# --- Reading the files ------------------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    instructions, pending = [], ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, arguments = line.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    assert not pending, "the Dockerfile ends inside a continued line"
    return instructions


def final_stage() -> list[tuple[str, str]]:
    instructions = dockerfile_instructions()
    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    return instructions[last_from:]


def stage(name: str) -> list[tuple[str, str]]:
    """The instructions of the build stage called `name` (FROM ... AS name)."""
    instructions, current = [], None
    for keyword, arguments in dockerfile_instructions():
        if keyword == "FROM":
            parts = arguments.split()
            current = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else None
        if current == name:
            instructions.append((keyword, arguments))
    assert instructions, f"no stage {name!r} in the Dockerfile"
    return instructions


def stage_base_images() -> dict[str, str]:
    """Each stage's name mapped to the image it finally rests on."""
    images: dict[str, str] = {}
    for keyword, arguments in dockerfile_instructions():
        if keyword != "FROM":
            continue
        parts = arguments.split()
        image = images.get(parts[0], parts[0])
        name = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else f"#{len(images)}"
        images[name] = image
    return images


def dockerfile_env() -> dict[str, str]:
    env = {}
    for keyword, arguments in final_stage():
        if keyword == "ENV":
            for item in shlex.split(arguments):
                name, _, value = item.partition("=")
                env[name] = value
    return env


def dockerfile_json(keyword: str) -> list[str]:
    (arguments,) = [arguments for kw, arguments in final_stage() if kw == keyword]
    command = json.loads(arguments)  # exec form: signals reach gunicorn directly
    assert isinstance(command, list)
    return command


def collectstatic_run() -> str:
    runs = [arguments for keyword, arguments in final_stage() if keyword == "RUN"]
    (run,) = [run for run in runs if "collectstatic" in run]
    return run


def compose() -> dict:
    with COMPOSE_FILE.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def compose_variables() -> set[str]:
    """Every ${VAR} (and $VAR) docker compose interpolates; $$ escapes are not variables."""
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    text = text.replace("$$", "")
    return set(re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", text))


ENV_LINE = re.compile(r"^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$")


def env_example() -> list[tuple[str, bool, str, bool]]:
    """(name, active, value, has_comment) for each variable line of .env.example."""
    entries, commented = [], False
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = ENV_LINE.match(line)
        if match:
            entries.append((match[2], match[1] is None, match[3], commented))
        elif not line.strip():
            commented = False
        elif line.startswith("#"):
            commented = True
    return entries


def get(port: int, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@pytest.fixture(scope="module")
def pytest_database_settings(django_db_setup, django_db_blocker) -> dict:
    from django.db import connection

    return dict(connection.settings_dict)


# --- docker-compose.yml -----------------------------------------------------------------------


REPLICAS = ("web1", "web2")


def test_compose_services():
    services = compose()["services"]
    assert set(services) == {"db", "redis", "objects", "objects-bucket", *REPLICAS, "proxy"}
    assert services["db"]["image"] == "postgres:17"
    assert services["redis"]["image"] == "redis:7-alpine"
    assert services["proxy"]["image"].startswith("varnish:7")
    for name in REPLICAS:
        assert services[name]["build"] == "."


def test_replicas_wait_for_healthy_database_redis_and_bucket():
    services = compose()["services"]
    for name in REPLICAS:
        depends_on = (
            services[name]["depends_on"] if name == "web1" else services["web1"]["depends_on"]
        )
        assert depends_on["db"] == {"condition": "service_healthy"}
        assert depends_on["redis"] == {"condition": "service_healthy"}
        assert depends_on["objects-bucket"] == {"condition": "service_completed_successfully"}
    # The second replica starts once the first has migrated and answers.
    assert services["web2"]["depends_on"] == {"web1": {"condition": "service_healthy"}}
    assert services["web2"]["environment"]["MIGRATE_ON_START"] == "false"


def test_db_and_redis_have_health_checks():
    services = compose()["services"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert "ping" in services["redis"]["healthcheck"]["test"]


def test_data_lives_in_named_volumes_and_the_bucket():
    data = compose()
    declared = set(data["volumes"])
    db_volumes = dict(v.split(":", 1) for v in data["services"]["db"]["volumes"])
    assert db_volumes.get("db-data") == "/var/lib/postgresql/data"  # postgres:17's PGDATA
    assert {"db-data", "objects-data"} <= declared
    for name in REPLICAS:
        web = data["services"][name]
        # Nothing on a replica's disk: uploads are in the shared object store.
        assert "volumes" not in web
        assert web["environment"]["OBJECT_STORAGE_BUCKET"]


def test_web_environment():
    for replica in REPLICAS:
        environment = compose()["services"][replica]["environment"]
        for name in (
            "DATABASE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "CSRF_TRUSTED_ORIGINS",
            "PROXY_PURGE_URLS",
        ):
            assert name in environment
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert "@db:5432/" in environment["DATABASE_URL"]
        assert environment["REDIS_URL"].startswith("redis://redis:6379/")
        assert environment["PROXY_PURGE_URLS"] == "http://proxy:6091/"
    # Only the proxy is published; its purge port is not.
    ports = compose()["services"]["proxy"]["ports"]
    assert [port for port in ports if port.endswith(":80")] == ports


def test_required_secrets_fail_loudly_when_unset():
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    for name in (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "POSTGRES_PASSWORD",
        "OBJECT_STORAGE_ACCESS_KEY_ID",
    ):
        assert re.search(r"\$\{" + name + r":\?", text), f"{name} must use ${{{name}:?...}}"


def test_every_compose_variable_is_in_env_example():
    documented = {name for name, *_ in env_example()}
    missing = compose_variables() - documented
    assert not missing, f"used in docker-compose.yml, missing from .env.example: {sorted(missing)}"


# --- .env.example -----------------------------------------------------------------------------


def test_every_setting_variable_is_in_env_example():
    documented = {name for name, *_ in env_example()}
    missing = settings_env_vars() - documented
    assert not missing, f"read by settings.py, missing from .env.example: {sorted(missing)}"


def test_env_example_comments_each_variable():
    uncommented = [name for name, _, _, has_comment in env_example() if not has_comment]
    assert not uncommented, f"no comment above: {uncommented}"


def test_env_example_sets_nothing_but_the_required_values():
    """Copied as it is, .env must not override a default with an empty or sample value."""
    active = {name: value for name, is_active, value, _ in env_example() if is_active}
    assert active == {
        "SECRET_KEY": "",
        "ALLOWED_HOSTS": "",
        "POSTGRES_PASSWORD": "",
        "OBJECT_STORAGE_ACCESS_KEY_ID": "",
        "OBJECT_STORAGE_SECRET_ACCESS_KEY": "",
    }


# --- Dockerfile ---------------------------------------------------------------------------------


def test_every_stage_rests_on_python_slim():
    images = stage_base_images()
    assert set(images.values()) == {BASE_IMAGE}


def test_runs_as_an_unprivileged_user():
    users = [arguments for keyword, arguments in final_stage() if keyword == "USER"]
    assert users, "the final stage has no USER"
    assert users[-1].split(":")[0] not in {"root", "0"}


def test_installs_exactly_the_locked_dependencies():
    runs = [arguments for keyword, arguments in final_stage() if keyword == "RUN"]
    (install,) = [run for run in runs if "pip install" in run]
    assert "--require-hashes" in install
    assert "--no-deps" in install
    assert "-r requirements.lock" in install


def test_secrets_are_not_baked_into_the_image():
    for keyword, arguments in dockerfile_instructions():
        if keyword in {"ENV", "ARG"}:
            assert "SECRET_KEY" not in arguments
            assert "DATABASE_URL" not in arguments


def test_exposes_8000_with_a_health_check_on_livez():
    instructions = final_stage()
    assert ("EXPOSE", "8000") in instructions
    (healthcheck,) = [arguments for keyword, arguments in instructions if keyword == "HEALTHCHECK"]
    assert "docker/healthcheck.py" in healthcheck
    assert "/livez" in HEALTHCHECK.read_text(encoding="utf-8")


def test_gunicorn_command():
    command = dockerfile_json("CMD")
    assert command[:2] == ["gunicorn", "relacions.wsgi"]
    assert command[command.index("--bind") + 1] == "0.0.0.0:8000"
    assert command[command.index("--worker-class") + 1] == "sync"
    assert command[command.index("--access-logfile") + 1] == "-"
    assert "--no-control-socket" in command
    assert "--workers" not in command and "-w" not in command  # gunicorn reads WEB_CONCURRENCY
    assert dockerfile_env()["WEB_CONCURRENCY"] == "2"


def test_entrypoint_script():
    assert dockerfile_json("ENTRYPOINT") == ["/app/docker/entrypoint.sh"]
    assert os.access(ENTRYPOINT, os.X_OK), "docker/entrypoint.sh must be executable"
    text = ENTRYPOINT.read_text(encoding="utf-8")
    assert "manage.py migrate --no-input" in text
    assert "manage.py setup_roles" in text
    assert 'exec "$@"' in text
    assert dockerfile_env()["MIGRATE_ON_START"] == "true"


def test_dockerignore_keeps_local_state_out():
    patterns = set(DOCKERIGNORE.read_text(encoding="utf-8").split())
    assert {".git", ".env", ".venv", ".data", "media", "staticfiles"} <= patterns
    for needed in ("requirements.lock", "manage.py", "relacions", "static", "templates", "locale"):
        assert needed not in patterns and (ROOT / needed).exists(), needed
    assert "docker" not in patterns


def test_build_time_collectstatic_needs_no_database(tmp_path):
    """The Dockerfile's collectstatic step, run as written with its build-time values."""
    run = collectstatic_run()
    step = run.split("&&")[0]
    tokens = shlex.split(step)
    env = clean_env()
    while "=" in tokens[0]:
        name, _, value = tokens.pop(0).partition("=")
        env[name] = value
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"} <= set(env)
    assert ":9/" in env["DATABASE_URL"]  # a closed port: any query would fail the build
    assert tokens[:3] == ["python", "manage.py", "collectstatic"]
    env["STATIC_ROOT"] = str(tmp_path / "static")
    result = subprocess.run(
        [sys.executable, *tokens[1:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    assert "vendor/jquery-ui/jquery-ui.min.js" in manifest["paths"]


PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("msgstr", "compiles"),
    [("Hola, %(name)s", True), ("Hola, %(nom)s", False)],
    ids=["valid", "placeholder-mismatch"],
)
def test_build_compiles_the_translations(tmp_path, msgstr, compiles):
    """The `messages` stage's msgfmt step, run on a copy of locale/ plus one catalogue of ours."""
    (compile_step,) = [args for keyword, args in stage("messages") if "msgfmt" in args]
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale)
    sample = locale / "xx" / "LC_MESSAGES" / "sample.po"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        PO_HEADER + f'#, python-format\nmsgid "Hello, %(name)s"\nmsgstr "{msgstr}"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        ["sh", "-c", compile_step.replace("/build/locale", str(locale))],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
    )
    assert (result.returncode == 0) is compiles, result.stderr  # a failing step fails the build
    if compiles:
        for po in locale.rglob("*.po"):
            assert po.with_suffix(".mo").stat().st_size > 0, po


# --- The image's processes, run here ----------------------------------------------------------


@pytest.mark.django_db
def test_entrypoint_migrates_sets_up_roles_and_execs(pytest_database_settings):
    """A first start on an empty database, as the container does it."""
    name = f"{pytest_database_settings['NAME']}_entrypoint"[:63]
    params = {
        "host": pytest_database_settings.get("HOST") or None,
        "port": pytest_database_settings.get("PORT") or None,
        "user": pytest_database_settings.get("USER") or None,
        "password": pytest_database_settings.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env = production_env(
            database_url({**pytest_database_settings, "NAME": name}), MIGRATE_ON_START="true"
        )
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        result = subprocess.run(
            ["sh", str(ENTRYPOINT), "python", "-c", "print('command ran')"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=SUBPROCESS_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.rstrip().endswith("command ran")
        with psycopg.connect(dbname=name, **params) as database:
            groups = {row[0] for row in database.execute("SELECT name FROM auth_group")}
        assert {"Editors", "Network administrators", "Administrators"} <= groups
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_entrypoint_skips_migrations_when_asked():
    env = production_env("postgres://nobody@127.0.0.1:9/never", MIGRATE_ON_START="false")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(
        ["sh", str(ENTRYPOINT), "python", "-c", "print('command ran')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "command ran\n"


@pytest.mark.django_db
def test_gunicorn_command_from_the_dockerfile_serves_livez(pytest_database_settings, tmp_path):
    """The image's CMD, run locally: two sync workers answer /livez; SIGTERM stops them."""
    command = dockerfile_json("CMD")
    port = free_port()
    command = [str(Path(sys.executable).with_name(command[0])), *command[1:]]
    command[command.index("--bind") + 1] = f"127.0.0.1:{port}"
    workers = int(dockerfile_env()["WEB_CONCURRENCY"])
    (tmp_path / "static").mkdir()
    env = production_env(
        database_url(pytest_database_settings),
        WEB_CONCURRENCY=str(workers),
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    stdout_path, stderr_path = tmp_path / "stdout.log", tmp_path / "stderr.log"
    https = {"Host": PRODUCTION_HOST, "X-Forwarded-Proto": "https"}
    with stdout_path.open("w") as stdout, stderr_path.open("w") as stderr:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        response = None
        while time.monotonic() < deadline:
            assert process.poll() is None, f"gunicorn exited:\n{stderr_path.read_text()}"
            booted = stderr_path.read_text().count("Booting worker with pid")
            try:
                response = get(port, "/livez", https)
            except OSError:
                response = None
            if response is not None and response.status == 200 and booted >= workers:
                break
            time.sleep(0.2)
        assert response is not None, f"no answer in {WAIT_SECONDS} s:\n{stderr_path.read_text()}"
        assert response.status == 200, response.body
        assert json.loads(response.body) == {"status": "ok"}
        assert stderr_path.read_text().count("Booting worker with pid") == workers

        # Production settings are in force: plain http is sent to https, except the probes.
        redirect = get(port, "/ca/", {"Host": PRODUCTION_HOST})
        assert redirect.status == 301
        assert redirect.getheader("Location") == f"https://{PRODUCTION_HOST}/ca/"
        assert get(port, "/livez", {"Host": PRODUCTION_HOST}).status == 200

        # The image's HEALTHCHECK script agrees.
        check = subprocess.run(
            [sys.executable, str(HEALTHCHECK), str(port)],
            env=clean_env(ALLOWED_HOSTS=PRODUCTION_HOST),
            capture_output=True,
            text=True,
            timeout=WAIT_SECONDS,
        )
        assert check.returncode == 0, check.stderr
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=WAIT_SECONDS)
    assert process.returncode == 0, stderr_path.read_text()
    access_log = stdout_path.read_text()
    assert '"GET /livez HTTP/1.1" 200' in access_log  # the access log goes to stdout


def test_health_check_fails_when_nothing_listens():
    result = subprocess.run(
        [sys.executable, str(HEALTHCHECK), str(free_port())],
        env=clean_env(ALLOWED_HOSTS=PRODUCTION_HOST),
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
    )
    assert result.returncode == 1
