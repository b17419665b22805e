import re

import pytest

from tests.factories.mandate import (
    AxisFactory,
    ObjectiveFactory,
    PlanFactory,
    ProgressUpdateFactory,
)


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def plan(db):
    return PlanFactory(
        title_ca="Pla de Mandat de prova",
        title_es="Plan de Mandato de prueba",
        title_en="Test Mandate Plan",
        slug_ca="pla-prova",
        slug_es="plan-prueba",
        slug_en="test-plan",
        is_current=True,
    )


@pytest.fixture
def objective(plan):
    """Objective 5.2 of axis 5, with two public updates and one private one."""
    import datetime

    axis = AxisFactory(plan=plan, number=5, title_ca="Ciutat oberta", title_en="Open city")
    objective = ObjectiveFactory(
        axis=axis,
        code="5.2",
        title_ca="Projectar Terrassa al món",
        title_es="Proyectar Terrassa al mundo",
        title_en="Project Terrassa to the world",
        description_ca="<p>Descripció de l'objectiu</p>",
        description_es="",
        description_en="<p>The objective</p>",
    )
    ProgressUpdateFactory(
        objective=objective, date=datetime.date(2024, 1, 31), progress=25, note_en="First step"
    )
    ProgressUpdateFactory(
        objective=objective, date=datetime.date(2024, 10, 31), progress=45, note_en="Halfway"
    )
    ProgressUpdateFactory(
        objective=objective,
        date=datetime.date(2025, 6, 30),
        progress=87,
        is_public=False,
        note_ca="SECRET intern",
        note_es="SECRET interno",
        note_en="SECRET internal",
    )
    return objective
