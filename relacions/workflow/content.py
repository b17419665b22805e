"""What the editorial workflow gives the roles (relacions.core.declaration)."""

from relacions.core.declaration import Content
from relacions.core.roles import NETWORK_ADMINISTRATORS

content = Content(
    # Deleting a published item (PublishableAdmin) needs this on top of the model's delete
    # permission: Administrators have every permission; Network administrators may delete their
    # networks and forums; Editors delete drafts only.
    roles={NETWORK_ADMINISTRATORS: ("workflow.delete_published",)},
    # Revisions, stamps and previews are not what public pages show.
    page_cache=False,
)
