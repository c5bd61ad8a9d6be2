package io.mpensemble.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * A {@code @ConfigurationProperties} record as Spring binds it, for tests that build the runtime without Spring: its
 * defaults are the record's own {@code @DefaultValue}s, so a test never repeats them.
 */
public final class BoundProperties {

    private BoundProperties() {
    }

    /**
     * The settings record bound from {@code settings}, each {@code "name=value"} under the record's prefix as
     * {@code application.yaml} writes it ({@code "ping-interval=100ms"}); what is not given has its default.
     */
    public static <T> T of(Class<T> type, String... settings) {
        ConfigurationProperties annotation = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type + " is not a @ConfigurationProperties type");
        }
        String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
        Map<String, String> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            values.put(prefix + "." + setting.substring(0, equals), setting.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }
}
