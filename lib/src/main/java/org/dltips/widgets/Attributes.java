package org.dltips.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/** The attributes a control starts with, built in order; a small helper for the widget classes. */
final class Attributes {

    private final Map<String, Object> map = new LinkedHashMap<>();

    private Attributes() {
    }

    /** A control with a label in front: description, not disabled, labels as wide as their text. */
    static Attributes described(String description) {
        Attributes a = new Attributes();
        a.map.put("description", description == null ? "" : description);
        a.map.put("description_allow_html", false);
        a.map.put("disabled", false);
        a.map.put("style", Widget.wideLabels());
        return a;
    }

    static Attributes plain() {
        return new Attributes();
    }

    Attributes with(String key, Object value) {
        map.put(key, value);
        return this;
    }

    Map<String, Object> map() {
        return map;
    }

    static void checkRange(String what, double min, double max, double value) {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(what + " needs min < max, both finite; received min " + min
                    + " and max " + max);
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " starts at " + value + ", outside its range [" + min + ", "
                    + max + "]; pick a start value between min and max");
        }
    }
}
