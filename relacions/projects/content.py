"""What the projects give the shared features (relacions.core.declaration)."""

from relacions.core.declaration import Content

from . import datasets

content = Content(
    datasets=(datasets.PROJECTS, datasets.PARTNERS, datasets.YEARLY_TOTALS),
    demo="demo.yaml",
)
