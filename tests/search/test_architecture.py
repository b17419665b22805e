"""DESIGN.md's direction rule: search knows the content apps only through the registry they fill
in; core and images know none of them."""

import ast
from pathlib import Path

import pytest

from relacions.search.registry import registry

ROOT = Path(__file__).resolve().parents[2] / "relacions"
CONTENT_APPS = ("pages", "news", "events", "networks", "mandate")


def imported_modules(folder: Path) -> set[str]:
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                modules |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
    return modules


@pytest.mark.parametrize("app", ["search", "core", "images"])
def test_no_content_app_is_imported(app):
    imported = imported_modules(ROOT / app)
    assert not {
        module
        for module in imported
        for content in CONTENT_APPS
        if module == f"relacions.{content}" or module.startswith(f"relacions.{content}.")
    }


def test_every_content_app_registers_its_models():
    labels = {indexed.model._meta.label_lower for indexed in registry}
    assert labels == {
        "pages.page", "news.newsitem", "events.event", "networks.network", "networks.forum",
        "mandate.plan", "mandate.objective", "agreements.agreement", "projects.project",
        "visits.visit",
    }  # fmt: skip
    assert [facet.key for facet in registry.facets()] == [
        "news", "events", "networks", "agreements", "projects", "visits", "objectives", "pages",
    ]  # fmt: skip
