"""Search backends: Elasticsearch 8 when nodes are configured, the database otherwise.

With Elasticsearch, each language has a backend of its own, with its own
indexes (INDEX_PREFIX) analysed for that language: "default" holds the English
pages, "es" the Spanish ones. Wagtail's database backend stays configured (and
kept up to date on every save) as "database": the search page answers from it
when Elasticsearch is unreachable.
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


# Spanish: accents optional, and the light stemmer matches plural and singular
# ("certificaciones", "certificación" and "certificacion" are one word).
SPANISH_ANALYSIS = {
    "filter": {"spanish_stemmer": {"type": "stemmer", "language": "light_spanish"}},
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "spanish_stemmer"],
        },
    },
}
LANGUAGE_ANALYSIS = {"en": ENGLISH_ANALYSIS, "es": SPANISH_ANALYSIS}


def search_backends(urls, *, index_prefix, timeout):
    database = {"BACKEND": "wagtail.search.backends.database"}
    if not urls:
        return {"default": database}
    return {
        "default": elasticsearch_backend(urls, "en", index_prefix, timeout),
        "es": elasticsearch_backend(urls, "es", f"{index_prefix}es_", timeout),
        "database": database,
    }


def elasticsearch_backend(urls, language, index_prefix, timeout):
    return {
        "BACKEND": "search.backends",
        # Only objects in this language (and those that have none) go into its indexes.
        "LANGUAGE": language,
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
                "analysis": LANGUAGE_ANALYSIS[language],
            }
        },
    }
