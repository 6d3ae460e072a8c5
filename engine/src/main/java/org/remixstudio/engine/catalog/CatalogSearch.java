package org.remixstudio.engine.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds packages by name and description words, fast enough to run on every key stroke over a
 * whole archive (~65,000 names). Matching is by substring, as a user typing {@code ssl} expects, so
 * there is no word index: names, short and long descriptions are each lower-cased into one large
 * string at construction, and a query word is found with {@link String#indexOf} over it (a fast
 * vectorised scan), marking the entries it occurs in. Descriptions are only scanned when fewer
 * names than the limit match.
 *
 * <p>Every query word must occur (as a substring, case-insensitively) in the name, the short or the
 * long description of a package's candidate. Results are ordered by {@link SearchRank}, then by a
 * match score within the rank (for names: the first word starting a name segment after {@code -},
 * {@code .} or {@code +}; for descriptions: more words in the name, then more words starting a
 * description word), then shorter names first, then alphabetically, so the order is deterministic.
 *
 * <p>Immutable; one instance may serve searches from several threads.
 */
public final class CatalogSearch {

    // A result is ranked by one long: rank, then score, then position in (length, name) order, so
    // that the best results have the smallest keys.
    private static final int RANK_SHIFT = 40;
    private static final int SCORE_SHIFT = 32;
    private static final SearchRank[] RANKS = SearchRank.values();

    private final BinaryPackage[] packages;
    private final Texts names;
    private final Texts shortDescriptions;
    private final Texts longDescriptions;

    /** Indexes the candidate of every name in {@code catalog}. */
    public CatalogSearch(Catalog catalog) {
        List<BinaryPackage> candidates = new ArrayList<>(catalog.nameCount());
        for (String name : catalog.names()) {
            catalog.candidate(name).ifPresent(candidates::add);
        }
        candidates.sort(Comparator.comparingInt((BinaryPackage p) -> p.name().length())
                .thenComparing(BinaryPackage::name));
        packages = candidates.toArray(new BinaryPackage[0]);
        names = new Texts(candidates, BinaryPackage::name);
        shortDescriptions = new Texts(candidates, BinaryPackage::shortDescription);
        longDescriptions = new Texts(candidates, BinaryPackage::longDescription);
    }

    /** Number of package names searched. */
    public int size() {
        return packages.length;
    }

