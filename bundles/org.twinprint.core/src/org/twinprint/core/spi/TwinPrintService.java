package org.twinprint.core.spi;

import java.util.List;
import java.util.Map;

/**
 * What every TwinPrint capability has in common, whether built in or brought by a lab plugin:
 * a stable id, a name for people, and its parameters described as data.
 * <p>
 * A service throws {@link IllegalArgumentException} when the user's parameters or data do not fit
 * (the message says what to change); any other exception is reported as a failure of its plugin.
 */
public interface TwinPrintService {

    /** Stable id, lower-case and dotted, e.g. {@code segment.threshold}; the CLI subcommand uses it. */
    String id();

    /** A short name for menus and listings. */
    String label();

    default String description() {
        return "";
    }

    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /**
     * The values that choosing {@code value} for the choice parameter {@code key} gives other
     * parameters (a threshold preset gives its bounds). A form shows them when the choice is made;
     * a call fills in only those the user did not give, so what the user typed is what runs.
     */
    default Map<String, String> impliedBy(String key, String value) {
        return Map.of();
    }
}
