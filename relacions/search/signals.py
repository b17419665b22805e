"""Save and delete handlers, connected for each model the content apps register (and for the
parents their entries depend on). They run inside the saving transaction: if the save is rolled
back, so is the index."""

from django.db.models.signals import post_delete, post_save

from .registry import Indexed
from .services import index_dependents, index_object, remove_object


def _saved(sender, instance, raw=False, **kwargs):
    # Fixtures load rows in any order; `rebuild_search_index` indexes them afterwards.
    if raw:
        return
    index_object(obj=instance)


def _deleted(sender, instance, **kwargs):
    remove_object(model=sender, pk=instance.pk)


def _parent_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    index_dependents(parent=instance)


def connect(indexed: Indexed) -> None:
    model = indexed.model
    label = model._meta.label_lower
    post_save.connect(_saved, sender=model, dispatch_uid=f"search-index-{label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-remove-{label}")
    for parent in indexed.depends_on:
        post_save.connect(
            _parent_saved,
            sender=parent,
            dispatch_uid=f"search-dependents-{parent._meta.label_lower}",
        )
