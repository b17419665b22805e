"""What the projects give the shared features (relacions.core.declaration)."""

from relacions.core.declaration import Content
from relacions.core.roles import EDITORS

from . import datasets

content = Content(
    # Editors write projects, their partners and results (and import the register); the code
    # lists are the Administrators' (who have every permission): Editors read them.
    roles={
        EDITORS: (
            "projects.add_project",
            "projects.change_project",
            "projects.delete_project",
            "projects.view_project",
            "projects.add_partner",
            "projects.change_partner",
            "projects.delete_partner",
            "projects.view_partner",
            "projects.add_result",
            "projects.change_result",
            "projects.delete_result",
            "projects.view_result",
            "projects.view_programme",
            "projects.view_theme",
            "projects.view_department",
        ),
    },
    datasets=(datasets.PROJECTS, datasets.PARTNERS, datasets.YEARLY_TOTALS),
    demo="demo.yaml",
)
