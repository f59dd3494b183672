package dev.sfcrimestats.socrata;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * The value sets {@link SfpdRows} draws from, with weights close to the SFPD dataset's own frequencies (from
 * December 2018), so generated data has the skew a real load meets: a few very common offenses, Central and
 * Northern busier than Park, most reports still open. Coplogic reports are a little rarer than in 2018, so that
 * about 20% of rows lack a CAD number, as across the whole dataset.
 */
final class SfpdValues {

    /** An offense: incident code (5 digits, leading zero kept), category, subcategory, description. */
    record Offense(String code, String category, String subcategory, String description, int weight) {
    }

    /** A neighborhood with its districts, its centre, and its id in the computed region "Neighborhoods". */
    record Neighborhood(String name, String policeDistrict, int supervisor, int supervisor2012, double latitude,
            double longitude, int region, int weight) {
    }

    /** A report type: code, description, whether it was filed online (Coplogic). */
    record ReportType(String code, String description, boolean online, int weight) {
    }

    /** A resolution. */
    record Resolution(String name, int weight) {
    }

    /** A weighted choice: items drawn in proportion to their weights. */
    static final class Weighted<T> {

        private final List<T> items;
        private final int[] cumulative;

        Weighted(List<T> items, ToIntFunction<T> weight) {
            this.items = List.copyOf(items);
            this.cumulative = new int[items.size()];
            int sum = 0;
            for (int index = 0; index < items.size(); index++) {
                sum += weight.applyAsInt(items.get(index));
                cumulative[index] = sum;
            }
        }

        T pick(SplittableRandom random) {
            int ticket = random.nextInt(cumulative[cumulative.length - 1]);
            int index = java.util.Arrays.binarySearch(cumulative, ticket + 1);
            return items.get(index >= 0 ? index : -index - 1);
        }

        int indexOf(T item) {
            return items.indexOf(item);
        }

        T get(int index) {
            return items.get(Math.floorMod(index, items.size()));
        }

        int size() {
            return items.size();
        }
    }

    static final Weighted<Offense> OFFENSES = new Weighted<>(List.of(
            new Offense("06244", "Larceny Theft", "Larceny - From Vehicle", "Theft, From Locked Vehicle, >$950", 1752),
            new Offense("71000", "Lost Property", "Lost Property", "Lost Property", 447),
            new Offense("06372", "Larceny Theft", "Larceny Theft - Other", "Theft, Other Property, $50-$200", 408),
            new Offense("04134", "Assault", "Simple Assault", "Battery", 358),
            new Offense("28150", "Malicious Mischief", "Vandalism", "Malicious Mischief, Vandalism to Property", 337),
            new Offense("06374", "Larceny Theft", "Larceny Theft - Other", "Theft, Other Property, >$950", 297),
            new Offense("07021", "Motor Vehicle Theft", "Motor Vehicle Theft", "Vehicle, Stolen, Auto", 276),
            new Offense("07041", "Recovered Vehicle", "Recovered Vehicle", "Vehicle, Recovered, Auto", 275),
            new Offense("64020", "Non-Criminal", "Other", "Mental Health Detention", 267),
            new Offense("63010", "Warrant", "Other", "Warrant Arrest, Local SF Warrant", 235),
            new Offense("72000", "Non-Criminal", "Non-Criminal", "Found  Property", 198),
            new Offense("64070", "Suspicious Occ", "Suspicious Occ", "Suspicious Occurrence", 197),
            new Offense("64085", "Other Miscellaneous", "Other", "Investigative Detention", 196),
            new Offense("06224", "Larceny Theft", "Larceny - From Vehicle", "Theft, From Unlocked Vehicle, >$950", 195),
            new Offense("28160", "Malicious Mischief", "Vandalism", "Malicious Mischief, Vandalism to Vehicle", 176),
            new Offense("65010", "Traffic Violation Arrest", "Traffic Violation Arrest", "Traffic Violation Arrest",
                    163),
            new Offense("62050", "Warrant", "Warrant", "Warrant Arrest, Enroute To Outside Jurisdiction", 160),
            new Offense("75000", "Missing Person", "Missing Person", "Found Person", 127),
            new Offense("19057", "Disorderly Conduct", "Intimidation", "Terrorist Threats", 120),
            new Offense("74000", "Missing Person", "Missing Adult", "Missing Adult", 119),
            new Offense("09320", "Fraud", "Fraud", "Access Card, incl. Credit, Phone, ATM, Fraudulent Use of", 110),
            new Offense("27195", "Other Miscellaneous", "Trespass", "Trespassing", 107),
            new Offense("03074", "Robbery", "Robbery - Other", "Robbery, W/ Force", 106),
            new Offense("71013", "Larceny Theft", "Theft From Vehicle", "License Plate, Stolen", 97),
            new Offense("06304", "Larceny Theft", "Larceny Theft - From Building", "Theft, From Building, >$950", 91),
            new Offense("51040", "Non-Criminal", "Non-Criminal", "Aided Case", 89),
            new Offense("06363", "Larceny Theft", "Larceny Theft - Shoplifting", "Theft, Shoplifting, $200-$950", 88),
            new Offense("04013", "Assault", "Aggravated Assault", "Assault, Aggravated, W/ Other Weapon", 82),
            new Offense("61030", "Other", "Other", "Death Report, Cause Unknown", 69),
            new Offense("16710", "Drug Offense", "Drug Violation", "Narcotics Paraphernalia, Possession of", 69),
            new Offense("05073", "Burglary", "Burglary - Other", "Burglary, Other Bldg., Unlawful Entry", 68),
            new Offense("05151", "Burglary", "Burglary - Other", "Burglary, Non-residential, Forcible Entry", 60),
            new Offense("28100", "Malicious Mischief", "Vandalism", "Malicious Mischief, Breaking Windows", 63),
            new Offense("26080", "Other Miscellaneous", "Other", "Conspiracy", 57),
            new Offense("15030", "Offences Against The Family And Children", "Other",
                    "Minor, Contributing To Delinquency of", 30),
            new Offense("11012", "Stolen Property", "Stolen Property",
                    "Stolen Property, Possession with Knowledge, Receiving", 56)), Offense::weight);

