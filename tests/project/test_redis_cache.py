"""The Redis cache backend keeps one redis-py client per connection pool (newsroom/redis_cache.py).

Building a client connects to nothing, so these run without a Redis server; the PostgreSQL pass of
.ci/run runs the whole suite, page-cache tests included, through this backend on a real Redis.
"""

from newsroom.redis_cache import RedisCache


def test_every_call_reuses_the_same_client():
    cache = RedisCache("redis://127.0.0.1:6379/15", {})
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first
    # One server: reads and writes share its pool, and so its client.
    assert cache._cache.get_client("c", write=True) is first


def test_with_a_replica_writes_and_reads_keep_their_own_clients():
    cache = RedisCache("redis://primary.example:6379/0,redis://replica.example:6379/0", {})
    writer = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is writer
    reader = cache._cache.get_client()
    assert reader is not writer
    assert reader.connection_pool is not writer.connection_pool
    assert cache._cache.get_client() is reader
