"""The project's changes to Django's locale formats (FORMAT_MODULE_PATH): only what differs."""
