package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogSearchTest {

    private static List<BinaryPackage> entries;
    private static CatalogSearch search;

    /** One Packages entry; {@code description} may hold a long part after a newline. */
    private static String entry(String name, String version, String description) {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: amd64\nDescription: "
                + description.replace("\n", "\n ") + "\n\n";
    }

    @BeforeAll
    static void build() throws IOException {
        String index = entry("bash", "5.2.15-2+b13", "GNU Bourne Again SHell")
                + entry("bash-completion", "1:2.11-6", "programmable completion for the bash shell")
                + entry("bash-builtins", "5.2.15-2+b13", "Bash loadable builtins - headers & examples")
                + entry("bash-static", "5.2.15-2+b13", "GNU Bourne Again SHell (static version)")
                + entry("bashtop", "0.9.25-1", "Resource monitor that shows usage and stats")
                + entry("libbash", "0.9.11-3", "Library for bash scripts")
                + entry("python3-bashlex", "0.18-1", "Python parser for bash")
                + entry("dash", "0.5.12-2", "POSIX-compliant shell")
                + entry("zsh", "5.9-4+b2", "shell with lots of features, reads bash scripts")
                + entry("shellcheck", "0.9.0-1", "lint tool for shell scripts, knows bash")
                + entry("xonsh", "0.13.4+dfsg-1", "Python-powered shell, runs subashells")
                + entry("fish", "3.6.0-3.1", "friendly interactive shell\nUnlike bash, fish is smart and user-friendly.")
                + entry("bash-doc", "5.1-2", "old documentation")
                + entry("bash-doc", "5.2.15-2", "Documentation and examples for the GNU Bourne Again SHell")
                + entry("bash-a", "1", "first of a pair")
                + entry("bash-b", "1", "second of a pair");
        entries = new PackagesIndexParser("search-test", PackagesIndexParserTest.BOOKWORM).parse(new StringReader(index));
        search = new CatalogSearch(new Catalog(entries, "amd64"));
    }

    private static List<String> names(String query) {
        return search.search(query, 100).stream().map(h -> h.pkg().name()).toList();
    }

    @Test
    void search_ranksExactThenPrefixThenSubstringThenDescriptionThenLongDescription() {
        assertThat(search.search("bash", 100)).extracting(h -> h.pkg().name(), SearchHit::rank).containsExactly(
                tuple("bash", SearchRank.EXACT_NAME),
                tuple("bash-a", SearchRank.NAME_PREFIX),
                tuple("bash-b", SearchRank.NAME_PREFIX),
                tuple("bashtop", SearchRank.NAME_PREFIX),
                tuple("bash-doc", SearchRank.NAME_PREFIX),
                tuple("bash-static", SearchRank.NAME_PREFIX),
                tuple("bash-builtins", SearchRank.NAME_PREFIX),
                tuple("bash-completion", SearchRank.NAME_PREFIX),
                tuple("python3-bashlex", SearchRank.NAME_SUBSTRING),
                tuple("libbash", SearchRank.NAME_SUBSTRING),
                tuple("zsh", SearchRank.DESCRIPTION),
                tuple("shellcheck", SearchRank.DESCRIPTION),
                tuple("xonsh", SearchRank.DESCRIPTION),
                tuple("fish", SearchRank.LONG_DESCRIPTION));
    }

    @Test
    void search_withinPrefixRank_shorterNamesFirstThenAlphabetical() {
        assertThat(names("bash-")).containsExactly("bash-a", "bash-b", "bash-doc", "bash-static", "bash-builtins",
                "bash-completion");
    }

    @Test
    void search_withinSubstringRank_aMatchStartingANameSegmentComesFirst() {
        // python3-bashlex is longer than libbash, but "bash" starts its second segment
        assertThat(names("bash")).containsSubsequence("python3-bashlex", "libbash");
    }

    @Test
    void search_withinDescriptionRank_wholeWordBeforeMidWordMatches() {
        // xonsh has "bash" only inside "subashells"... after zsh and shellcheck with a real word "bash"
        assertThat(names("bash")).containsSubsequence("zsh", "shellcheck", "xonsh");
    }

    @Test
    void search_everyWordMustMatchSomewhere() {
        assertThat(names("gnu shell")).containsExactly("bash", "bash-doc", "bash-static");
        assertThat(names("posix shell")).containsExactly("dash");
        assertThat(names("bash nosuchword")).isEmpty();
    }

    @Test
    void search_wordsFoundInTheNameRankHigherWithinDescriptionMatches() {
        // one word in the name (bash or shell), the other in the description; then neither in the name
        assertThat(search.search("bash shell", 100)).extracting(h -> h.pkg().name(), SearchHit::rank).containsExactly(
                tuple("bash", SearchRank.DESCRIPTION),
                tuple("bash-doc", SearchRank.DESCRIPTION),
                tuple("shellcheck", SearchRank.DESCRIPTION),
                tuple("bash-static", SearchRank.DESCRIPTION),
                tuple("bash-completion", SearchRank.DESCRIPTION),
                tuple("zsh", SearchRank.DESCRIPTION),
                tuple("xonsh", SearchRank.DESCRIPTION),
                tuple("fish", SearchRank.LONG_DESCRIPTION));
    }

    @Test
    void search_severalWordsAllInTheName_matchByName() {
        assertThat(search.search("bash completion", 100).get(0))
                .isEqualTo(new SearchHit(search.search("bash-completion", 1).get(0).pkg(), SearchRank.NAME_PREFIX));
        assertThat(search.search("completion bash", 100).get(0).rank()).isEqualTo(SearchRank.NAME_SUBSTRING);
    }

    @Test
    void search_isCaseInsensitiveAndIgnoresExtraSpaces() {
        assertThat(names("  GNU   Bourne  ")).isEqualTo(names("gnu bourne"));
        assertThat(search.search("BASH", 1)).extracting(SearchHit::rank).containsExactly(SearchRank.EXACT_NAME);
    }

    @Test
    void search_findsTheCandidateVersionAndItsDescription() {
        assertThat(search.search("bash-doc", 1)).singleElement().satisfies(h -> {
            assertThat(h.pkg().version()).hasToString("5.2.15-2");
            assertThat(h.pkg().shortDescription()).startsWith("Documentation");
        });
        assertThat(names("old documentation")).as("descriptions of older versions are not searched").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "sh", "s", "gnu shell", "bash shell", "a"})
    void search_withALimit_returnsThePrefixOfTheFullRanking(String query) {
        List<SearchHit> all = search.search(query, 1000);
        for (int limit = 0; limit <= all.size() + 1; limit++) {
            assertThat(search.search(query, limit)).as("limit %d", limit)
                    .isEqualTo(all.subList(0, Math.min(limit, all.size())));
        }
    }

    @Test
    void search_doesNotDependOnTheOrderOfTheIndexes() {
        List<BinaryPackage> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(7));
        CatalogSearch other = new CatalogSearch(new Catalog(shuffled, "amd64"));

        for (String q : List.of("bash", "sh", "e", "gnu shell", "a")) {
            assertThat(other.search(q, 100)).as(q).isEqualTo(search.search(q, 100));
        }
    }

    @Test
    void search_blankQueryOrZeroLimit_findsNothing() {
        assertThat(search.search("", 10)).isEmpty();
        assertThat(search.search("  \t ", 10)).isEmpty();
        assertThat(search.search("bash", 0)).isEmpty();
    }

    @Test
    void search_negativeLimit_fails() {
        assertThatThrownBy(() -> search.search("bash", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("search limit must not be negative, got -1");
    }

    @Test
    void size_countsPackageNames() {
        assertThat(search.size()).isEqualTo(15);
    }

    @Test
    void search_onRealEntries_findsAwkImplementations() throws IOException {
        CatalogSearch real = new CatalogSearch(new Catalog(PackagesIndexParserTest.parseResource(
                "/catalog/bookworm-main.Packages", PackagesIndexParserTest.BOOKWORM), "amd64"));

        assertThat(real.search("awk", 10)).extracting(h -> h.pkg().name(), SearchHit::rank).containsExactly(
                tuple("gawk", SearchRank.NAME_SUBSTRING),
                tuple("mawk", SearchRank.NAME_SUBSTRING));
        assertThat(real.search("mail transport", 10)).extracting(h -> h.pkg().name())
                .containsExactly("postfix");
        // words match as substrings: "c" is in libc6's name, and starts "compatibility" of python3-six
        assertThat(real.search("c library", 10)).extracting(h -> h.pkg().name())
                .containsExactly("libc6", "python3-six");
    }

    /**
     * The ranking rules of {@link CatalogSearch}'s class comment written plainly, one entry at a time,
     * to check the fast implementation against on many generated packages and queries.
     */
    private static List<String> reference(List<BinaryPackage> candidates, String query, int limit) {
        String[] words = query.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+");
        record Scored(String name, int rank, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (BinaryPackage p : candidates) {
            String name = p.name();
            String shortDescription = p.shortDescription().toLowerCase(java.util.Locale.ROOT);
            String longDescription = p.longDescription().toLowerCase(java.util.Locale.ROOT);
            int inName = 0;
            int notAtWordStart = 0;
            boolean onlyInLong = false;
            boolean all = true;
            for (String w : words) {
                if (name.contains(w)) {
                    inName++;
                } else if (shortDescription.contains(w)) {
                    boolean wordStart = false;
                    for (int at = shortDescription.indexOf(w); at >= 0; at = shortDescription.indexOf(w, at + 1)) {
                        wordStart |= at == 0 || !Character.isLetterOrDigit(shortDescription.charAt(at - 1));
                    }
                    notAtWordStart += wordStart ? 0 : 1;
                } else if (longDescription.contains(w)) {
                    onlyInLong = true;
                    notAtWordStart++;
                } else {
                    all = false;
                }
            }
            if (!all) {
                continue;
            }
            if (inName == words.length) {
                if (words.length == 1 && name.equals(words[0])) {
                    scored.add(new Scored(name, 0, 0));
                } else if (name.startsWith(words[0])) {
                    scored.add(new Scored(name, 1, 0));
                } else {
                    boolean segment = false;
                    for (int at = name.indexOf(words[0]); at >= 0; at = name.indexOf(words[0], at + 1)) {
                        segment |= at == 0 || "-.+".indexOf(name.charAt(at - 1)) >= 0;
                    }
                    scored.add(new Scored(name, 2, segment ? 0 : 1));
                }
            } else {
                scored.add(new Scored(name, onlyInLong ? 4 : 3, (words.length - inName) * 16 + notAtWordStart));
            }
        }
        scored.sort(java.util.Comparator.comparingInt(Scored::rank).thenComparingInt(Scored::score)
                .thenComparingInt(x -> x.name().length()).thenComparing(Scored::name));
        return scored.stream().limit(limit).map(Scored::name).toList();
    }

    @Test
    void search_agreesWithAPlainReferenceOnGeneratedPackagesAndQueries() throws IOException {
        Random random = new Random(2025);
        String[] syllables = {"lib", "py", "th", "on", "ssl", "dev", "gtk", "qt", "x", "-", "-", ".", "+", "3", "6",
                "a", "e", "doc", "data", "bash", "sh", "ell"};
        String[] vocabulary = {"library", "shell", "GNU", "development", "files", "for", "the", "Python", "tool",
                "x11", "editor", "text", "documentation", "a", "bash-like", "sub-shell", "(static)", "é"};
        StringBuilder index = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            StringBuilder name = new StringBuilder(new String[] {"a", "b", "lib", "py", "x", "0"}[random.nextInt(6)]);
            for (int k = random.nextInt(5); k >= 0; k--) {
                name.append(syllables[random.nextInt(syllables.length)]);
            }
            StringBuilder description = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                description.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            }
            if (random.nextInt(4) == 0) {
                description.append("\n").append(vocabulary[random.nextInt(vocabulary.length)]).append(" .");
            }
            index.append(entry(name.toString(), "1." + random.nextInt(3), description.toString().strip() + "x"));
        }
        List<BinaryPackage> generated = new PackagesIndexParser("generated", PackagesIndexParserTest.BOOKWORM)
                .parse(new StringReader(index.toString()));
        Catalog catalog = new Catalog(generated, "amd64");
        CatalogSearch generatedSearch = new CatalogSearch(catalog);
        List<BinaryPackage> candidates = catalog.names().stream().map(n -> catalog.candidate(n).orElseThrow()).toList();

        List<String> queries = new ArrayList<>(List.of("a", "lib", "lib dev", "shell", "gnu shell", "sh", "x11",
                "-", ".", "+", "3", "é", "static", "py th", "documentation lib", "zz"));
        for (int q = 0; q < 200; q++) {
            String[] pool = random.nextBoolean() ? syllables : vocabulary;
            queries.add(pool[random.nextInt(pool.length)] + (random.nextBoolean() ? "" : " " + pool[random.nextInt(pool.length)]));
        }
        for (String query : queries) {
            for (int limit : new int[] {1, 7, 50, 5000}) {
                assertThat(generatedSearch.search(query, limit)).extracting(h -> h.pkg().name())
                        .as("'%s' limit %d", query, limit)
                        .containsExactlyElementsOf(reference(candidates, query, limit));
            }
        }
    }
}
