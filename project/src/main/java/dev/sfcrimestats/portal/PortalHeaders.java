package dev.sfcrimestats.portal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Between the portal's display names ({@code Incident Day of Week}) and the API's field names
 * ({@code incident_day_of_week}). Socrata derives a field name from its display name by lower-casing it and joining
 * the words with {@code _}, so that rule covers every ordinary column; only the computed regions, whose API names are
 * generated ids, need the table below.
 */
final class PortalHeaders {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    /** The computed-region columns of wg3w-h783 (from {@code wg3w-h783_fields.tsv}), by display name. */
    private static final Map<String, String> COMPUTED_REGIONS = Map.of(
            "Neighborhoods", ":@computed_region_jwn9_ihcz",
            "ESNCAG - Boundary File", ":@computed_region_jg9y_a9du",
            "Central Market/Tenderloin Boundary Polygon - Updated", ":@computed_region_h4ep_8xdi",
            "Civic Center Harm Reduction Project Boundary", ":@computed_region_n4xg_c4py",
            "HSOC Zones as of 2018-06-05", ":@computed_region_nqbw_i6c3",
            "Invest In Neighborhoods (IIN) Areas", ":@computed_region_viu7_rrfi",
            "Current Supervisor Districts", ":@computed_region_26cr_cadq",
            "Current Police Districts", ":@computed_region_qgnn_b9vv");

    /** Words the display names write in capitals ({@code Row ID}, {@code CAD Number}, {@code CNN}). */
    private static final Set<String> ACRONYMS = Set.of("id", "cad", "cnn");

    // Keyed by the rule's output, so a display name differing only in case or punctuation still finds its region.
    private static final Map<String, String> BY_RULE = new LinkedHashMap<>();
    private static final Map<String, String> DISPLAY = new LinkedHashMap<>();

    static {
        COMPUTED_REGIONS.forEach((display, api) -> {
            BY_RULE.put(byRule(display), api);
            DISPLAY.put(api, display);
        });
    }

    private PortalHeaders() {
    }

    /** The API field name for a display name: the computed-region table, else the rule. */
    static String apiName(String displayName) {
        String name = byRule(displayName);
        return BY_RULE.getOrDefault(name, name);
    }

    /**
     * A display name for an API field name, for messages about missing columns: the inverse of the rule, with the
     * capitals the portal uses, so the user can look for it in the file's header.
     */
    static String displayName(String apiName) {
        String region = DISPLAY.get(apiName);
        if (region != null) {
            return region;
        }
        StringBuilder display = new StringBuilder();
        for (String word : apiName.split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            if (display.length() > 0) {
                display.append(' ');
            }
            if (ACRONYMS.contains(word)) {
                display.append(word.toUpperCase(Locale.ROOT));
            } else if (word.equals("of") && display.length() > 0) {
                display.append(word);
            } else {
                display.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        return display.toString();
    }

    /** Lower case, each run of other characters one {@code _}, none at either end. */
    private static String byRule(String displayName) {
        String name = NOT_ALPHANUMERIC.matcher(displayName.toLowerCase(Locale.ROOT)).replaceAll("_");
        int start = name.startsWith("_") ? 1 : 0;
        int end = name.endsWith("_") && name.length() > start ? name.length() - 1 : name.length();
        return name.substring(start, end);
    }
}