    /**
     * The best {@code limit} packages for {@code query} (words separated by white space), best first;
     * empty for a blank query.
     */
    public List<SearchHit> search(String query, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("search limit must not be negative, got " + limit);
        }
        String[] words = query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        if (limit == 0 || words[0].isEmpty()) {
            return List.of();
        }
        long[][] inName = new long[words.length][];
        long[] allInName = null;
        for (int w = 0; w < words.length; w++) {
            inName[w] = names.entriesContaining(words[w]);
            allInName = w == 0 ? inName[w].clone() : and(allInName, inName[w]);
        }
        TopKeys top = new TopKeys(limit);
        int nameMatches = 0;
        for (int i = nextSetBit(allInName, 0); i >= 0; i = nextSetBit(allInName, i + 1)) {
            top.offer(nameKey(i, words) | i);
            nameMatches++;
        }
        if (nameMatches < limit) {
            addDescriptionMatches(words, inName, allInName, top);
        }
        long[] keys = top.sorted();
        List<SearchHit> hits = new ArrayList<>(keys.length);
        for (long key : keys) {
            hits.add(new SearchHit(packages[(int) key], RANKS[(int) (key >>> RANK_SHIFT)]));
        }
        return hits;
    }

    private long nameKey(int i, String[] words) {
        if (words.length == 1 && names.equals(i, words[0])) {
            return key(SearchRank.EXACT_NAME, 0);
        }
        if (names.startsWith(i, words[0])) {
            return key(SearchRank.NAME_PREFIX, 0);
        }
        return key(SearchRank.NAME_SUBSTRING, names.occursAfter(i, words[0], "-.+") ? 0 : 1);
    }

    private void addDescriptionMatches(String[] words, long[][] inName, long[] allInName, TopKeys top) {
        long[][] inShort = new long[words.length][];
        long[][] inLong = new long[words.length][];
        long[] candidates = null;
        for (int w = 0; w < words.length; w++) {
            inShort[w] = shortDescriptions.entriesContaining(words[w]);
            inLong[w] = longDescriptions.entriesContaining(words[w]);
            long[] somewhere = or(or(inName[w].clone(), inShort[w]), inLong[w]);
            candidates = w == 0 ? somewhere : and(candidates, somewhere);
        }
        for (int i = nextSetBit(candidates, 0); i >= 0; i = nextSetBit(candidates, i + 1)) {
            if (get(allInName, i)) {
                continue;
            }
            int wordsInName = 0;
            int notAtWordStart = 0;
            boolean onlyInLong = false;
            for (int w = 0; w < words.length; w++) {
                if (get(inName[w], i)) {
                    wordsInName++;
                } else if (get(inShort[w], i)) {
                    if (!shortDescriptions.occursAfterNonAlphanumeric(i, words[w])) {
                        notAtWordStart++;
                    }
                } else {
                    onlyInLong = true;
                    notAtWordStart++;
                }
            }
            int score = Math.min(15, words.length - wordsInName) << 4 | Math.min(15, notAtWordStart);
            top.offer(key(onlyInLong ? SearchRank.LONG_DESCRIPTION : SearchRank.DESCRIPTION, score) | i);
        }
    }

    private static long key(SearchRank rank, int score) {
        return (long) rank.ordinal() << RANK_SHIFT | (long) score << SCORE_SHIFT;
    }

    private static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    private static long[] and(long[] a, long[] b) {
        for (int k = 0; k < a.length; k++) {
            a[k] &= b[k];
        }
        return a;
    }

    private static long[] or(long[] a, long[] b) {
        for (int k = 0; k < a.length; k++) {
            a[k] |= b[k];
        }
        return a;
    }

    private static int nextSetBit(long[] bits, int from) {
        int k = from >>> 6;
        if (k >= bits.length) {
            return -1;
        }
        long word = bits[k] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (k << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++k == bits.length) {
                return -1;
            }
            word = bits[k];
        }
    }

    /**
     * One lower-cased text per entry, all joined by {@code '\n'} (which no query word contains) into
     * one string, with the offset where each entry starts.
     */
    private static final class Texts {
        private final String all;
        private final int[] starts;

        Texts(List<BinaryPackage> entries, Function<BinaryPackage, String> field) {
            StringBuilder sb = new StringBuilder();
            starts = new int[entries.size() + 1];
            for (int i = 0; i < entries.size(); i++) {
                starts[i] = sb.length();
                sb.append(field.apply(entries.get(i)).toLowerCase(Locale.ROOT).replace('\n', ' ')).append('\n');
            }
            starts[entries.size()] = sb.length();
            all = sb.toString();
        }

        /** A bit set of the entries whose text contains {@code word}. */
        long[] entriesContaining(String word) {
            long[] bits = new long[(starts.length - 1 + 63) >>> 6];
            int i = 0;
            int at = all.indexOf(word);
            while (at >= 0) {
                i = entryAt(at, i);
                bits[i >>> 6] |= 1L << i;
                at = all.indexOf(word, starts[i + 1]); // one hit per entry is enough
            }
            return bits;
        }

        boolean equals(int i, String word) {
            return starts[i + 1] - 1 - starts[i] == word.length() && all.startsWith(word, starts[i]);
        }

        boolean startsWith(int i, String word) {
            return all.startsWith(word, starts[i]);
        }

        /** Whether {@code word} occurs in entry i at its start or right after one of {@code separators}. */
        boolean occursAfter(int i, String word, String separators) {
            int end = starts[i + 1] - 1;
            for (int at = all.indexOf(word, starts[i]); at >= 0 && at + word.length() <= end;
                    at = all.indexOf(word, at + 1)) {
                if (at == starts[i] || separators.indexOf(all.charAt(at - 1)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code word} starts a word of entry i's text. */
        boolean occursAfterNonAlphanumeric(int i, String word) {
            int end = starts[i + 1] - 1;
            for (int at = all.indexOf(word, starts[i]); at >= 0 && at + word.length() <= end;
                    at = all.indexOf(word, at + 1)) {
                if (at == starts[i] || !Character.isLetterOrDigit(all.charAt(at - 1))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The entry holding {@code offset}, searching from entry {@code from} on: hits of a common
         * word are close together, so a few steps forward usually find it before a binary search.
         */
        private int entryAt(int offset, int from) {
            for (int i = from, stop = Math.min(from + 8, starts.length - 1); i < stop; i++) {
                if (starts[i + 1] > offset) {
                    return i;
                }
            }
            int i = Arrays.binarySearch(starts, from, starts.length, offset);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** The {@code limit} smallest keys offered, kept in a max-heap. */
    private static final class TopKeys {
        private final long[] heap;
        private int size;

        TopKeys(int limit) {
            heap = new long[limit];
        }

        boolean isFull() {
            return size == heap.length;
        }

        long worst() {
            return heap[0];
        }

        void offer(long key) {
            if (size < heap.length) {
                int i = size++;
                heap[i] = key;
                while (i > 0 && heap[(i - 1) / 2] < heap[i]) {
                    swap(i, (i - 1) / 2);
                    i = (i - 1) / 2;
                }
            } else if (key < heap[0]) {
                heap[0] = key;
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    int r = l + 1;
                    int largest = i;
                    if (l < size && heap[l] > heap[largest]) {
                        largest = l;
                    }
                    if (r < size && heap[r] > heap[largest]) {
                        largest = r;
                    }
                    if (largest == i) {
                        return;
                    }
                    swap(i, largest);
                    i = largest;
                }
            }
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(heap, size);
            Arrays.sort(out);
            return out;
        }

        private void swap(int a, int b) {
            long t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }
    }
}
