package org.dltips.widgets;

import java.util.List;

/**
 * Widgets laid out in a row or a column, such as the controls of an experiment above its output. Introduced
 * in the notebook "Playground".
 *
 * <p>{@code Box controls = Box.row(rate, momentum); Box panel = Box.column(controls, out);}
 */
public final class Box extends Widget {

    private final List<Widget> children;

    private Box(String kind, Widget... children) {
        super(kind, Attributes.plain().with("children", references(children)).with("box_style", "").map());
        this.children = List.of(children);
    }

    /** Side by side, left to right. */
    public static Box row(Widget... children) {
        return new Box("HBox", children);
    }

    /** One under the other. */
    public static Box column(Widget... children) {
        return new Box("VBox", children);
    }

    public List<Widget> children() {
        return children;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(get("_model_name").equals("HBoxModel") ? "Box.row(" : "Box.column(");
        for (int i = 0; i < children.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(children.get(i));
        }
        return s.append(")").toString();
    }
}
