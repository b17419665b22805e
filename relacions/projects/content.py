"""What the projects give the shared features (relacions.core.declaration)."""

from relacions.core.declaration import Content

content = Content(
    demo="demo.yaml",
)
