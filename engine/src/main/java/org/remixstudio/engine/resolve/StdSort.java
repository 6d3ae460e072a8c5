package org.remixstudio.engine.resolve;

/**
 * libstdc++'s {@code std::sort} (introsort: median-of-three quicksort down to runs of 16, heapsort
 * past the depth limit, then one insertion sort), reproduced step by step. It is not stable, and
 * apt's problem resolver sorts every package by score with it, so equal scores come out in exactly
 * this algorithm's order; Java's sorts would order them differently.
 */
final class StdSort {

    /** apt's comparator: whether {@code a} goes before {@code b}. */
    interface Less {
        boolean less(int a, int b);
    }

    private static final int THRESHOLD = 16;

    private StdSort() {
    }

    static void sort(int[] v, Less less) {
        int n = v.length;
        if (n == 0) {
            return;
        }
        introsortLoop(v, 0, n, 2 * lg(n), less);
        finalInsertionSort(v, 0, n, less);
    }

    private static int lg(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    private static void introsortLoop(int[] v, int first, int last, int depthLimit, Less less) {
        while (last - first > THRESHOLD) {
            if (depthLimit == 0) {
                heapSort(v, first, last, less);
                return;
            }
            --depthLimit;
            int cut = unguardedPartitionPivot(v, first, last, less);
            introsortLoop(v, cut, last, depthLimit, less);
            last = cut;
        }
    }

    private static int unguardedPartitionPivot(int[] v, int first, int last, Less less) {
        int mid = first + (last - first) / 2;
        moveMedianToFirst(v, first, first + 1, mid, last - 1, less);
        return unguardedPartition(v, first + 1, last, first, less);
    }

    private static void moveMedianToFirst(int[] v, int result, int a, int b, int c, Less less) {
        if (less.less(v[a], v[b])) {
            if (less.less(v[b], v[c])) {
                swap(v, result, b);
            } else if (less.less(v[a], v[c])) {
                swap(v, result, c);
            } else {
                swap(v, result, a);
            }
        } else if (less.less(v[a], v[c])) {
            swap(v, result, a);
        } else if (less.less(v[b], v[c])) {
            swap(v, result, c);
        } else {
            swap(v, result, b);
        }
    }

    private static int unguardedPartition(int[] v, int first, int last, int pivot, Less less) {
        while (true) {
            while (less.less(v[first], v[pivot])) {
                ++first;
            }
            --last;
            while (less.less(v[pivot], v[last])) {
                --last;
            }
            if (!(first < last)) {
                return first;
            }
            swap(v, first, last);
            ++first;
        }
    }

    private static void finalInsertionSort(int[] v, int first, int last, Less less) {
        if (last - first > THRESHOLD) {
            insertionSort(v, first, first + THRESHOLD, less);
            for (int i = first + THRESHOLD; i != last; ++i) {
                unguardedLinearInsert(v, i, less);
            }
        } else {
            insertionSort(v, first, last, less);
        }
    }

    private static void insertionSort(int[] v, int first, int last, Less less) {
        if (first == last) {
            return;
        }
        for (int i = first + 1; i != last; ++i) {
            if (less.less(v[i], v[first])) {
                int val = v[i];
                System.arraycopy(v, first, v, first + 1, i - first);
                v[first] = val;
            } else {
                unguardedLinearInsert(v, i, less);
            }
        }
    }

    private static void unguardedLinearInsert(int[] v, int last, Less less) {
        int val = v[last];
        int next = last - 1;
        while (less.less(val, v[next])) {
            v[last] = v[next];
            last = next;
            --next;
        }
        v[last] = val;
    }

    /** {@code std::__partial_sort(first, last, last)}: make_heap then sort_heap. */
    private static void heapSort(int[] v, int first, int last, Less less) {
        int len = last - first;
        if (len >= 2) {
            for (int parent = (len - 2) / 2; ; parent--) {
                adjustHeap(v, first, parent, len, v[first + parent], less);
                if (parent == 0) {
                    break;
                }
            }
        }
        while (last - first > 1) {
            --last;
            int value = v[last];
            v[last] = v[first];
            adjustHeap(v, first, 0, last - first, value, less);
        }
    }

    private static void adjustHeap(int[] v, int first, int holeIndex, int len, int value, Less less) {
        int topIndex = holeIndex;
        int secondChild = holeIndex;
        while (secondChild < (len - 1) / 2) {
            secondChild = 2 * (secondChild + 1);
            if (less.less(v[first + secondChild], v[first + secondChild - 1])) {
                secondChild--;
            }
            v[first + holeIndex] = v[first + secondChild];
            holeIndex = secondChild;
        }
        if ((len & 1) == 0 && secondChild == (len - 2) / 2) {
            secondChild = 2 * (secondChild + 1);
            v[first + holeIndex] = v[first + (secondChild - 1)];
            holeIndex = secondChild - 1;
        }
        // __push_heap
        int parent = (holeIndex - 1) / 2;
        while (holeIndex > topIndex && less.less(v[first + parent], value)) {
            v[first + holeIndex] = v[first + parent];
            holeIndex = parent;
            parent = (holeIndex - 1) / 2;
        }
        v[first + holeIndex] = value;
    }

    private static void swap(int[] v, int i, int j) {
        int t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
