"""The Whoosh index: schema, building and searching (arrives with the index issue).

Nothing outside this package imports whoosh; it returns plain dataclasses, never Whoosh objects.
"""
