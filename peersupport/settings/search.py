"""Search backends: Elasticsearch 8 when nodes are configured, the database otherwise.

With Elasticsearch, Wagtail's database backend stays configured (and kept up
to date on every save) as "database": the search page answers from it when
Elasticsearch is unreachable.
"""

# Text is folded (accents optional) and stemmed (plurals match singulars) both
# when indexed and when searched: "default" is the analyzer Elasticsearch uses
# for every text field that names none. Analysis settings must sit under
# settings.analysis; under settings.index.analysis they are silently ignored
# (wagtail/wagtail#3612).
ENGLISH_ANALYSIS = {
    "filter": {
        "english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["english_possessive", "lowercase", "asciifolding", "english_stemmer"],
        },
    },
}


def search_backends(urls, *, index_prefix, timeout):
    database = {"BACKEND": "wagtail.search.backends.database"}
    if not urls:
        return {"default": database}
    return {
        "default": {
            "BACKEND": "search.backends",
            "URLS": urls,
            "INDEX_PREFIX": index_prefix,
            # Fail fast: a visitor waits on this, and search falls back to the database.
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            # update_index builds a new index and swaps the alias when it is complete.
            "ATOMIC_REBUILD": True,
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {"number_of_shards": 1, "auto_expand_replicas": "0-1"},
                    "analysis": ENGLISH_ANALYSIS,
                }
            },
        },
        "database": database,
    }