    static final Weighted<Neighborhood> NEIGHBORHOODS = new Weighted<>(List.of(
            new Neighborhood("Mission", "Mission", 9, 9, 37.7600, -122.4170, 20, 807),
            new Neighborhood("Tenderloin", "Tenderloin", 5, 6, 37.7825, -122.4140, 36, 749),
            new Neighborhood("South of Market", "Southern", 6, 6, 37.7774, -122.4063, 34, 674),
            new Neighborhood("Bayview Hunters Point", "Bayview", 10, 10, 37.7326, -122.3912, 1, 606),
            new Neighborhood("Financial District/South Beach", "Central", 3, 3, 37.7911, -122.4033, 8, 579),
            new Neighborhood("North Beach", "Central", 3, 3, 37.8050, -122.4114, 23, 344),
            new Neighborhood("Sunset/Parkside", "Taraval", 4, 4, 37.7493, -122.4894, 35, 319),
            new Neighborhood("Western Addition", "Northern", 5, 5, 37.7815, -122.4293, 41, 292),
            new Neighborhood("Castro/Upper Market", "Mission", 8, 8, 37.7626, -122.4322, 5, 271),
            new Neighborhood("Marina", "Northern", 2, 2, 37.8002, -122.4381, 18, 268),
            new Neighborhood("Outer Richmond", "Richmond", 1, 1, 37.7773, -122.4923, 29, 240),
            new Neighborhood("Nob Hill", "Central", 3, 3, 37.7905, -122.4140, 21, 239),
            new Neighborhood("Chinatown", "Central", 3, 3, 37.7962, -122.4067, 6, 230),
            new Neighborhood("Hayes Valley", "Northern", 5, 5, 37.7758, -122.4270, 11, 211),
            new Neighborhood("Russian Hill", "Central", 3, 2, 37.8042, -122.4207, 32, 202),
            new Neighborhood("Excelsior", "Ingleside", 11, 11, 37.7206, -122.4337, 7, 162),
            new Neighborhood("Lakeshore", "Taraval", 7, 7, 37.7232, -122.4803, 16, 157),
            new Neighborhood("Outer Mission", "Ingleside", 11, 11, 37.7205, -122.4421, 28, 151),
            new Neighborhood("Bernal Heights", "Ingleside", 9, 9, 37.7413, -122.4175, 2, 147),
            new Neighborhood("Potrero Hill", "Bayview", 10, 10, 37.7574, -122.3959, 26, 144),
            new Neighborhood("Haight Ashbury", "Park", 5, 5, 37.7694, -122.4464, 3, 141),
            new Neighborhood("Pacific Heights", "Northern", 2, 2, 37.7913, -122.4319, 30, 141),
            new Neighborhood("West of Twin Peaks", "Taraval", 7, 7, 37.7342, -122.4680, 40, 137),
            new Neighborhood("Inner Richmond", "Richmond", 1, 1, 37.7798, -122.4651, 12, 131),
            new Neighborhood("Visitacion Valley", "Ingleside", 10, 10, 37.7127, -122.4119, 39, 121),
            new Neighborhood("Japantown", "Northern", 5, 5, 37.7856, -122.4316, 14, 120),
            new Neighborhood("Mission Bay", "Southern", 6, 6, 37.7743, -122.3927, 19, 102),
            new Neighborhood("Portola", "Bayview", 9, 9, 37.7278, -122.4068, 25, 94),
            new Neighborhood("Oceanview/Merced/Ingleside", "Taraval", 11, 11, 37.7170, -122.4594, 24, 80),
            new Neighborhood("Glen Park", "Ingleside", 8, 8, 37.7374, -122.4335, 9, 79),
            new Neighborhood("Twin Peaks", "Park", 8, 8, 37.7525, -122.4457, 38, 72),
            new Neighborhood("Presidio Heights", "Richmond", 2, 2, 37.7852, -122.4519, 31, 70),
            new Neighborhood("Noe Valley", "Mission", 8, 8, 37.7511, -122.4330, 22, 59),
            new Neighborhood("Golden Gate Park", "Richmond", 1, 1, 37.7707, -122.4804, 10, 56),
            new Neighborhood("Lone Mountain/USF", "Park", 5, 5, 37.7748, -122.4454, 17, 52),
            new Neighborhood("Treasure Island", "Southern", 6, 6, 37.8240, -122.3730, 37, 46),
            new Neighborhood("Inner Sunset", "Park", 7, 5, 37.7639, -122.4596, 13, 45),
            new Neighborhood("Lincoln Park", "Richmond", 1, 1, 37.7814, -122.4989, 15, 17),
            new Neighborhood("Presidio", "Northern", 2, 2, 37.8040, -122.4535, 27, 15),
            new Neighborhood("Seacliff", "Richmond", 2, 2, 37.7863, -122.4861, 33, 10),
            new Neighborhood("McLaren Park", "Ingleside", 9, 9, 37.7229, -122.4180, 4, 4)), Neighborhood::weight);

