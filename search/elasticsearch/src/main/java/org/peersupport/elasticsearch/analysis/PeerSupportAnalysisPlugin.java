package org.peersupport.elasticsearch.analysis;

import java.util.Map;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis components Wagtail's Elasticsearch backend and our own index
 * settings name, under the names and options Elasticsearch's analysis-common
 * module gives them. That module is not published to Maven Central for 8.x;
 * these are thin wrappers around the same Lucene classes it uses.
 */
public class PeerSupportAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "ngram", (indexSettings, env, name, settings) -> TokenizerFactory.newFactory(
                name, () -> new NGramTokenizer(minGram(settings, 1), maxGram(settings, 2))),
            "edge_ngram", (indexSettings, env, name, settings) -> TokenizerFactory.newFactory(
                name, () -> new EdgeNGramTokenizer(minGram(settings, 1), maxGram(settings, 2)))
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "lowercase", (indexSettings, env, name, settings) -> normalizing(name, LowerCaseFilter::new),
            "asciifolding", (indexSettings, env, name, settings) -> {
                boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
                return normalizing(name, input -> new ASCIIFoldingFilter(input, preserveOriginal));
            },
            "ngram", (indexSettings, env, name, settings) -> filter(name, input -> new NGramTokenFilter(
                input, minGram(settings, 1), maxGram(settings, 2), preserveOriginal(settings))),
            "edge_ngram", (indexSettings, env, name, settings) -> filter(name, input -> new EdgeNGramTokenFilter(
                input, minGram(settings, 1), maxGram(settings, 2), preserveOriginal(settings))),
            "stemmer", (indexSettings, env, name, settings) -> stemmer(name, settings.get("language", "english"))
        );
    }

    private static TokenFilterFactory stemmer(String name, String language) {
        return switch (language) {
            case "english", "porter" -> filter(name, PorterStemFilter::new);
            case "possessive_english" -> filter(name, EnglishPossessiveFilter::new);
            case "light_spanish", "spanish" -> filter(name, SpanishLightStemFilter::new);
            default -> throw new IllegalArgumentException("Unsupported stemmer language [" + language + "]");
        };
    }

    private static int minGram(Settings settings, int fallback) {
        return settings.getAsInt("min_gram", fallback);
    }

    private static int maxGram(Settings settings, int fallback) {
        return settings.getAsInt("max_gram", fallback);
    }

    private static boolean preserveOriginal(Settings settings) {
        return settings.getAsBoolean("preserve_original", false);
    }

    private interface Wrapper {
        TokenStream wrap(TokenStream input);
    }

    private static TokenFilterFactory filter(String name, Wrapper wrapper) {
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream input) {
                return wrapper.wrap(input);
            }
        };
    }

    /** Filters that also apply to keyword normalizers and to the terms of prefix queries. */
    private static TokenFilterFactory normalizing(String name, Wrapper wrapper) {
        return new NormalizingTokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream input) {
                return wrapper.wrap(input);
            }
        };
    }

}
