package id.ihati.videotron.playlists.schedule;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How often a booking plays while it is in force. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Frequency.PerLoop.class, name = "PER_LOOP"),
        @JsonSubTypes.Type(value = Frequency.EveryNthLoop.class, name = "EVERY_NTH_LOOP"),
        @JsonSubTypes.Type(value = Frequency.PerDay.class, name = "PER_DAY")
})
public sealed interface Frequency {

    /** {@code slots} plays in every loop. */
    record PerLoop(int slots) implements Frequency {
        public PerLoop {
            Checks.positive(slots, "slots per loop");
        }
    }

    /** One play in every {@code n}th loop of the day (loops 0, n, 2n, …). */
    record EveryNthLoop(int n) implements Frequency {
        public EveryNthLoop {
            Checks.positive(n, "n");
        }
    }

    /** {@code plays} plays a day, spread evenly over the booking's windows. */
    record PerDay(int plays) implements Frequency {
        public PerDay {
            Checks.positive(plays, "plays per day");
        }
    }
}
