package io.mpensemble.recordservice.manager;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of manager sessions and the lists and dicts they hold, documented in {@code application.yaml}. Each
 * refusal names the setting it hit.
 *
 * @param defaultTtl a session's time-to-live when its start names none
 * @param maxTtl the longest time-to-live a session may ask for
 * @param maxObjects lists and dicts one session holds
 * @param maxListLength elements one list holds
 * @param maxDictLength entries one dict holds
 * @param maxValueSize the JSON text of one list element, dict value or dict key, in UTF-8
 */
@ConfigurationProperties(ManagerProperties.PREFIX)
public record ManagerProperties(
        @DefaultValue("1h") Duration defaultTtl,
        @DefaultValue("24h") Duration maxTtl,
        @DefaultValue("1000") int maxObjects,
        @DefaultValue("100000") int maxListLength,
        @DefaultValue("100000") int maxDictLength,
        @DefaultValue("64KB") DataSize maxValueSize) {

    public static final String PREFIX = "mp-ensemble.records.manager";

    /** The full name of one setting, for the problem that says it was exceeded. */
    public static String setting(String name) {
        return PREFIX + "." + name;
    }
}
