package id.ihati.videotron.admin.review.delivery;

import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The inputs of {@link DeliveryCalculator#compute}: small records, built by the shell from the database. */
public final class Inputs {
    private Inputs() {
    }

    /** A screen as reports name it. */
    public record ScreenInfo(String id, String name, ZoneId zone) {
        public ScreenInfo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(zone, "zone");
            name = name == null ? id : name;
        }
    }

    /** A booking as reports name it. */
    public record BookingInfo(String id, String title, Category category, String owner) {
        public BookingInfo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(category, "category");
        }
    }

    /** The plan of one screen on one local day. */
    public record PlannedDay(String screenId, LocalDate day, DayPlan plan) {
        public PlannedDay {
            Objects.requireNonNull(screenId, "screenId");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * Proof of play counted per screen, local day (of the planned start), source and category: plays reported
     * completed, and plays that failed because of their media (not those cut short by a plan change and the
     * like, see {@link id.ihati.videotron.playlists.proof.Interruption}). Counted in SQL for real periods.
     */
    public record ReportedCount(String screenId, LocalDate day, String sourceId, Category category,
                                long completed, long failed) {
        public ReportedCount {
            Objects.requireNonNull(screenId, "screenId");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(category, "category");
        }

        /** Counts a few records in memory, the same way the SQL does (tests, small ranges). */
        public static List<ReportedCount> count(Collection<PlayRecord> records, Map<String, ZoneId> zones) {
            record Key(String screen, LocalDate day, String source, Category category) {
            }
            var map = new TreeMap<String, long[]>();
            var keys = new java.util.HashMap<String, Key>();
            for (PlayRecord r : records) {
                Instant at = r.plannedStart() != null ? r.plannedStart() : r.actualStart();
                ZoneId zone = zones.getOrDefault(r.screenId(), ZoneId.of("Asia/Jakarta"));
                var k = new Key(r.screenId(), LocalDate.ofInstant(at, zone), r.sourceId(), r.category());
                String s = k.toString();
                keys.put(s, k);
                long[] c = map.computeIfAbsent(s, x -> new long[2]);
                if (r.completed()) {
                    c[0]++;
                } else if (r.mediaError()) {
                    c[1]++;
                }
            }
            var out = new ArrayList<ReportedCount>();
            map.forEach((s, c) -> {
                Key k = keys.get(s);
                out.add(new ReportedCount(k.screen, k.day, k.source, k.category, c[0], c[1]));
            });
            return out;
        }
    }

    /** A time a screen was offline (an offline incident, or a gap in its heartbeats); {@code to} null = still. */
    public record OfflineInterval(String screenId, Instant from, Instant to) {
        public OfflineInterval {
            Objects.requireNonNull(screenId, "screenId");
            Objects.requireNonNull(from, "from");
        }
    }

    /**
     * What the server found when it verified a screen's proof-of-play chain.
     *
     * @param headSeq    seq of the last head the server acknowledged (0: none yet)
     * @param unanchored how many stored records come after that head (behind a gap or a broken link)
     * @param unsigned   how many stored records carry no verified signature (a player paired without a key)
     */
    public record ChainStatus(boolean intact, List<String> problems, long headSeq, long unanchored, long unsigned) {
        public ChainStatus {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        public ChainStatus(boolean intact, List<String> problems) {
            this(intact, problems, 0, 0, 0);
        }

        public static final ChainStatus UNKNOWN = new ChainStatus(true, List.of());

        /**
         * The marks a person reads beside the chain's verdict, in {@code locale}: records after the last
         * acknowledged head, records without a signature.
         */
        public List<String> marks(java.util.Locale locale) {
            List<String> marks = new java.util.ArrayList<>();
            if (unanchored > 0) {
                marks.add(id.ihati.videotron.admin.web.Messages.get(locale, "review.chain.unanchored", unanchored,
                        headSeq));
            }
            if (unsigned > 0) {
                marks.add(id.ihati.videotron.admin.web.Messages.get(locale, "review.chain.unsigned", unsigned));
            }
            return marks;
        }
    }
}
