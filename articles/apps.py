from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        # Receivers that keep the search index and the page cache exact (imported here, once the
        # models are loaded).
        from articles.reader import cache, websub
        from articles.search import index

        index.connect_signals()
        cache.connect_signals()
        websub.connect_signals()
