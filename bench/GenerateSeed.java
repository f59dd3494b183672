import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Writes a synthetic seed CSV for the seed benchmark: a header and N rows of seven columns covering every type a
 * seed infers (bigint, varchar, double, varchar with quoted commas, boolean, date, timestamp), with some nulls.
 * The same seed always gives the same file.
 *
 * <p>usage: {@code java bench/GenerateSeed.java OUT.csv [ROWS]} (default 1,000,000 rows)
 */
public class GenerateSeed {

    private static final String[] DISTRICTS = {"Mission", "Tenderloin", "Bayview", "Central", "Northern",
            "Park", "Richmond", "Southern", "Taraval", "Ingleside"};

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java bench/GenerateSeed.java OUT.csv [ROWS]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long rows = args.length == 2 ? Long.parseLong(args[1]) : 1_000_000L;
        Random random = new Random(42);
        LocalDate firstDay = LocalDate.of(2018, 1, 1);
        LocalDateTime firstMoment = LocalDateTime.of(2018, 1, 1, 0, 0);
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("incident_id,district,amount,description,resolved,incident_date,reported_at\n");
            StringBuilder line = new StringBuilder(128);
            for (long id = 1; id <= rows; id++) {
                line.setLength(0);
                line.append(id).append(',');
                line.append(DISTRICTS[random.nextInt(DISTRICTS.length)]).append(',');
                if (random.nextInt(50) != 0) {
                    line.append(random.nextInt(100_000) / 100.0);
                }
                line.append(',');
                line.append("\"Report ").append(id % 977).append(", category ").append(random.nextInt(40))
                        .append("\",");
                line.append(random.nextBoolean()).append(',');
                line.append(firstDay.plusDays(random.nextInt(2500))).append(',');
                LocalDateTime at = firstMoment.plusSeconds(random.nextInt(216_000_000));
                line.append(at.toLocalDate()).append(' ').append(at.toLocalTime().withNano(0));
                if (at.getSecond() == 0) {
                    line.append(":00");
                }
                line.append('\n');
                writer.append(line);
            }
        }
    }
}
