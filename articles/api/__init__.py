"""The content API: a door like admin/ and reader/ (see docs/ARCHITECTURE.md).

Reads go through Story.objects.live(); writes go through the services in articles/stories/ and
articles/photos/services.py. Nothing in the job folders imports this package.
"""