    static final Weighted<ReportType> REPORT_TYPES = new Weighted<>(List.of(
            new ReportType("II", "Initial", false, 7371),
            new ReportType("II", "Coplogic Initial", true, 1700),
            new ReportType("IS", "Initial Supplement", false, 928),
            new ReportType("VI", "Vehicle Initial", false, 545),
            new ReportType("VS", "Vehicle Supplement", false, 364),
            new ReportType("IS", "Coplogic Supplement", true, 250)), ReportType::weight);

    static final Weighted<Resolution> RESOLUTIONS = new Weighted<>(List.of(
            new Resolution("Open or Active", 9055),
            new Resolution("Cite or Arrest Adult", 2644),
            new Resolution("Cite or Arrest Juvenile", 89),
            new Resolution("Unfounded", 77),
            new Resolution("Exceptional Adult", 17),
            new Resolution("Exceptional Juvenile", 2)), Resolution::weight);

    /** Police districts of reports without a location: mostly outside the city. */
    static final Weighted<String> UNLOCATED_DISTRICTS = new Weighted<>(List.of(
            "Out of SF", "Out of SF", "Out of SF", "Out of SF", "Central", "Southern", "Northern", "Richmond",
            "Park", "Mission", "Taraval", "Tenderloin", "Bayview", "Ingleside"), district -> 1);

    static final List<String> STREETS = List.of(
            "MISSION ST", "MARKET ST", "POWELL ST", "OFARRELL ST", "LARKIN ST", "POLK ST", "LEAVENWORTH ST",
            "HYDE ST", "EDDY ST", "STOCKTON ST", "JONES ST", "16TH ST", "POST ST", "TURK ST", "03RD ST", "ELLIS ST",
            "MASON ST", "GEARY BLVD", "04TH ST", "SUTTER ST", "GOLDEN GATE AVE", "TAYLOR ST", "FILLMORE ST",
            "FOLSOM ST", "BRYANT ST", "VAN NESS AVE", "18TH ST", "BUSH ST", "NORTH POINT ST", "GRANT AVE",
            "HOWARD ST", "FULTON ST", "HAYES ST", "19TH ST", "MCALLISTER ST", "VALENCIA ST", "HARRISON ST",
            "06TH ST", "BRANNAN ST", "LAGUNA ST", "GOUGH ST", "CALIFORNIA ST", "VALLEJO ST", "DIAMOND ST",
            "BOSWORTH ST", "ULLOA ST", "20TH AVE", "LOMBARD ST", "CHESTNUT ST", "JACKSON ST");

    private SfpdValues() {
    }
}
