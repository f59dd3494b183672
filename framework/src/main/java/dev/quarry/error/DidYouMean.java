package dev.quarry.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for hints such as {@code did you mean 'stg_sfpd__incidents'?}. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest candidate within a distance that still looks like a typo, if any. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        int allowed = Math.max(2, wrong.length() / 3);
        return candidates.stream()
                .filter(candidate -> !candidate.equals(wrong))
                .map(candidate -> new Scored(candidate, distance(wrong.toLowerCase(), candidate.toLowerCase())))
                .filter(scored -> scored.distance <= allowed)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** The hint text for {@link #closest}, or null when nothing is close. */
    public static String hint(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(name -> "did you mean '" + name + "'?").orElse(null);
    }

    /** Levenshtein distance with two rolling rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String candidate, int distance) {
    }
}
