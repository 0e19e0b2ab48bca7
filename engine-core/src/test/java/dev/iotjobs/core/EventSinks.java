package dev.iotjobs.core;

import dev.iotjobs.api.event.EngineEvent;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.ThingEvent;
import java.util.List;
import java.util.function.Consumer;

/** Listeners that collect one kind of event into a list. */
public final class EventSinks {
    private EventSinks() {
    }

    /** @param sink where job and execution events go @return a listener that adds them, and skips the rest */
    public static Consumer<EngineEvent> jobEventsInto(List<? super JobEvent> sink) {
        return event -> {
            if (event instanceof JobEvent jobEvent) {
                sink.add(jobEvent);
            }
        };
    }

    /** @param sink where device notifications go @return a listener that adds them, and skips the rest */
    public static Consumer<EngineEvent> thingEventsInto(List<? super ThingEvent> sink) {
        return event -> {
            if (event instanceof ThingEvent thingEvent) {
                sink.add(thingEvent);
            }
        };
    }
}
